"""Review reasons reach the owner in their own language and script (issue 16, point 2).

A reviewer ticks ready-made reasons (flows/reasons.py) and may add a note: the owner reads
the reasons in the conversation's locale, the note as typed and marked as the reviewer's
own words; a rejection says what to do next (change and send again, or type "help"), and
the button does take them back to their summary to send again. The reason keys are kept
with the status change. Web chat in each of the four locales, and one Telegram chat.
"""

from __future__ import annotations

import asyncio

import pytest
from sqlmodel import select

from bot.i18n import catalog
from bot.keys import channels_key, settings_key
from bot.outbox.worker import run_row, work
from flows.model import Msg
from storage import outbox, submissions
from storage.models import StatusChange
from tests.fakes.telegram_api import TelegramUser
from tests.helpers import Owner, photo_bytes, worker_handlers
from tests.integration.test_telegram import (  # noqa: F401 - the Telegram fixtures
    Harness,
    fake,
    fast,
    onboard_on_telegram,
    tg,
    tg_settings,
)

# (locale, language button, the consent as the owner types it, product, description)
OWNERS = [
    ("fr", "fr", "oui", "Huile d'argan", "Pressée à froid dans notre coopérative."),
    ("ar", "ar", "نعم", "زيت الأركان", "زيت أركان معصور على البارد في تعاونيتنا."),
    ("ary-Arab", "ary", "واخا", "زيت الأركان", "زيت أركان معصور بيدينا ف التعاونية ديالنا"),
    ("ary-Latn", "ary", "wakha", "zit l argan", "zit argan m3sora b lyed f ta3awniya dyalna"),
]
NOTE = "Merci de reprendre la photo près d'une fenêtre."


def words(locale: str, key: str, **params) -> str:
    return catalog().text(locale, Msg(key, params))


async def submitted_owner(client, language: str, consent: str, product: str,
                          description: str) -> Owner:
    """A web-chat owner who sent a one-product draft, answering whatever is asked."""
    owner = Owner(client)
    await owner.start("fr")
    for action, value in (("press", f"lang:{language}"), ("say", consent),
                          ("say", "Tifawin"), ("say", "Fatima Amrani"), ("say", "agadir"),
                          ("press", "sector:argan"), ("press", "skip"),
                          ("say", "0661234567"), ("press", "skip"), ("say", product)):
        await getattr(owner, action)(value)
    assert owner.keys[-1] == "ask_photos", owner.keys
    await owner.photo(photo_bytes(1))
    answers = {"ask_photos": ("press", "done"), "ask_description": ("say", description),
               "ask_price": ("say", "150"), "ask_moq": ("say", "20"),
               "ask_more_products": ("press", "no"), "ask_buyer_questions": ("press", "skip"),
               "review_summary": ("press", "submit")}
    for _ in range(12):
        key = owner.keys[-1]
        if key == "submitted":
            return owner
        if key in answers:
            action, value = answers[key]
            await getattr(owner, action)(value)
        else:  # a unit asked as a choice (the price's, the quantity's): the first one
            await owner.press(owner.question["buttons"][0]["payload"])
    raise AssertionError(f"not submitted: {owner.keys}")


async def deliver(db, settings) -> None:
    """The worker's notices (web chat: they wait in the owner's inbox)."""
    handlers = worker_handlers(db, settings, {})
    async with db.transaction() as session:
        rows = await outbox.claim(session, kinds=("notify",))
    for row in rows:
        await run_row(db, handlers, row)


async def waiting(client, owner: Owner) -> list[dict]:
    body = await (await client.get(f"/api/chat/sessions/{owner.session}")).json()
    owner.last = body["messages"]
    return body["messages"]


async def only_submission(db):
    async with db.transaction() as session:
        (view,) = await submissions.views(session)
    return view


@pytest.mark.parametrize(("locale", "language", "consent", "product", "description"), OWNERS,
                         ids=[o[0] for o in OWNERS])
async def test_reasons_and_note_reach_the_owner_in_their_own_words(
        client, db, settings, locale, language, consent, product, description):
    owner = await submitted_owner(client, language, consent, product, description)
    view = await only_submission(db)
    assert view.business.language == language
    sid = view.submission.id

    # Changes asked with two ready-made reasons and a note typed in French.
    async with db.transaction() as session:
        await submissions.decide(session, sid, "request_changes", actor="admin:a@tijara.ma",
                                 reason=NOTE, reasons=["photo_quality", "price_unclear",
                                                       "made_up", "duplicate"])
    await deliver(db, settings)
    messages = await waiting(client, owner)
    assert messages[0]["key"] == "decision_changes_requested"
    text = messages[0]["text"]
    for key in ("review_reason_photo_quality", "review_reason_price_unclear"):
        assert words(locale, key) in text, (locale, key)
    # Not the French words in another language's chat; duplicate is a rejection's reason.
    if locale != "fr":
        assert words("fr", "review_reason_photo_quality") not in text
    assert words(locale, "review_reason_duplicate") not in text
    # The note as typed, inside the sentence that says it is the reviewer's own words.
    marked = words(locale, "review_note", note="NOTE").split("NOTE")[0].strip()
    assert marked and marked in text
    assert NOTE in text
    assert text.index(marked) < text.index(NOTE)
    # No field was sent back: the owner is at their summary, to change and send again.
    assert messages[-1]["key"] == "review_summary"
    assert await owner.press("submit") == ["submitted"]

    # Turned down, with a reason and no note: why, and what to do next.
    async with db.transaction() as session:
        await submissions.decide(session, sid, "reject", actor="admin:a@tijara.ma",
                                 reasons=["product_not_allowed"])
    await deliver(db, settings)
    (rejected,) = await waiting(client, owner)
    assert rejected["key"] == "decision_rejected"
    assert words(locale, "review_reason_product_not_allowed") in rejected["text"]
    assert marked not in rejected["text"]  # no note, no "the reviewer's words"
    help_word = words(locale, "words_help").split(",")[0].strip()
    assert f"« {help_word} »" in rejected["text"]
    assert [b["payload"] for b in rejected["buttons"]] == ["change"]
    # Asked later, the owner hears the same reasons; then changes and sends again.
    assert await owner.say(words(locale, "words_where").split(",")[0]) == ["status_rejected"]
    assert words(locale, "review_reason_product_not_allowed") in owner.last[0]["text"]
    assert await owner.press("change") == ["review_summary"]
    assert await owner.press("submit") == ["submitted"]

    async with db.transaction() as session:
        changes = (await session.execute(select(StatusChange).where(
            StatusChange.submission_id == sid).order_by(StatusChange.id))).scalars().all()
    assert [(c.to_status, c.reasons, c.reason, c.revision) for c in changes] == [
        ("submitted", [], "", 1),
        ("changes_requested", ["photo_quality", "price_unclear"], NOTE, 1),
        ("submitted", [], "", 2),
        ("rejected", ["product_not_allowed"], "", 2),
        ("submitted", [], "", 3)]
    assert (await only_submission(db)).submission.status == "submitted"


async def test_a_free_note_alone_is_still_a_reason(client, db, settings):
    owner = await submitted_owner(client, *OWNERS[0][1:])
    sid = (await only_submission(db)).submission.id
    async with db.transaction() as session:
        with pytest.raises(submissions.InvalidDecision) as refused:
            await submissions.decide(session, sid, "reject", actor="cli", reason="  ",
                                     reasons=["not_a_reason"])
    assert refused.value.problem == "reject_needs_reason"
    async with db.transaction() as session:
        await submissions.decide(session, sid, "reject", actor="cli",
                                 reason="Produit hors catalogue export.")
    await deliver(db, settings)
    (rejected,) = await waiting(client, owner)
    assert "Produit hors catalogue export." in rejected["text"]
    assert words("fr", "review_note", note="Produit hors catalogue export.") in rejected["text"]


async def test_a_rejection_reaches_a_telegram_chat_in_latin_darija(tg: Harness):  # noqa: F811
    user = TelegramUser(555000901, language_code="fr")
    await onboard_on_telegram(tg, user)
    async with tg.db.transaction() as session:
        (view,) = await submissions.views(session)
        await submissions.decide(session, view.submission.id, "reject", actor="cli",
                                 reason="Hors catalogue", reasons=["duplicate"])
    stop = asyncio.Event()
    handlers = worker_handlers(tg.db, tg.app[settings_key], tg.app[channels_key])
    worker = asyncio.create_task(work(tg.db, handlers, stop, idle=0.05))
    reason = words("ary-Latn", "review_reason_duplicate")
    try:
        await tg.fake.wait_for(lambda: any(reason in (c.text or "")
                                           for c in tg.fake.sent(user.id)), timeout=15)
    finally:
        stop.set()
        await worker
    sent = next(c for c in tg.fake.sent(user.id) if reason in (c.text or ""))
    assert "Hors catalogue" in sent.text and "« 3awni »" in sent.text
    assert [[b["callback_data"] for b in row] for row in sent.markup["inline_keyboard"]] == [
        ["change"]]
    assert [r["key"] for r in await tg.replies(user.id)] == ["decision_rejected"]
    # The button takes the owner back to the summary, to send again.
    assert await tg.turn(user, user.press("change")) == ["review_summary"]
