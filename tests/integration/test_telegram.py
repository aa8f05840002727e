"""Telegram end to end: webhooks in, a local stand-in for the Bot API out.

The owner is played by JSON updates posted to /telegram/webhook, the way
Telegram sends them; the bot's answers are followed by their locale keys (the
outbox row of each reply) and by what the stand-in received (sendMessage,
answerCallbackQuery, ...). Processing is asynchronous: tests wait for the
dispatcher to be idle or poll the stand-in's calls, never a fixed sleep.
"""

from __future__ import annotations

import asyncio
import io
import json
import time
from dataclasses import dataclass, field

import pytest
from aiohttp.test_utils import unused_port
from PIL import Image
from sqlmodel import select

from bot.agent_links import qr_url
from bot.app import create_app
from bot.channels import telegram
from bot.channels.base import Delivery
from bot.channels.telegram import channel as tg_channel
from bot.channels.telegram import polling as tg_polling
from bot.channels.telegram.channel import TEXT_LIMIT, TelegramChannel
from bot.channels.telegram.updates import parse_update
from bot.channels.text import split_text, units
from bot.i18n import Rendered, catalog
from bot.keys import channels_key, dispatcher_key, settings_key
from bot.outbox.worker import work
from bot.runtime import run_polling
from flows.model import Msg
from storage import agents, conversations, outbox, submissions
from storage.models import Conversation, Inbound, Media, Outbox
from tests.fakes.telegram_api import FakeTelegram, TelegramUser
from tests.helpers import Owner, ogg_voice_note, photo_bytes, worker_handlers

TOKEN = "123456789:TEST-token_for-the-stand-in"
SECRET = "webhook-Secret_for-tests"
HOOK = "/telegram/webhook"
NOTED = {catalog().text(loc, Msg("tg_noted")) for loc in ("ary-Latn", "ary-Arab", "fr", "ar")}


@pytest.fixture
def fast(monkeypatch):
    """Short waits: the album debounce and the pacing (tests send far more than 1/s)."""
    # Production waits 1.5 s; a CI machine loaded by other work can take longer than a
    # second to record an album's four webhooks, and the album would be answered twice.
    monkeypatch.setattr("bot.dispatch.ALBUM_WAIT", 2.0)
    monkeypatch.setattr(tg_channel, "CHAT_LIMITS", ((50, 0.1),))
    monkeypatch.setattr(tg_channel, "BOT_LIMITS", ((100, 0.1),))


@pytest.fixture
async def fake(aiohttp_server):
    api = FakeTelegram(TOKEN)
    api.server = await aiohttp_server(api.app())
    return api


@pytest.fixture
def tg_settings(settings, fake):
    return settings.model_copy(update={
        "telegram_bot_token": TOKEN, "telegram_webhook_secret": SECRET,
        "telegram_api_base_url": fake.api_base(fake.server),
        "telegram_file_base_url": fake.file_base(fake.server),
        "embedded_worker": False,  # tests run the outbox worker themselves when they need it
    })


@dataclass
class Harness:
    client: object
    fake: FakeTelegram
    db: object
    seen: set[int] = field(default_factory=set)

    @property
    def app(self):
        return self.client.server.app

    @property
    def channel(self) -> TelegramChannel:
        return self.app[channels_key]["telegram"]

    async def post(self, update, *, secret: str | None = SECRET) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        started = time.monotonic()
        response = await self.client.post(HOOK, json=update, headers=headers)
        # Well under a second in practice; the margin is for a loaded CI machine, and
        # stays under the album wait plus a turn (what a webhook that waited would take).
        assert time.monotonic() - started < 3.0, "the webhook must answer at once"
        return response.status

    async def idle(self) -> None:
        await asyncio.wait_for(self.app[dispatcher_key].drain(), 15)

    async def replies(self, chat: int) -> list[dict]:
        """The replies the bot decided on since the last call (outbox rows, in order)."""
        async with self.db.transaction() as session:
            rows = (await session.execute(select(Outbox).order_by(Outbox.id))).scalars().all()
        new = [r for r in rows if r.kind == "send" and r.id not in self.seen
               and r.payload.get("channel") == "telegram"
               and r.payload.get("user_ref") == str(chat)]
        self.seen.update(r.id for r in new)
        return [reply for row in new for reply in row.payload["replies"]]

    async def turn(self, user: TelegramUser, *updates) -> list[str]:
        """Post updates (at the same moment when several), wait, return the reply keys,
        checking that exactly those texts reached the chat (a plain reply joined to the
        next one: fewer messages, the same words in the same order)."""
        mark = len(self.fake.sent(user.id))
        statuses = await asyncio.gather(*(self.post(u) for u in updates))
        assert set(statuses) == {200}
        await self.idle()
        replies = await self.replies(user.id)
        sent = [c.text for c in self.fake.sent(user.id)[mark:] if c.text not in NOTED]
        assert "\n\n".join(sent) == "\n\n".join(r["text"] for r in replies)
        assert len(sent) == len(replies) - sum(
            1 for r, after in zip(replies, replies[1:], strict=False)
            if not (r["buttons"] or r.get("contact") or r.get("image") or after.get("image")))
        return [r["key"] for r in replies]

    async def conversation(self, user: TelegramUser) -> Conversation | None:
        async with self.db.transaction() as session:
            return await conversations.find(session, "telegram", str(user.id))


@pytest.fixture
async def tg(aiohttp_client, tg_settings, db, fake, fast):
    client = await aiohttp_client(create_app(tg_settings, db))
    return Harness(client, fake, db)


# One onboarding, as the owner types it; `photos` is an album (Telegram) or one photo
# after the other (web chat).
SCRIPT = [
    ("start", "", ["ask_language"]),
    ("press", "lang:ary", ["ask_consent"]),
    ("say", "wakha", ["ask_business_name"]),
    ("say", "Cooperative Tifawin", ["ask_owner_name"]),
    ("say", "Fatima Amrani", ["ask_city"]),
    ("say", "ana f casa", ["ask_sector"]),
    ("press", "sector:argan", ["ask_ice"]),
    ("press", "skip", ["ask_phone"]),
    ("contact", "212661234567", ["ask_email"]),
    ("say", "douz", ["ask_product_name"]),
    ("say", "zit l3ar9an dyal tjmil", ["ask_photos"]),
    ("photos", 4, ["photo_received"]),
    ("press", "done", ["ask_description"]),
    ("say", "zit mzyana bzaf, m3sora b lyed f ta3awniya dyalna", ["ask_price"]),
    ("say", "150 DH l kilo", ["ask_moq"]),
    ("say", "100 kilo", ["readiness_tip", "ask_more_products"]),
    ("press", "no", ["ask_buyer_questions"]),
    ("press", "skip", ["review_summary"]),
    ("press", "submit", ["submitted"]),
]


async def onboard_on_telegram(tg: Harness, user: TelegramUser, referral: str = "") -> None:
    for kind, value, expected in SCRIPT:
        if kind == "start":
            updates = [user.text(f"/start {referral}".strip())]
        elif kind == "press":
            updates = [user.press(value)]
        elif kind == "say":
            updates = [user.text(value)]
        elif kind == "contact":
            updates = [user.contact(value)]
        else:
            for seed in range(value):
                tg.fake.add_file(f"ph{seed}", photo_bytes(seed))
            updates = [user.photo(f"ph{seed}", group="alb-13579") for seed in range(value)]
        assert await tg.turn(user, *updates) == expected, (kind, value)


def as_update(user: TelegramUser, kind: str, value) -> dict:
    """One step of SCRIPT (not the album) as the update Telegram would send."""
    if kind == "start":
        return user.text(f"/start {value}".strip())
    return {"press": user.press, "say": user.text, "contact": user.contact}[kind](value)


async def play(tg: Harness, user: TelegramUser, steps) -> None:
    for kind, value, expected in steps:
        assert await tg.turn(user, as_update(user, kind, value)) == expected, (kind, value)


async def onboard_on_web(owner: Owner) -> None:
    for kind, value, expected in SCRIPT:
        if kind == "start":
            await owner.start("fr")
            keys = owner.keys
        elif kind == "press":
            keys = await owner.press(value)
        elif kind in ("say", "contact"):
            keys = await owner.say(value)
        else:
            for seed in range(value):
                keys = await owner.photo(photo_bytes(seed))
        assert keys == expected, (kind, value)


async def the_submission(db, channel: str) -> dict:
    async with db.transaction() as session:
        views = [v for v in await submissions.views(session) if v.business.channel == channel]
    assert len(views) == 1
    v = views[0]
    b = v.business
    return {
        "status": v.submission.status,
        "business": (b.name, b.owner_name, b.phone, b.email, b.city, b.region, b.sector, b.ice),
        "language": (b.language, b.script),
        "products": [(p.product.name, p.product.description, p.product.price_amount,
                      p.product.price_unit, p.product.moq_quantity, p.product.moq_unit,
                      sorted(m.sha256 for m in p.media)) for p in v.products],
    }


# --- 1. a whole onboarding, with an album -----------------------------------------------


async def test_whole_onboarding_in_latin_darija_keeps_every_photo_of_an_album(tg):
    async with tg.db.transaction() as session:  # a field agent's t.me/...?start=ref-... link
        agent = await agents.create_agent(session, "Said")
        code = await agents.referral_code(session, agent.id)
    user = TelegramUser(555000111, language_code="fr")
    await onboard_on_telegram(tg, user, referral=f"ref-{code}")

    conv = await tg.conversation(user)
    assert conv.locale == "ary-Latn" and conv.status == "submitted"
    assert conv.agent_id == agent.id
    (product,) = conv.state["draft"]["products"]
    assert len(product["photos"]) == 4  # the album: every photo kept
    # ... and one answer for the four of them
    album_answer = [c.text for c in tg.fake.sent(user.id) if "tswira 4 mn 8" in c.text]
    assert len(album_answer) == 1
    assert not [c for c in tg.fake.sent(user.id) if "tswira 1 mn 8" in c.text
                or "tswira 3 mn 8" in c.text]

    s = await the_submission(tg.db, "telegram")
    assert s["status"] == "submitted"
    assert s["business"][2] == "+212661234567"
    assert s["language"] == ("ary", "Latn")
    # Every message went out as plain text, buttons as an inline keyboard.
    for call in tg.fake.called("sendMessage"):
        assert "parse_mode" not in call.params
    pressed = tg.fake.sent(user.id)[0]
    assert [[b["callback_data"] for b in row] for row in pressed.markup["inline_keyboard"]] \
        == [["lang:ary", "lang:fr"], ["lang:ar"]]
    async with tg.db.transaction() as session:
        kinds = (await session.execute(select(Media.kind))).scalars().all()
    assert kinds == ["photo"] * 4


# --- 2. the same submission as over the web chat ----------------------------------------


async def test_telegram_and_the_web_chat_make_the_same_submission(tg):
    await onboard_on_telegram(tg, TelegramUser(555000222, language_code="fr"))
    await onboard_on_web(Owner(tg.client))
    on_telegram = await the_submission(tg.db, "telegram")
    on_web = await the_submission(tg.db, "web")
    assert on_telegram == on_web
    assert len(on_telegram["products"][0][-1]) == 4


# --- 3. a redelivered update ----------------------------------------------------------------


async def test_an_update_delivered_twice_has_one_effect(tg):
    user = TelegramUser(555000333)
    hello = user.text("/start")
    assert await tg.turn(user, hello) == ["ask_language"]
    again = user.text("Bonjour")
    # Telegram did not get our 200 in time and sends the same update again, even twice
    # at once.
    assert await tg.turn(user, again, again) == ["language_found", "ask_consent"]
    assert await tg.turn(user, again) == []
    async with tg.db.transaction() as session:
        rows = (await session.execute(select(Inbound))).scalars().all()
    assert len(rows) == 2


# --- 4. authenticity ----------------------------------------------------------------------


async def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_sent(tg):
    user = TelegramUser(555000444)
    assert await tg.post(user.text("/start"), secret=None) == 403
    assert await tg.post(user.text("/start"), secret="guess") == 403
    assert await tg.post(user.text("/start"), secret=SECRET + "x") == 403
    assert await tg.post(user.text("/start"), secret="") == 403
    await tg.idle()
    assert tg.fake.called("sendMessage") == []
    async with tg.db.transaction() as session:
        assert (await session.execute(select(Inbound))).first() is None


async def test_without_a_configured_secret_every_update_is_refused(aiohttp_client, tg_settings,
                                                                   db, fake):
    unset = tg_settings.model_copy(update={"telegram_webhook_secret": None})
    client = await aiohttp_client(create_app(unset, db))
    user = TelegramUser(555000445)
    for secret in ("", "anything"):
        response = await client.post(HOOK, json=user.text("/start"),
                                     headers={"X-Telegram-Bot-Api-Secret-Token": secret})
        assert response.status == 403


async def test_malformed_updates_are_acknowledged_and_ignored(tg):
    for body in ([1, 2], {"no": "update_id"}, {"update_id": "7", "message": {}},
                 {"update_id": 8, "message": {"chat": {"id": "x"}}},
                 {"update_id": 9, "message": "text"}, {"update_id": 10, "poll": {}}):
        assert await tg.post(body) == 200
    response = await tg.client.post(HOOK, data=b"{not json",
                                    headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert response.status == 200
    await tg.idle()
    assert tg.fake.called("sendMessage") == []


# --- 5. flood control -------------------------------------------------------------------------


async def test_a_429_delays_a_message_but_does_not_lose_it(tg, monkeypatch):
    user = TelegramUser(555000555)
    # A short retry_after is waited for in place: the reply is late, not lost.
    tg.fake.rate_limit(1, retry_after=1)
    started = time.monotonic()
    assert await tg.turn(user, user.text("/start")) == ["ask_language"]
    assert time.monotonic() - started >= 1.0
    assert len(tg.fake.called("sendMessage")) == 2  # the 429, then the message

    # A longer one goes back to the outbox, which sends it when Telegram allows.
    monkeypatch.setattr(tg_channel, "MAX_WAIT_IN_PLACE", 0.5)
    tg.fake.rate_limit(1, retry_after=1)
    await tg.post(user.press("lang:fr"))
    await tg.idle()
    assert len(tg.fake.sent(user.id)) == 1
    async with tg.db.transaction() as session:
        row = (await session.execute(select(Outbox).order_by(Outbox.id.desc()))).scalars().first()
    assert row.status == "pending" and "429" in row.last_error
    stop = asyncio.Event()
    handlers = worker_handlers(tg.db, tg.app[settings_key], tg.app[channels_key])
    worker = asyncio.create_task(work(tg.db, handlers, stop, idle=0.05))
    try:
        await tg.fake.wait_for(lambda: len(tg.fake.sent(user.id)) == 2, timeout=10)
    finally:
        stop.set()
        await worker
    assert (await tg.replies(user.id))[-1]["key"] == "ask_consent"
    assert tg.fake.sent(user.id)[-1].text == (await _last_reply_text(tg, user))


async def _last_reply_text(tg: Harness, user: TelegramUser) -> str:
    async with tg.db.transaction() as session:
        rows = (await session.execute(select(Outbox).order_by(Outbox.id))).scalars().all()
    rows = [r for r in rows if r.payload.get("user_ref") == str(user.id)]
    return rows[-1].payload["replies"][-1]["text"]


# --- 6. blocked ----------------------------------------------------------------------------------


async def test_a_chat_that_blocked_the_bot_gets_nothing_more(tg):
    # Blocked, as Telegram tells us with a my_chat_member update.
    fatima = TelegramUser(555000661)
    assert await tg.turn(fatima, fatima.text("/start")) == ["ask_language"]
    assert await tg.post(fatima.block()) == 200
    assert (await tg.conversation(fatima)).status == "unreachable"
    await tg.post(fatima.press("lang:fr"))  # a press that was on its way
    await tg.idle()
    assert [r["key"] for r in await tg.replies(fatima.id)] == ["ask_consent"]  # decided...
    assert len(tg.fake.called("sendMessage", fatima.id)) == 1  # ... but not sent

    # Blocked, as the Bot API says when we write: 403.
    karim = TelegramUser(555000662)
    assert await tg.turn(karim, karim.text("/start")) == ["ask_language"]
    tg.fake.block(karim.id)
    await tg.post(karim.press("lang:fr"))
    await tg.idle()
    assert (await tg.conversation(karim)).status == "unreachable"
    attempts = len(tg.fake.called("sendMessage", karim.id))
    assert attempts == 2 and len(tg.fake.sent(karim.id)) == 1  # the 403 was the last try
    await tg.post(karim.text("oui"))
    await tg.idle()
    assert len(tg.fake.called("sendMessage", karim.id)) == attempts  # not even tried
    await tg.replies(karim.id)

    # Unblocking (Telegram sends "member", then /start) opens the conversation again.
    tg.fake.blocked.clear()
    assert await tg.post(fatima.block(status="member")) == 200
    assert (await tg.conversation(fatima)).status == "active"
    assert await tg.turn(fatima, fatima.text("oui")) == ["ask_business_name"]


# --- 7. the share-contact button ------------------------------------------------------------


async def reach_phone_question(tg: Harness, user: TelegramUser) -> None:
    await play(tg, user, SCRIPT[:8])


async def test_share_contact_button_takes_only_the_owners_own_number(tg):
    user = TelegramUser(555000777)
    await reach_phone_question(tg, user)
    question = tg.fake.sent(user.id)[-1]
    (row,) = question.markup["keyboard"]
    assert row[0]["request_contact"] is True and "📱" in row[0]["text"]
    assert question.markup.get("one_time_keyboard") is True

    # Someone else's card, shared from the attachment menu.
    mark = len(tg.fake.sent(user.id))
    assert await tg.turn(user, user.contact("212600000000", user_id=999)) \
        == ["notice_contact_not_yours", "ask_phone"]
    # One message, the notice then the question: the keyboard is not closed, as the
    # question offers the button again.
    (again,) = tg.fake.sent(user.id)[mark:]
    assert again.text.endswith("\n\n" + question.text)
    assert "keyboard" in again.markup
    assert (await tg.conversation(user)).state["draft"]["phone"] is None

    # Their own: taken, in E.164. The button hid its one-time keyboard: no message is
    # spent closing it, the e-mail question comes alone with its inline "skip".
    mark = len(tg.fake.sent(user.id))
    assert await tg.turn(user, user.contact("212612345678")) == ["ask_email"]
    assert (await tg.conversation(user)).state["draft"]["phone"] == "+212612345678"
    (question,) = tg.fake.sent(user.id)[mark:]
    assert [b["callback_data"] for b in question.markup["inline_keyboard"][0]] == ["skip"]
    # Later messages without buttons carry the removal (harmless, and stateless).
    assert await tg.turn(user, user.press("skip")) == ["ask_product_name"]
    assert tg.fake.sent(user.id)[-1].markup == {"remove_keyboard": True}


async def test_a_typed_phone_number_also_closes_the_contact_keyboard(tg):
    user = TelegramUser(555000778)
    await reach_phone_question(tg, user)
    mark = len(tg.fake.sent(user.id))
    assert await tg.turn(user, user.text("06 61 23 45 67")) == ["ask_email"]
    assert (await tg.conversation(user)).state["draft"]["phone"] == "+212661234567"
    # Typed, the number left the contact keyboard up: in the same message, the e-mail
    # question's "skip" replaces it as a one-time reply keyboard.
    (question,) = tg.fake.sent(user.id)[mark:]
    ((skip,),) = question.markup["keyboard"]
    assert question.markup.get("one_time_keyboard") is True and not skip.get("request_contact")
    assert skip["text"] == catalog().text("ary-Latn", Msg("btn_skip"))
    # The button sends its label, read as the choice; the next message closes it.
    assert await tg.turn(user, user.text(skip["text"])) == ["ask_product_name"]
    assert (await tg.conversation(user)).state["draft"]["email"] is None
    assert tg.fake.sent(user.id)[-1].markup == {"remove_keyboard": True}


# --- 8. buttons -----------------------------------------------------------------------------


async def test_button_presses_are_always_answered_and_a_stale_one_is_explained(tg):
    user = TelegramUser(555000888)
    assert await tg.turn(user, user.text("/start")) == ["ask_language"]
    press = user.press("lang:fr", message_id=41)
    assert await tg.turn(user, press) == ["ask_consent"]
    # Language buttons work at any time; other old buttons are stale.
    assert await tg.turn(user, user.press("lang:fr")) == ["ask_consent"]
    assert await tg.turn(user, user.press("sector:argan")) == ["stale_button", "ask_consent"]
    # A button with no usable data, and a redelivered press: answered all the same.
    await tg.post(user.update(callback_query={"id": "cq-nodata", "from": user.sender,
                                              "chat_instance": "1"}))
    await tg.post(press)
    presses = 5
    answered = await tg.fake.wait_for(
        lambda: len(tg.fake.called("answerCallbackQuery")) >= presses and
        tg.fake.called("answerCallbackQuery"))
    ids = {c.params["callback_query_id"] for c in answered}
    assert "cq-nodata" in ids and len(ids) == 4
    # The keyboard of the message a button came from is taken off.
    await tg.fake.wait_for(lambda: tg.fake.called("editMessageReplyMarkup"))
    edit = tg.fake.called("editMessageReplyMarkup")[0]
    assert int(edit.params["chat_id"]) == user.id and int(edit.params["message_id"]) == 41
    assert "reply_markup" not in edit.params


async def test_owner_text_with_markup_is_sent_back_as_plain_text(tg):
    user = TelegramUser(555000889)
    await play(tg, user, SCRIPT[:10])
    assert await tg.turn(user, user.text("<b>Zit</b> & <i>argan</i>")) == ["ask_photos"]
    question = tg.fake.sent(user.id)[-1]
    assert "<b>Zit</b> & <i>argan</i>" in question.text
    assert "parse_mode" not in question.params


# --- 9. edits ---------------------------------------------------------------------------------


async def test_an_edited_message_is_explained_and_changes_nothing(tg):
    user = TelegramUser(555000999)
    await play(tg, user, SCRIPT[:4])
    name_message_id = 3  # /start, wakha, then the business name
    assert await tg.turn(user, user.edit(name_message_id, "Hanout Fatima")) \
        == ["notice_edited", "ask_owner_name"]
    conv = await tg.conversation(user)
    assert conv.state["draft"]["business_name"] == "Cooperative Tifawin"
    assert conv.step == "owner_name"
    # A live location moving arrives as edits: not worth a word.
    live = user.update(edited_message={"message_id": 9, "date": 1, "edit_date": 2,
                                       "from": user.sender, "chat": user.chat,
                                       "location": {"latitude": 33.5, "longitude": -7.6,
                                                    "live_period": 900}})
    assert await tg.turn(user, live) == []


# --- media and the rest ------------------------------------------------------------------------


async def test_stickers_big_files_and_voice_notes(tg):
    user = TelegramUser(555001000)
    await play(tg, user, SCRIPT[:11])
    sticker = user.message(sticker={"file_id": "st", "file_unique_id": "stu", "width": 512,
                                    "height": 512, "is_animated": False, "is_video": False,
                                    "type": "regular"})
    assert await tg.turn(user, sticker) == ["notice_unsupported", "ask_photos"]
    # A location is read now (the town questions), but it answers no other question.
    location = user.message(location={"latitude": 33.57, "longitude": -7.58})
    assert await tg.turn(user, location) == ["place_not_asked", "ask_photos"]
    # 25 MB: explained without a download.
    assert await tg.turn(user, user.photo("huge", size=25_000_000)) \
        == ["notice_file_too_large", "ask_photos"]
    assert tg.fake.called("getFile") == []
    # A photo sent "as a file" is a photo.
    tg.fake.add_file("doc1", photo_bytes(7, fmt="PNG"))
    document = user.message(document={"file_id": "doc1", "file_unique_id": "doc1u",
                                      "file_name": "IMG_1.png", "mime_type": "image/png",
                                      "file_size": 30_000})
    assert await tg.turn(user, document) == ["photo_received"]
    # A voice note is downloaded and kept as audio by the media pipeline; it is not a photo.
    tg.fake.add_file("voice1", ogg_voice_note())
    voice = user.message(voice={"file_id": "voice1", "file_unique_id": "v1u", "duration": 2,
                                "mime_type": "audio/ogg", "file_size": 120})
    assert await tg.turn(user, voice) == ["expected_photo"]
    assert [c.params["file_id"] for c in tg.fake.called("getFile")] == ["doc1", "voice1"]
    async with tg.db.transaction() as session:
        kinds = sorted((await session.execute(select(Media.kind))).scalars().all())
    assert kinds == ["audio", "photo"]
    conv = await tg.conversation(user)
    assert len(conv.state["draft"]["products"][0]["photos"]) == 1


# --- a reply with an image (an agent's QR code) ----------------------------------------------


async def test_a_reply_with_an_image_is_uploaded_with_send_photo(aiohttp_client, tg_settings,
                                                                 db, fake, fast):
    # The app answers on a real port at PUBLIC_BASE_URL: the channel fetches the image from
    # there itself and uploads it (Telegram never has to reach us).
    port = unused_port()
    config = tg_settings.model_copy(update={"public_base_url": f"http://127.0.0.1:{port}"})
    client = await aiohttp_client(create_app(config, db), server_kwargs={"port": port})
    tg = Harness(client, fake, db)
    user = TelegramUser(555000990)
    assert await tg.turn(user, user.text("/start")) == ["ask_language"]
    conv = await tg.conversation(user)
    async with db.transaction() as session:
        agent = await agents.create_agent(session, "Samira")
        code = await agents.referral_code(session, agent.id)
    image = qr_url(config, code)
    long = "\n".join(f"Ligne {i} : zellige de Fès, carreaux émaillés" for i in range(40))
    assert units(long) > 1024
    replies = [
        Rendered("agent_qr", "Montrez ce code", (("OK", "ok"),), "choice", image=image),
        Rendered("agent_qr", long, (), "none", image=image),  # too long for a caption
        Rendered("agent_qr", "Code perdu", (), "none", image=qr_url(config, "abcdefgh")),
        Rendered("agent_qr", "Ailleurs", (), "none", image="https://example.com/qr.png"),
    ]
    async with db.transaction() as session:  # what the engine's outbox row looks like
        await outbox.enqueue(session, "send", "test:image", {
            "conversation_id": conv.id, "channel": "telegram", "user_ref": str(user.id),
            "locale": "fr", "replies": [r.as_json() for r in replies]},
            conversation_id=conv.id)
    mark = len(fake.calls)
    stop = asyncio.Event()
    worker = asyncio.create_task(work(db, worker_handlers(db, config, client.app[channels_key]),
                                      stop, idle=0.05))
    try:
        await fake.wait_for(lambda: any(c.text == "Ailleurs" for c in fake.sent(user.id)),
                            timeout=15)
    finally:
        stop.set()
        await worker
    calls = [c for c in fake.calls[mark:] if c.method in ("sendMessage", "sendPhoto")]
    assert [(c.method, c.params.get("caption") or c.text) for c in calls] == [
        ("sendPhoto", "Montrez ce code"),
        ("sendMessage", long), ("sendPhoto", ""),
        ("sendMessage", "Code perdu"),  # its image cannot be had: the words go alone
        ("sendMessage", "Ailleurs"),  # not ours: never fetched, the words go alone
    ]
    first, second = fake.photos(user.id)
    for call in (first, second):
        png = call.params["photo"]
        assert isinstance(png, bytes) and png[:8] == b"\x89PNG\r\n\x1a\n"
        assert min(Image.open(io.BytesIO(png)).size) > 100
        assert call.params["_files"]["photo"][0] == f"{code}.png"
        assert "parse_mode" not in call.params
    assert first.markup["inline_keyboard"][0][0]["callback_data"] == "ok"
    assert second.markup == {"remove_keyboard": True}  # the keyboard on the reply's last
    assert "caption" not in second.params
    assert "reply_markup" not in calls[1].params


async def test_long_replies_are_split_paced_and_plain(tg_settings, fake, tmp_path,
                                                      monkeypatch):
    monkeypatch.setattr(tg_channel, "CHAT_LIMITS", ((1, 0.1),))
    from storage.media import LocalMediaStore

    async with telegram.open_telegram(tg_settings, LocalMediaStore(tmp_path)) as channel:
        long = "\n".join(f"Ligne {i} : <b>zellige</b> 🇲🇦 " + "x" * 60 for i in range(120))
        replies = (Rendered("review_summary", long, (("Envoyer", "submit"),), "choice"),
                   Rendered("help", "Court.", (), "none"))
        await channel.send(Delivery(1, "42", "fr", replies))
    calls = fake.sent(42)
    texts = [c.text for c in calls]
    assert len(texts) == 4 and all(units(t) <= 4096 for t in texts)
    assert "\n".join(texts[:3]) == long
    assert "reply_markup" not in calls[0].params
    assert calls[2].markup["inline_keyboard"][0][0]["callback_data"] == "submit"
    assert calls[3].markup == {"remove_keyboard": True}
    assert all("parse_mode" not in c.params for c in calls)
    # 10 messages per second in one chat, at most (measured where they arrive, with the
    # jitter of the way there).
    assert calls[-1].at - calls[0].at >= 0.9 * (len(calls) - 1) / 10


async def test_a_plain_reply_goes_with_the_next_in_one_message(tg_settings, fake, tmp_path):
    from storage.media import LocalMediaStore

    found = Rendered("welcome_found", "Bienvenue !", (), "none")
    consent = Rendered("ask_consent", "D'accord ?", (("Oui", "yes"), ("Non", "no")), "choice")
    phone = Rendered("ask_phone", "Votre numéro ?", (), "phone", asks_contact=True)
    email = Rendered("ask_email", "Votre email ?", (("Passer", "skip"),), "choice")
    long = Rendered("help", "x" * 4090, (), "none")
    async with telegram.open_telegram(tg_settings, LocalMediaStore(tmp_path)) as channel:
        record = await channel.send(Delivery(1, "51", "fr", (found, consent)))
        await channel.send(Delivery(1, "52", "fr", (found, phone)))
        await channel.send(Delivery(1, "53", "fr", (found, phone, found, email)))
        await channel.send(Delivery(1, "54", "fr", (long, found)))
    (one,) = fake.sent(51)  # the keyboard on the joined message
    assert one.text == "Bienvenue !\n\nD'accord ?"
    assert one.markup["inline_keyboard"][0][0]["callback_data"] == "yes"
    assert record == {"keyboard": False, "joined": True, "typed": True, "sent": 1,
                      "open": False}
    (asked,) = fake.sent(52)
    assert asked.text == "Bienvenue !\n\nVotre numéro ?" and "keyboard" in asked.markup
    # The contact keyboard shows: "Passer" replaces it as a reply keyboard, so the plain
    # reply goes with the question too.
    asked, question = fake.sent(53)
    assert "keyboard" in asked.markup
    assert question.text == "Bienvenue !\n\nVotre email ?"
    assert question.markup["keyboard"] == [[{"text": "Passer"}]]
    # Over 4096 units together: two messages.
    assert [c.text for c in fake.sent(54)] == [long.text, "Bienvenue !"]


async def test_a_used_one_time_keyboard_costs_no_closing_message(tg_settings, fake, tmp_path):
    from storage.media import LocalMediaStore

    owner = Rendered("ask_owner_name", "Votre nom ?", (("Samira B.", "profile_name"),), "text")
    async with telegram.open_telegram(tg_settings, LocalMediaStore(tmp_path)) as channel:
        # The keyboard left open, the owner typed instead of pressing: closed first.
        await channel.send(Delivery(1, "61", "fr", (owner,), previous={"open": True}))
        # The owner pressed it (a shared contact, a label): it hid itself.
        record = await channel.send(Delivery(1, "62", "fr", (owner,), previous={"open": True},
                                             tapped=True))
    closing, question = fake.sent(61)
    assert closing.text in NOTED and closing.markup == {"remove_keyboard": True}
    assert "inline_keyboard" in question.markup
    (question,) = fake.sent(62)
    assert question.markup["inline_keyboard"][0][0]["callback_data"] == "profile_name"
    assert record["keyboard"] is False and record["open"] is False


def test_split_text_cuts_at_lines_and_counts_utf16():
    assert split_text("short", TEXT_LIMIT) == ["short"]
    emoji = "🙂" * 3000  # 6000 UTF-16 units
    parts = split_text(emoji, TEXT_LIMIT)
    assert "".join(parts) == emoji and all(units(p) <= 4096 for p in parts)
    lines = "\n".join(["a" * 100] * 50)
    parts = split_text(lines, 1000)
    assert all(p.endswith("a") and units(p) <= 1000 for p in parts)


@pytest.mark.parametrize(("text", "start", "referral"), [
    ("/start", True, None),
    ("/start agent_42-x", True, "agent_42-x"),
    ("/start@tijara_test_bot agent_42", True, "agent_42"),
    ("/start " + "a" * 65, True, None),
    ("/start ag%20ent", True, None),
    ("/start a b", True, None),
    ("/starting", False, None),
])
def test_start_payloads_are_checked(text, start, referral):
    user = TelegramUser(1)
    msg = parse_update(user.text(text)).message
    assert msg.is_start is start and msg.referral == referral
    assert msg.text == (None if start else text)


def test_the_largest_photo_size_and_the_language_are_taken():
    user = TelegramUser(2, language_code="ar")
    msg = parse_update(user.photo("big", group="g1")).message
    assert msg.media[0]["file_id"] == "big" and msg.group == "g1"
    assert msg.locale_hint == "ar" and msg.profile_name == "Fatima"
    group = {"update_id": 3, "message": {"message_id": 1, "date": 1, "text": "salam",
                                         "chat": {"id": -100, "type": "group"}}}
    assert parse_update(group).message is None


async def test_polling_feeds_the_same_turns(tg_settings, fake, db, fast, monkeypatch):
    monkeypatch.setattr(tg_polling, "POLL_TIMEOUT", 1)
    user = TelegramUser(555001100)
    hello = user.text("/start")
    fake.push_update(hello)
    fake.push_update(hello)  # the same update twice: one effect
    stop = asyncio.Event()
    settings = tg_settings.model_copy(update={"embedded_worker": True})
    polling = asyncio.create_task(run_polling(settings, stop))
    try:
        await fake.wait_for(lambda: fake.sent(user.id), timeout=15)
        fake.push_update(user.press("lang:fr"))
        await fake.wait_for(lambda: len(fake.sent(user.id)) >= 2, timeout=15)
    finally:
        stop.set()
        await asyncio.wait_for(polling, 15)
    assert fake.called("deleteWebhook")
    offsets = [int(c.params.get("offset") or 0) for c in fake.called("getUpdates")]
    assert offsets == sorted(offsets) and max(offsets) > 0
    assert len(fake.sent(user.id)) == 2
    assert fake.called("answerCallbackQuery")


async def test_set_webhook_registers_the_public_url_with_the_secret(tg_settings, fake):
    settings = tg_settings.model_copy(update={"public_base_url": "https://bot.example.ma/"})
    url = await telegram.set_webhook(settings, drop_pending=True)
    assert url == "https://bot.example.ma/telegram/webhook"
    (call,) = fake.called("setWebhook")
    assert call.params["url"] == url and call.params["secret_token"] == SECRET
    assert call.params["allowed_updates"] == ["message", "edited_message", "callback_query",
                                              "my_chat_member"]
    assert call.params["drop_pending_updates"] == "true"
    with pytest.raises(SystemExit):
        await telegram.set_webhook(settings.model_copy(
            update={"telegram_webhook_secret": "bad secret!"}))


async def test_json_nested_a_thousand_levels_deep_is_ignored_with_200(tg):
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    for depth in (40, 1000, 100_000):
        body = b'{"update_id": 11, "message": ' + b"[" * depth + b"]" * depth + b"}"
        response = await tg.client.post(HOOK, data=body, headers=headers)
        assert response.status == 200
    await tg.idle()
    assert tg.fake.called("sendMessage") == []


async def test_control_bidi_and_lone_surrogate_characters_never_reach_the_database(tg):
    user = TelegramUser(4242, "Amina")
    await tg.turn(user, user.text("/start"))
    update = user.text("x")
    update["message"]["text"] = "Coop\x00 \u202eAtlas\ud83d\u2066 \x07ok"
    raw = json.dumps(update).encode()  # the escapes, as Telegram sends them
    response = await tg.client.post(HOOK, data=raw, headers={
        "X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"})
    assert response.status == 200
    await tg.idle()
    async with tg.db.transaction() as session:
        rows = (await session.execute(select(Inbound).order_by(Inbound.id))).scalars().all()
    stored = rows[-1].raw
    assert stored["text"] == "Coop Atlas ok"
    assert stored["original"]["message"]["text"] == "Coop Atlas ok"


# --- changes after sending (flows/changes.py) --------------------------------------------


async def test_a_sent_draft_is_changed_from_telegram_as_a_new_revision(tg):
    user = TelegramUser(555000777, language_code="fr")
    await onboard_on_telegram(tg, user)
    sent = tg.fake.sent(user.id)[-1]
    assert [b["callback_data"] for row in sent.markup["inline_keyboard"] for b in row] == [
        "change"]
    assert await tg.turn(user, user.text("bghit nbdl lprix")) == ["ask_price"]
    assert await tg.turn(user, user.text("200 DH l kilo")) == ["change_done_field"]
    assert await tg.turn(user, user.press("send_changes")) == ["changes_sent"]
    submission = await the_submission(tg.db, "telegram")
    assert submission["status"] == "submitted"
    assert [p[2:4] for p in submission["products"]] == [("200", "kg")]
    async with tg.db.transaction() as session:
        (view,) = await submissions.views(session)
    assert view.submission.revision == 2
    assert [(c.to_status, c.revision) for c in view.history] == [("submitted", 1),
                                                                 ("submitted", 2)]
