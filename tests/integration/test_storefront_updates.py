"""Changes after sending, end to end: the web chat, the review, and the storefront
stand-in (tests/fakes/storefront.py) that receives the creation, then one update.

The app is served on a real port so the stand-in can download every image it is sent.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from bot.app import create_app
from bot.outbox import handoff as storefront
from storage import submissions
from storage.models import Business, Conversation, Outbox, Submission
from storage.review import InvalidDecision
from tests.fakes.storefront import FakeStorefront
from tests.helpers import Owner, photo_bytes, worker_handlers
from tests.integration.test_storefront import (
    ADMIN,
    SECRET,
    TOKEN,
    approve,
    inbox_keys,
    status_is,
    submission,
    to_review,
    until,
    worker_settings,
    working,
)


@pytest.fixture
async def fake(aiohttp_server):
    fake = FakeStorefront(TOKEN, SECRET)
    fake.server = await aiohttp_server(fake.app())
    yield fake
    fake.release()


@pytest.fixture
async def site(aiohttp_client, settings, db):
    return await aiohttp_client(create_app(settings.model_copy(
        update={"embedded_worker": False, "review_time_hint": "2 working days"}), db))


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch):
    monkeypatch.setattr(storefront, "backoff", lambda attempt: timedelta(milliseconds=10))


async def handoffs_done(db) -> bool:
    async with db.transaction() as session:
        return not (await session.execute(select(Outbox.id).where(
            Outbox.kind.in_(("handoff", "notify")), Outbox.status != "done"))).first()


async def test_changes_to_a_live_storefront_reach_it_as_one_signed_update(
        site, fake, db, settings):
    owner = Owner(site)
    await to_review(owner, "Coopérative Tifawin", photos=(1, 2))
    assert await owner.press("submit") == ["submitted"]
    (sid,) = await approve(db)
    ws = worker_settings(settings, site, fake)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
        await until(lambda: handoffs_done(db))
    assert fake.created == [f"{sid}-1"]
    assert [m["key"] for m in await inbox_keys(site, owner)] == ["decision_approved",
                                                                 "decision_live"]
    first = fake.content["sf-1"]

    # A new price, one more product, a better first photo: each confirmed in one line.
    assert await owner.say("changer le prix") == ["ask_price"]
    assert await owner.say("180 DH le litre") == ["change_done_field"]
    assert await owner.say("ajouter un produit") == ["ask_product_name"]
    assert await owner.say("Amlou") == ["ask_photos"]
    assert await owner.photo(photo_bytes(3)) == ["photo_received"]
    for action, value, expected in (("press", "done", "ask_description"),
                                    ("say", "Amandes, argan et miel.", "ask_price"),
                                    ("say", "90 DH le kilo", "ask_moq"),
                                    ("say", "10 kg", "change_done_added"),
                                    ("press", "change:photos", "change_which_product"),
                                    ("press", "product:1", "change_photos"),
                                    ("press", "photo_replace", "photo_fix")):
        assert await getattr(owner, action)(value) == [expected], value
    assert await owner.photo(photo_bytes(4)) == ["photo_which"]
    assert await owner.press("photo:1") == ["photo_replaced", "photo_received"]
    assert await owner.press("done") == ["change_done_field"]
    assert await owner.press("send_changes") == ["changes_sent_live"]
    assert "2 jours ouvrés" in owner.question["text"]
    assert "reste en ligne" in owner.question["text"]

    # Under review: a new revision in the queue; the storefront keeps the approved one.
    s = await submission(db, sid)
    assert (s.status, s.revision, s.storefront_id) == ("submitted", 2, "sf-1")
    async with db.transaction() as session:
        queued = [v.submission.id for v in await submissions.views(session, status="submitted")]
    assert queued == [sid]
    assert fake.content["sf-1"] is first and fake.updated == []

    # Approved again: one update, after the backend was down once.
    fake.fail(1, 503)
    await approve(db, sid)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
        await until(lambda: handoffs_done(db))
    updates = [r for r in fake.requests if r.method == "PUT"]
    assert [(r.key, r.status, r.storefront_id) for r in updates] == [
        (f"{sid}-2", 503, "sf-1"), (f"{sid}-2", 200, "sf-1")]
    assert fake.created == [f"{sid}-1"] and fake.updated == [f"{sid}-2"]
    now = fake.content["sf-1"]
    assert now["revision"] == 2
    assert [(p["name"], p["price"]["amount"], p["price"]["unit"]) for p in now["products"]] == [
        ("Huile d'argan cosmétique", "180", "l"), ("Amlou", "90", "kg")]
    before = [i["sha256"] for i in first["products"][0]["images"]]
    images = [[i["sha256"] for i in p["images"]] for p in now["products"]]
    # The first photo replaced by the new one, the second kept; the new product's own.
    assert [len(i) for i in images] == [2, 1] and images[0][0] == before[1]
    assert not {images[0][1], images[1][0]} & set(before) and images[0][1] != images[1][0]
    assert now["business"] == first["business"]
    assert [m["key"] for m in await inbox_keys(site, owner)] == ["decision_changes_approved",
                                                                 "decision_updated"]

    # The update's row run again (a lease that ran out): nothing is sent twice.
    async with db.transaction() as session:
        await session.execute(sa.update(Outbox).where(
            Outbox.dedupe_key == f"handoff:{sid}-2").values(status="pending",
                                                            due_at=sa.func.now()))
    async with working(db, worker_handlers(db, ws, {})):
        await until(lambda: handoffs_done(db))
    assert len([r for r in fake.requests if r.method == "PUT"]) == 2
    assert fake.updated == [f"{sid}-2"]


async def test_a_product_removed_is_gone_from_the_update(site, fake, db, settings):
    owner = Owner(site)
    await to_review(owner, "Coopérative Amal", photos=(1,))
    assert await owner.press("add_product") == ["ask_product_name"]
    for action, value in (("say", "Savon beldi"), ("photo", 5), ("press", "done"),
                          ("say", "Savon noir."), ("say", "20 DH la pièce"), ("say", "100 pièces"),
                          ("press", "no")):
        await (owner.photo(photo_bytes(value)) if action == "photo"
               else getattr(owner, action)(value))
    assert await owner.press("submit") == ["submitted"]
    (sid,) = await approve(db)
    ws = worker_settings(settings, site, fake)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
        await until(lambda: handoffs_done(db))
    assert len(fake.content["sf-1"]["products"]) == 2
    assert [m["key"] for m in await inbox_keys(site, owner)] == ["decision_approved",
                                                                 "decision_live"]

    assert await owner.press("change") == ["change_menu"]
    assert await owner.press("change:remove_product") == ["change_which_product"]
    assert await owner.press("product:1") == ["change_done_removed"]
    assert await owner.press("send_changes") == ["changes_sent_live"]
    await approve(db, sid)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
        await until(lambda: handoffs_done(db))
    assert [p["name"] for p in fake.content["sf-1"]["products"]] == ["Savon beldi"]
    assert fake.updated == [f"{sid}-2"] and fake.created == [f"{sid}-1"]


async def test_a_change_while_under_review_is_the_revision_approved_and_created(
        site, fake, db, settings):
    owner = Owner(site)
    await to_review(owner, "Coopérative Tifawin", photos=(1,))
    assert await owner.press("submit") == ["submitted"]
    assert await owner.say("modifier") == ["change_menu"]
    assert await owner.press("change:description") == ["ask_description"]
    assert await owner.say("Huile d'argan bio, pressée à froid à Agadir.") == [
        "change_done_field"]
    assert await owner.press("send_changes") == ["changes_sent"]
    assert "reste en ligne" not in owner.question["text"]  # nothing is online yet
    assert await owner.say("bonjour") == ["changes_under_review"]

    async with db.transaction() as session:
        (view,) = await submissions.views(session)
    sid = view.submission.id
    assert (view.submission.status, view.submission.revision) == ("submitted", 2)
    assert [(c.to_status, c.revision) for c in view.history] == [("submitted", 1),
                                                                 ("submitted", 2)]
    assert view.products[0].product.description == "Huile d'argan bio, pressée à froid à Agadir."
    await approve(db, sid)
    ws = worker_settings(settings, site, fake)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
    # Never created before: the approved revision is a creation, under its own key.
    assert fake.created == [f"{sid}-2"] and fake.updated == []
    assert fake.content["sf-1"]["products"][0]["description"] == (
        "Huile d'argan bio, pressée à froid à Agadir.")


async def test_a_storefront_made_for_a_revision_changed_since_is_updated_not_made_again(db):
    """The creation answered after the owner had already sent a change: its id is kept,
    so the newer revision, once approved, updates that storefront."""
    async with db.transaction() as session:
        sub = Submission(business_id=await _business(session), status="submitted",
                         revision=2)
        session.add(sub)
        await session.flush()
        sid = sub.id
    async with db.transaction() as session:
        assert not await submissions.mark_live(session, sid, 1, storefront_id="sf-9",
                                               url="https://m.example/sf-9")
    s = await submission(db, sid)
    assert (s.status, s.storefront_id) == ("submitted", "sf-9")


async def _business(session) -> int:
    conv = Conversation(channel="web", user_ref="owner-x", locale="fr", language="fr",
                        script="Latn", step="submitted", status="submitted", state={})
    session.add(conv)
    await session.flush()
    business = Business(conversation_id=conv.id, name="Atlas", owner_name="Aicha",
                        language="fr", script="Latn", channel="web")
    session.add(business)
    await session.flush()
    return business.id


async def test_changes_to_a_live_storefront_are_sent_back_not_rejected(site, fake, db, settings):
    owner = Owner(site)
    await to_review(owner, "Coopérative Tifawin", photos=(1,))
    assert await owner.press("submit") == ["submitted"]
    (sid,) = await approve(db)
    ws = worker_settings(settings, site, fake)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
        await until(lambda: handoffs_done(db))  # the owner was told the link
    await owner.say("changer le prix")
    await owner.say("170 DH le litre")
    assert await owner.press("send_changes") == ["changes_sent_live"]
    async with db.transaction() as session:
        with pytest.raises(InvalidDecision) as refused:
            await submissions.decide(session, sid, "reject", actor=ADMIN, reason="Non.")
    assert refused.value.problem == "reject_live"
    assert (await submission(db, sid)).status == "submitted"
    async with db.transaction() as session:
        await submissions.decide(session, sid, "request_changes", actor=ADMIN,
                                 reason="Le prix semble trop bas.")
    assert (await submission(db, sid)).status == "changes_requested"
