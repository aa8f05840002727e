"""The review desk for resubmissions (issue 16, points 2 and 4), over HTTP on SQLite and
PostgreSQL: ready-made reasons ticked in the forms are kept with the decision and shown in
the history; the queue marks a resubmission in words; a revision's page shows what changed
since the previous one (fields old -> new, products and photos added or removed)."""

from __future__ import annotations

import asyncio
import re

from sqlmodel import select

from bot.cli import main
from storage import submissions
from storage.models import RevisionSnapshot, StatusChange
from tests.helpers import Owner, photo_bytes
from tests.integration.test_admin import Desk, add_user, onboard, plain, submission_ids
from tests.integration.test_review_reasons import deliver


async def fix_and_send_again(client, owner: Owner) -> None:
    """The owner reads the request for changes (price of product 1 asked), gives a new
    price, replaces the photos of product 2, and sends the draft again."""
    body = await (await client.get(f"/api/chat/sessions/{owner.session}")).json()
    owner.last = body["messages"]
    assert owner.keys == ["decision_changes_requested", "ask_price"], owner.keys
    assert await owner.say("160 DH le litre") == ["review_changed"]
    await owner.press("edit:product:2")
    await owner.press("edit:photos")
    assert owner.keys[-1] == "ask_photos", owner.keys
    assert "clear_photos" in [b["payload"] for b in owner.question["buttons"]]
    assert await owner.press("clear_photos") == ["photos_cleared", "ask_photos"]
    await owner.photo(photo_bytes(77))
    assert await owner.press("done") == ["review_changed"]
    assert await owner.press("submit") == ["submitted"]


async def test_reasons_ticked_in_the_forms_are_kept_and_shown(client, db, settings):
    await add_user(db, "amina@tijara.ma")
    await onboard(client, name="Atelier Un")
    await onboard(client, name="Atelier Deux")
    ids = await submission_ids(db)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    page = await desk.text(f"/admin/submissions/{ids['Atelier Un']}")
    # Each form offers its own reasons as checkboxes; the rejection's note is optional.
    changes_form = page.split('id="changes-form"')[1].split("</form>")[0]
    reject_form = page.split('id="reject-form"')[1].split("</form>")[0]
    assert 'value="photo_quality"' in changes_form and 'value="duplicate"' not in changes_form
    assert 'value="duplicate"' in reject_form and 'value="photo_quality"' in reject_form
    assert "required" not in reject_form.split('name="note"')[1].split(">")[0]
    assert "Photo trop sombre ou floue" in changes_form

    response = await desk.post(f"/admin/submissions/{ids['Atelier Un']}/decision", [
        ("decision", "request_changes"), ("reason", "photo_quality"),
        ("reason", "moq_unclear"), ("reason", "duplicate"), ("reason", "<script>")])
    assert "m=decision_done_changes_requested" in response.headers["Location"]
    response = await desk.post(f"/admin/submissions/{ids['Atelier Deux']}/decision", [
        ("decision", "reject"), ("reason", "product_not_allowed"), ("note", "")])
    assert "m=decision_done_rejected" in response.headers["Location"]

    async with db.transaction() as session:
        kept = {(c.submission_id, c.to_status): (c.reasons, c.reason) for c in (
            await session.execute(select(StatusChange))).scalars()}
    assert kept[(ids["Atelier Un"], "changes_requested")] == (
        ["photo_quality", "moq_unclear"], "")
    assert kept[(ids["Atelier Deux"], "rejected")] == (["product_not_allowed"], "")

    def history(html: str) -> str:
        return plain(html.split('id="history"')[1].split("</section>")[0])

    one = history(await desk.text(f"/admin/submissions/{ids['Atelier Un']}"))
    assert "Photo trop sombre ou floue" in one and "Quantité minimum pas claire" in one
    await desk.get("/admin/lang/ar")
    two = history(await desk.text(f"/admin/submissions/{ids['Atelier Deux']}"))
    assert "منتج غير مسموح به على المنصة" in two


async def test_a_resubmission_is_marked_and_shows_what_changed(client, db, settings):
    await add_user(db, "amina@tijara.ma")
    owner = await onboard(client, name="Coopérative Tifawin",
                          products=(("Huile d'argan", 2), ("Savon noir", 1)))
    await onboard(client, name="Atelier Deux")
    ids = await submission_ids(db)
    sid = ids["Coopérative Tifawin"]
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    queue = await desk.text("/admin/submissions")
    assert "badge-resubmitted" not in queue
    first = await desk.text(f"/admin/submissions/{sid}")
    assert 'id="changes"' not in first  # a first revision has nothing to compare with

    await desk.post(f"/admin/submissions/{sid}/decision", [
        ("decision", "request_changes"), ("item_field", "product:1:price"),
        ("item_reason", "price_unclear"), ("reason", "photo_quality")])
    await deliver(db, settings)
    await fix_and_send_again(client, owner)

    queue = await desk.text("/admin/submissions")
    row = queue.split(f'<tr data-id="{sid}">')[1].split("</tr>")[0]
    assert "Renvoyé · version 2" in plain(row)  # in words, not a colour only
    other = queue.split(f'<tr data-id="{ids["Atelier Deux"]}">')[1].split("</tr>")[0]
    assert "badge-resubmitted" not in other

    page = await desk.text(f"/admin/submissions/{sid}")
    changes = page.split('id="changes"')[1].split("</section>")[0]
    text = plain(changes)
    assert "Ce qui a changé depuis la version 1" in text
    assert 'id="changes-business"' not in changes  # the business did not change
    blocks = re.findall(r'data-kind="(\w+)" data-number="(\d+)"', changes)
    assert blocks == [("changed", "1"), ("changed", "2")]
    price = changes.split('data-field="price_amount"')[1].split("</li>")[0]
    assert re.search(r"<del>.*150.*</del>.*<ins>.*160.*</ins>", price, re.S)
    second = changes.split('data-number="2"')[1]
    added = second.split('data-photos="added"')[1].split("</ul>")[0]
    removed = second.split('data-photos="removed"')[1].split("</ul>")[0]
    assert added.count("<img") == 1 and removed.count("<img") == 1
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
        snap = (await session.execute(select(RevisionSnapshot))).scalars().all()
    now = [m.sha256 for m in view.products[1].media]
    assert re.search(r'data-sha="(\w+)"', added).group(1) in now
    assert re.search(r'data-sha="(\w+)"', removed).group(1) not in now
    assert [(s.submission_id, s.revision) for s in snap] == [(sid, 1)]
    # Every thumbnail is a signed link that answers.
    for link in re.findall(r'<img src="([^"]+)"', changes):
        assert (await client.get(link.replace("&amp;", "&"))).status == 200

    await desk.get("/admin/lang/ar")
    arabic = plain((await desk.text(f"/admin/submissions/{sid}"))
                   .split('id="changes"')[1].split("</section>")[0])
    assert "ما تغيّر منذ النسخة 1" in arabic and "عُدّل المنتج 2" in arabic


async def test_a_revision_sent_before_snapshots_were_kept_says_so(client, db, settings):
    await add_user(db, "amina@tijara.ma")
    owner = await onboard(client, name="Atelier Ancien",
                          products=(("Huile d'argan", 1), ("Savon noir", 1)))
    sid = (await submission_ids(db))["Atelier Ancien"]
    async with db.transaction() as session:
        await submissions.decide(session, sid, "request_changes", actor="cli",
                                 items=[{"field": "product:1:price", "reason": "price_unit"}])
    await deliver(db, settings)
    await fix_and_send_again(client, owner)
    async with db.transaction() as session:  # as if sent before migration 0016
        for snap in (await session.execute(select(RevisionSnapshot))).scalars():
            await session.delete(snap)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    changes = (await desk.text(f"/admin/submissions/{sid}")).split('id="changes"')[1]
    assert "La version précédente n'a pas été gardée" in plain(changes.split("</section>")[0])


async def test_the_cli_gives_ready_made_reasons_too(client, db, monkeypatch, settings, capsys):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    await onboard(client, name="Atelier Un")
    await onboard(client, name="Atelier Deux")
    ids = await submission_ids(db)

    def run(*args) -> int:
        try:
            main(list(args))
        except SystemExit as exit_:
            return exit_.code
        return 0

    one, two = str(ids["Atelier Un"]), str(ids["Atelier Deux"])
    assert await asyncio.to_thread(run, "submissions", "request-changes", one,
                                   "--because", "photo_quality", "--because",
                                   "moq_unclear") == 0
    # A rejection's reason is not offered for a request for changes: refused by argparse.
    assert await asyncio.to_thread(run, "submissions", "request-changes", two,
                                   "--because", "duplicate") == 2
    assert await asyncio.to_thread(run, "submissions", "reject", two, "--because",
                                   "duplicate", "--reason", "Déjà inscrit sous un autre nom") == 0
    capsys.readouterr()
    async with db.transaction() as session:
        kept = [(c.submission_id, c.to_status, c.reasons, c.reason) for c in (
            await session.execute(select(StatusChange).where(StatusChange.actor == "cli")
                                  .order_by(StatusChange.id))).scalars()]
    assert kept == [
        (int(one), "changes_requested", ["photo_quality", "moq_unclear"], ""),
        (int(two), "rejected", ["duplicate"], "Déjà inscrit sous un autre nom")]
