"""What leaves Tijara as files: the export folder (no storefront backend configured:
`<var_dir>/exports/<id>/submission.json`, its images and voice notes, `products.csv`)
and the admin CSV, on SQLite and on PostgreSQL.

Submissions are made by real web-chat conversations; English texts and corrections are
written with the functions the admin pages call; the export is done by the real worker.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json

import pytest
from sqlmodel import select

from bot.admin.export import to_csv
from bot.app import create_app
from bot.csvsafe import safe_cell
from bot.outbox.export import export_csv
from bot.runtime import open_files
from bot.signing import Signer
from storage import corrections, submissions
from storage import queue as review_queue
from storage.media import LocalMediaStore, add_media, ingest_audio
from storage.models import Conversation, Outbox, Submission
from tests.helpers import Owner, ogg_voice_note, worker_handlers
from tests.integration.test_storefront import (
    make_submissions,
    status_is,
    submission,
    to_review,
    until,
    working,
)

ADMIN = "admin:a@tijara.ma"
EVIL = {
    "business_name": '=HYPERLINK("http://evil.example/")',
    "owner_name": "+212 Ali Test",
    "name": "@SUM(1+1)",
    "description": "-2+3 description",
}


# --- fixtures and helpers ------------------------------------------------------------


@pytest.fixture
async def site(aiohttp_client, settings, db):
    """The web app on a real port (signed media links), without its own worker."""
    return await aiohttp_client(create_app(settings.model_copy(
        update={"embedded_worker": False}), db))


def export_settings(settings, site):
    """No STOREFRONT_API_URL: approved submissions go to the export folder."""
    return settings.model_copy(update={
        "public_base_url": str(site.make_url("")).rstrip("/"), "storefront_api_url": None,
        "embedded_worker": False})


async def onboard(owner: Owner, db, settings, name: str, *, voice: bytes | None = None) -> int:
    """A French owner through the web chat, two photos, up to a submitted draft; with
    `voice`, the product is also described by a voice note (kept as a channel keeps one,
    and set on the draft as the engine does: `ProductDraft.voice_media_id`). Its id."""
    await to_review(owner, name)
    if voice is not None:
        stored = await ingest_audio(LocalMediaStore(settings.media_root), voice, "audio/ogg")
        async with db.transaction() as session:
            conv = (await session.execute(select(Conversation).order_by(
                Conversation.id.desc()))).scalars().first()
            media = await add_media(session, conv.id, stored)
            state = json.loads(json.dumps(conv.state))
            state["draft"]["products"][0]["voice_media_id"] = media.id
            conv.state, conv.version = state, conv.version + 1
    assert await owner.press("submit") == ["submitted"]
    async with db.transaction() as session:
        return (await session.execute(select(Submission.id).order_by(
            Submission.id.desc()))).scalars().first()


async def approve(db, sid: int) -> None:
    async with db.transaction() as session:
        await submissions.decide(session, sid, "approve", actor=ADMIN)


async def translate(db, sid: int, title: str, description: str) -> None:
    async with db.transaction() as session:  # what the review page's form calls
        await corrections.save_translation(session, sid, 0, title_en=title,
                                           description_en=description, actor=ADMIN)


async def handoff_row(db, sid: int) -> Outbox:
    async with db.transaction() as session:
        return (await session.execute(select(Outbox).where(
            Outbox.kind == "handoff", Outbox.payload["submission_id"].as_integer() == sid)
        )).scalar_one()


def products_csv(settings) -> list[dict]:
    text = (settings.var_dir / "exports" / "products.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


# --- the export folder ---------------------------------------------------------------


async def test_english_texts_and_a_voice_note_reach_the_export_folder(site, db, settings):
    voice = ogg_voice_note()
    sid = await onboard(Owner(site), db, settings, "Coopérative Tifawin", voice=voice)
    await translate(db, sid, "Cold-pressed argan oil", "Organic, from our own trees.")
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
    assert [m.kind for m in view.products[0].media] == ["photo", "photo", "audio"]
    await approve(db, sid)

    async with working(db, worker_handlers(db, export_settings(settings, site), {})):
        await until(status_is(db, sid, "exported"))
    row = await handoff_row(db, sid)
    assert (row.status, row.last_error) == ("done", "")
    assert (await submission(db, sid)).handoff_error is None

    folder = settings.var_dir / "exports" / str(sid)
    (product,) = json.loads((folder / "submission.json").read_text())["products"]
    assert product["en"] == {"name": "Cold-pressed argan oil",
                             "description": "Organic, from our own trees."}
    assert product["name"] == "Huile d'argan cosmétique"
    # The images are the photos, and only them.
    assert [i["file"] for i in product["images"]] == ["1-1.jpg", "1-2.jpg"]
    assert all(i["content_type"] == "image/jpeg" for i in product["images"])
    for image in product["images"]:
        data = (folder / image["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == image["sha256"]
    # The voice note is kept beside them, as the owner sent it.
    (note,) = product["voice_notes"]
    assert (note["file"], note["content_type"], note["size"]) == (
        "1-voice-1.ogg", "audio/ogg", len(voice))
    assert note["duration_s"] == pytest.approx(2, abs=0.1)
    assert (folder / "1-voice-1.ogg").read_bytes() == voice
    assert sorted(p.name for p in folder.iterdir()) == [
        "1-1.jpg", "1-2.jpg", "1-voice-1.ogg", "submission.json"]

    (line,) = products_csv(settings)
    assert line["images"] == f"{sid}/1-1.jpg;{sid}/1-2.jpg"
    assert (line["name_en"], line["description_en"]) == (
        "Cold-pressed argan oil", "Organic, from our own trees.")
    assert line["product_name"] == "Huile d'argan cosmétique"


async def test_a_voice_note_gone_from_the_store_does_not_hold_the_export_up(
        site, db, settings):
    voice = ogg_voice_note(3)
    sid = await onboard(Owner(site), db, settings, "Tapis Atlas", voice=voice)
    LocalMediaStore(settings.media_root).path(hashlib.sha256(voice).hexdigest()).unlink()
    await approve(db, sid)
    async with working(db, worker_handlers(db, export_settings(settings, site), {})):
        await until(status_is(db, sid, "exported"))
    folder = settings.var_dir / "exports" / str(sid)
    (product,) = json.loads((folder / "submission.json").read_text())["products"]
    assert [i["file"] for i in product["images"]] == ["1-1.jpg", "1-2.jpg"]
    assert [(n["file"], n["sha256"]) for n in product["voice_notes"]] == [
        (None, hashlib.sha256(voice).hexdigest())]
    # Nothing edited: the listing generated from the owner's words, in the JSON and the
    # CSV alike, with its type, HS code and price in USD.
    assert product["en"]["name"] == product["type"]["name"]
    (line,) = products_csv(settings)
    assert (line["name_en"], line["description_en"]) == (product["en"]["name"],
                                                         product["en"]["description"])
    assert (line["type"], line["hs_code"]) == (product["type"]["key"], product["hs_code"])
    assert (line["price_usd"], line["usd_rate_date"]) == (
        product["price"]["usd"]["amount"], settings.usd_per_mad_date)


class HeldFolder:
    """An export folder whose first products.csv write waits for `go`: a slow machine
    that read the database before another machine's export, and writes after it."""

    def __init__(self, inner):
        self.inner, self.read_done, self.go, self.held = inner, asyncio.Event(), \
            asyncio.Event(), False

    async def write(self, name: str, data: bytes) -> None:
        if name == "products.csv" and not self.held:
            self.held = True
            self.read_done.set()
            await self.go.wait()
        await self.inner.write(name, data)

    def __getattr__(self, name):
        return getattr(self.inner, name)


@pytest.fixture(params=["local", "s3"])
async def folder(request, settings):
    update = {} if request.param == "local" else request.getfixturevalue(
        "s3_store_url").settings()
    async with open_files(settings.model_copy(update=update)) as (_, exports):
        yield exports


async def test_products_csv_written_by_two_machines_at_once_misses_no_row(
        db, settings, folder):
    (first,) = await make_submissions(db, settings, 1)
    slow = HeldFolder(folder)
    # Machine A reads the database (one approved submission), then stalls before writing.
    writing = asyncio.create_task(export_csv(db, slow))
    await slow.read_done.wait()
    # Meanwhile a second approval, and machine B's export writes both rows.
    (second,) = await make_submissions(db, settings, 1)
    await export_csv(db, folder)
    # A's write lands last with what it read first: it reads again, and writes again.
    slow.go.set()
    await writing
    rows = list(csv.DictReader(io.StringIO((await folder.read("products.csv")).decode())))
    assert [r["sku"] for r in rows] == [f"tijara-{first}-1", f"tijara-{second}-1"]


# --- formulas in the CSVs ------------------------------------------------------------


async def evil_submission(site, db, settings) -> int:
    """A submission whose texts a spreadsheet would run, as an admin's corrections
    (storage.corrections) can write them."""
    sid = await onboard(Owner(site), db, settings, "Coopérative Tifawin")
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
        await corrections.correct_business(session, sid, {
            "business_name": EVIL["business_name"], "owner_name": EVIL["owner_name"]},
            actor=ADMIN)
        await corrections.correct_product(session, sid, view.products[0].product.id, {
            "name": EVIL["name"], "description": EVIL["description"]}, actor=ADMIN)
    await translate(db, sid, "=cmd|' /C calc'!A0", "+1 litre free")
    return sid


EXPECTED = {
    "business_name": "'" + EVIL["business_name"],
    "owner_name": "'+212 Ali Test",
    "product_name": "'@SUM(1+1)",
    "description": "'-2+3 description",
    "phone": "+212661234567",  # a phone number is not a formula
    "price_amount": "150",
}


async def test_the_export_folder_csv_never_holds_a_formula(site, db, settings):
    sid = await evil_submission(site, db, settings)
    await approve(db, sid)
    async with working(db, worker_handlers(db, export_settings(settings, site), {})):
        await until(status_is(db, sid, "exported"))
    (line,) = products_csv(settings)
    assert {k: line[k] for k in EXPECTED} == EXPECTED
    assert (line["name_en"], line["description_en"]) == ("'=cmd|' /C calc'!A0", "'+1 litre free")
    # The JSON is data, not a spreadsheet: the owner's words as they are.
    document = json.loads((settings.var_dir / "exports" / str(sid) / "submission.json")
                          .read_text())
    assert document["business"]["name"] == EVIL["business_name"]


async def test_the_admin_csv_never_holds_a_formula(site, db, settings):
    await evil_submission(site, db, settings)
    async with db.transaction() as session:
        rows = await review_queue.export(session, review_queue.Filters())
    text = to_csv(rows, Signer("test-secret", "http://testserver"), settings.usd_rate)
    (line,) = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert {k: line[k] for k in EXPECTED} == EXPECTED
    assert (line["title_en"], line["description_en"]) == ("'=cmd|' /C calc'!A0", "'+1 litre free")


@pytest.mark.parametrize(("cell", "shown"), [
    ('=HYPERLINK("http://evil.example/")', "'=HYPERLINK(\"http://evil.example/\")"),
    ("@SUM(1+1)", "'@SUM(1+1)"),
    ("+212 Ali Test", "'+212 Ali Test"),
    ("-2+3 description", "'-2+3 description"),
    ("+1+1", "'+1+1"),
    ("-", "'-"),
    ("=1", "'=1"),
    ("\t=1", "'\t=1"),
    ("\rtext", "'\rtext"),
    ("+212\n=1+1", "'+212\n=1+1"),
    # plain numbers and phone numbers stay as they are
    ("+212661234567", "+212661234567"),
    ("+212 661 23 45 67", "+212 661 23 45 67"),
    ("-12.5", "-12.5"),
    ("150", "150"),
    ("Huile d'argan", "Huile d'argan"),
    ("a=1", "a=1"),
    ("", ""),
    (None, ""),
    (20, "20"),
])
def test_one_rule_for_every_csv_cell(cell, shown):
    assert safe_cell(cell) == shown

