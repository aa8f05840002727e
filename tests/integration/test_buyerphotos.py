"""Issue 18: the photos of a certificate and of the packaging, sent in the web chat, are
kept with the business when the draft is submitted: the admin's page shows them, the
storefront handoff hands them on (the stand-in downloads them), and so do the JSON
listing, the export folder, the owner's "my data" ZIP; erasure takes them away and the
media gc leaves them be. SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import re
import zipfile
from datetime import timedelta

from sqlmodel import select

from bot import owner_export
from bot.cli import main
from flows.readiness import readiness
from storage import conversations, erasure, submissions
from storage.conversations import state_of
from storage.media import LocalMediaStore, gc
from storage.models import BusinessMedia, Conversation, Submission, utcnow
from tests.helpers import Owner, photo_bytes, worker_handlers
from tests.integration.test_admin import Desk, add_user
from tests.integration.test_buyerconv import to_the_certificate
from tests.integration.test_storefront import (  # noqa: F401 - fixtures
    _no_pending,
    fake,
    quick_backoff,
    site,
    status_is,
    until,
    worker_settings,
    working,
)


async def submit_with_photos(owner: Owner, db) -> tuple[int, str, str]:
    """A leather workshop's draft with a photo of its fair-trade certificate and one of
    its packaging (sent instead of describing it), submitted: its id and the photos'
    sha256 (certificate, packaging)."""
    await to_the_certificate(owner)
    assert await owner.photo(photo_bytes(7)) == ["doc_photo_received", "ask_export"]
    assert await owner.press("export:never") == ["ask_packaging"]
    assert await owner.photo(photo_bytes(8)) == ["doc_photo_received", "review_summary"]
    assert await owner.press("submit") == ["submitted"]
    async with db.transaction() as session:
        state = state_of(await conversations.find(session, "web", owner.session))
        sid = (await session.execute(select(Submission.id))).scalar_one()
    (cert,) = state.draft.buyer.photos_of("certificate:fairtrade")
    (packaging,) = state.draft.buyer.photos_of("packaging")
    return sid, cert.sha256, packaging.sha256


async def owner_readiness(db, owner: Owner):
    async with db.transaction() as session:
        d = state_of(await conversations.find(session, "web", owner.session)).draft
    return readiness(d.products[0], d.sector, d.buyer)


async def list_json(monkeypatch, capsys, settings) -> list[dict]:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    capsys.readouterr()
    try:  # the CLI runs its own event loop, so it gets a thread of its own
        await asyncio.to_thread(main, ["submissions", "list", "--json"])
    except SystemExit as exit_:
        assert exit_.code == 0
    return json.loads(capsys.readouterr().out)


def photos_in(body: dict) -> tuple[list[str], list[str]]:
    """The sha256 of the certificate's photos on every product, and of the packaging's."""
    certs = [[i["sha256"] for i in p["certifications"][0]["photos"]] for p in body["products"]]
    assert all(c == certs[0] for c in certs)
    return certs[0], [i["sha256"] for i in body["business"]["packaging_photos"]]


async def test_a_certificate_photo_reaches_the_admin_and_the_storefront(
        site, fake, db, settings, monkeypatch, capsys):  # noqa: F811
    owner = Owner(site)
    sid, cert, packaging = await submit_with_photos(owner, db)

    # The admin's page: each photo labelled with what it shows, behind a signed link.
    await add_user(db, "amina@tijara.ma")
    desk = Desk(site)
    await desk.login("amina@tijara.ma")
    page = await desk.text(f"/admin/submissions/{sid}")
    section = page[page.index('id="buyerq"'):]
    assert "certificat FLOCERT" in section and "emballage" in section
    links = re.findall(r'<a href="(/media/[0-9a-f]{64}\?[^"]+)"[^>]*class="thumb">\s*<img '
                       r'src="[^"]+" alt="([^"]+)"', section)
    assert [alt for _, alt in links] == ["certificat FLOCERT (1)", "emballage (1)"]
    for (href, _), sha in zip(links, (cert, packaging), strict=True):
        photo = await site.get(href.replace("&amp;", "&"))
        assert photo.status == 200
        assert hashlib.sha256(await photo.read()).hexdigest() == sha
    # The listing's readiness as the owner is told it, the two photos counted.
    told = await owner_readiness(db, owner)
    assert f'data-score="{told.score}"' in page

    approved = await desk.post(f"/admin/submissions/{sid}/decision", {"decision": "approve"})
    assert approved.status == 303
    async with working(db, worker_handlers(db, worker_settings(settings, site, fake), {})):
        await until(status_is(db, sid, "live"))
        await until(lambda: _no_pending(db))
    body = fake.storefronts[f"{sid}-1"]["body"]  # validated against the 1.6 schema
    assert photos_in(body) == ([cert], [packaging])
    assert {cert, packaging} <= set(fake.downloads)  # the stand-in fetched their URLs

    (listed,) = await list_json(monkeypatch, capsys, settings)
    assert photos_in(listed) == ([cert], [packaging])


async def test_the_admin_is_told_the_photo_missing_as_the_owner(site, db):  # noqa: F811
    """Without the packaging's photo (described in words only), the admin reads the
    listing's score and next tip the owner was told."""
    owner = Owner(site)
    await to_the_certificate(owner)
    assert await owner.photo(photo_bytes(7)) == ["doc_photo_received", "ask_export"]
    for action, value in (("press", "export:never"), ("say", "Boîtes en carton"),
                          ("press", "skip"), ("press", "submit")):
        await getattr(owner, action)(value)
    assert owner.keys == ["submitted"]
    told = await owner_readiness(db, owner)
    await add_user(db, "amina@tijara.ma")
    desk = Desk(site)
    await desk.login("amina@tijara.ma")
    async with db.transaction() as session:
        sid = (await session.execute(select(Submission.id))).scalar_one()
    page = await desk.text(f"/admin/submissions/{sid}")
    line = re.search(r'<p class="readiness" data-score="(\d+)">([^<]*)</p>', page)
    assert int(line[1]) == told.score
    assert "certificat FLOCERT" in page and "emballage (1)" not in page
    tips = {"photos": "À ajouter : des photos", "packaging_photo":
            "À ajouter : une photo de l'emballage"}
    assert tips[told.next] in line[2]


async def test_the_export_folder_the_owners_zip_gc_and_erasure(site, db, settings):  # noqa: F811
    owner = Owner(site)
    sid, cert, packaging = await submit_with_photos(owner, db)
    async with db.transaction() as session:
        await submissions.decide(session, sid, "approve", actor="admin:test")
    ws = worker_settings(settings, site, None)  # no backend: the export folder
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "exported"))
    folder = settings.var_dir / "exports" / str(sid)
    document = json.loads((folder / "submission.json").read_text(encoding="utf-8"))
    image = document["products"][0]["certifications"][0]["photos"][0]
    assert image["file"] == "certificate-fairtrade-1.jpg"
    assert hashlib.sha256((folder / image["file"]).read_bytes()).hexdigest() == cert
    (box,) = document["business"]["packaging_photos"]
    assert hashlib.sha256((folder / box["file"]).read_bytes()).hexdigest() == packaging

    # The media gc, however old the files: the submitted photos stay.
    store = LocalMediaStore(settings.media_root)
    await gc(db, store, older_than=timedelta(0))
    assert hashlib.sha256(await store.open(cert)).hexdigest() == cert
    assert hashlib.sha256(await store.open(packaging)).hexdigest() == packaging

    async with db.transaction() as session:
        conv = (await session.execute(select(Conversation.id))).scalar_one()
    zipped = await owner_export.export(db, store, conv, actor="owner", via="test")
    with zipfile.ZipFile(io.BytesIO(zipped.body)) as archive:
        data = json.loads(archive.read("data.json"))
        files = {m["id"]: m["file"] for m in data["media"]}
        kept = {d["of"]: archive.read(files[d["media_id"]]) for d in data["document_photos"]}
    assert {of: hashlib.sha256(b).hexdigest() for of, b in kept.items()} == {
        "certificate:fairtrade": cert, "packaging": packaging}

    async with db.transaction() as session:
        erased = await erasure.erase(session, [conv], cause="cli", actor="cli")
    assert erased.rows["business_media"] == 2
    async with db.transaction() as session:
        assert (await session.execute(select(BusinessMedia))).all() == []


async def test_a_resubmission_keeps_the_photos_the_draft_holds_then(site, db):  # noqa: F811
    """The links follow the draft sent last: a packaging photo the owner took out and a
    certificate they no longer name are gone from the business, the rest is kept."""
    owner = Owner(site)
    sid, cert, packaging = await submit_with_photos(owner, db)
    async with db.transaction() as session:
        conv = await conversations.find(session, "web", owner.session)
        state = state_of(conv)
        buyer = state.draft.buyer
        buyer.photos = [p for p in buyer.photos if p.of != "packaging"]
        state.revision += 1
        await submissions.record(session, conv, state, utcnow())
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
    assert [(d.of, d.media.sha256) for d in view.documents] == [
        ("certificate:fairtrade", cert)]
    assert view.submission.revision == 2

    async with db.transaction() as session:
        conv = await conversations.find(session, "web", owner.session)
        state = state_of(conv)  # as the chat holds it: the packaging's photo is there
        state.draft.buyer.certifications, state.draft.buyer.certified = [], False
        state.draft.buyer.packaging = "Boîtes en carton"
        state.draft.buyer.photos = [p for p in state.draft.buyer.photos if p.of != "packaging"]
        state.revision += 2
        await submissions.record(session, conv, state, utcnow())
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
    assert view.documents == [] and view.business.certifications == []
    assert view.business.packaging == "Boîtes en carton"
