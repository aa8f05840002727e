"""WhatsApp over Twilio, end to end: signed webhooks in, a local stand-in for Twilio out.

The owner is played by signed form posts to /whatsapp/twilio, the way Twilio
sends them; the bot's answers are followed by their locale keys (the outbox
row of each reply) and by the bodies the stand-in received.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select
from twilio.request_validator import RequestValidator

from bot.agent_links import qr_url
from bot.app import create_app
from bot.channels.text import units
from bot.channels.whatsapp import (
    PHOTO_GROUP,
    TWIML_EMPTY,
    WhatsAppChannel,
    compose,
    split_body,
)
from bot.channels.whatsapp import channel as wa_channel
from bot.i18n import Rendered
from bot.keys import channels_key
from bot.outbox.worker import work
from storage import agents, outbox, submissions
from storage.media import Refused
from storage.models import Conversation, Inbound, Outbox, WhatsAppStatus, utcnow
from tests.fakes.twilio_api import FakeTwilio
from tests.helpers import photo_bytes, worker_handlers

SID = "AC" + "5" * 32
TOKEN = "twilio-auth-token-for-tests"
PUBLIC = "https://bot.example.ma"  # what Twilio calls; the test client is elsewhere
SENDER = "whatsapp:+14155238886"
WEBHOOK = "/whatsapp/twilio"
STATUS = "/whatsapp/twilio/status"


def sign(path: str, params: dict) -> str:
    return RequestValidator(TOKEN).compute_signature(PUBLIC + path, params)


@dataclass
class Harness:
    client: object
    fake: FakeTwilio
    db: object
    channel: WhatsAppChannel
    owners: list = field(default_factory=list)

    async def post(self, path: str, params: dict, *, signature: str | None = None,
                   headers: dict | None = None):
        sig = sign(path, params) if signature is None else signature
        return await self.client.post(path, data=params,
                                      headers={"X-Twilio-Signature": sig, **(headers or {})})

    async def inbound_rows(self) -> list[Inbound]:
        async with self.db.transaction() as session:
            return list((await session.execute(select(Inbound).where(
                Inbound.channel == "whatsapp").order_by(Inbound.id))).scalars())

    async def conversation(self, user_ref: str) -> Conversation:
        async with self.db.transaction() as session:
            return (await session.execute(select(Conversation).where(
                Conversation.channel == "whatsapp",
                Conversation.user_ref == user_ref))).scalar_one()

    async def row(self, dedupe_key: str) -> Outbox | None:
        async with self.db.transaction() as session:
            return (await session.execute(select(Outbox).where(
                Outbox.dedupe_key == dedupe_key))).scalar_one_or_none()

    async def finished(self, dedupe_key: str, timeout: float = 15.0) -> Outbox:
        """Wait for an outbox row to be carried out (polling, no fixed sleeps)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            row = await self.row(dedupe_key)
            if row is not None and row.status != "pending":
                return row
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"{dedupe_key} not done: {row and row.last_error}")
            await asyncio.sleep(0.03)

    async def reply_to(self, message_sid: str, timeout: float = 15.0) -> Outbox:
        """The outbox row answering one inbound message, once sent."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            async with self.db.transaction() as session:
                inbound = (await session.execute(select(Inbound).where(
                    Inbound.channel == "whatsapp",
                    Inbound.external_id == message_sid))).scalar_one_or_none()
            if inbound is not None and inbound.processed_at is not None:
                return await self.finished(f"reply:{inbound.id}",
                                           deadline - asyncio.get_running_loop().time())
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"{message_sid} was not processed")
            await asyncio.sleep(0.03)


class Owner:
    """A business owner on WhatsApp, as Twilio presents them."""

    def __init__(self, wa: Harness, wa_id: str = "212612345678",
                 profile: str = "Fatima Zahra"):
        self.wa, self.wa_id, self.profile = wa, wa_id, profile
        self.address = f"whatsapp:+{wa_id}"
        self.last_body = ""

    def params(self, **fields) -> dict:
        sid = "SM" + uuid.uuid4().hex
        return {
            "MessageSid": sid, "SmsMessageSid": sid, "SmsSid": sid, "AccountSid": SID,
            "From": self.address, "To": SENDER, "Body": "", "NumMedia": "0",
            "NumSegments": "1", "MessageType": "text", "ProfileName": self.profile,
            "WaId": self.wa_id, "SmsStatus": "received", "ReferralNumMedia": "0",
            "ApiVersion": "2010-04-01", **fields,
        }

    async def post(self, params: dict) -> None:
        response = await self.wa.post(WEBHOOK, params)
        assert response.status == 200, await response.text()
        assert response.content_type == "text/xml"
        assert await response.text() == TWIML_EMPTY

    async def send(self, **fields) -> list[str]:
        params = self.params(**fields)
        await self.post(params)
        row = await self.wa.reply_to(params["MessageSid"])
        assert row.status == "done", row.last_error
        sent = self.wa.fake.bodies(self.address)
        self.last_body = sent[-1] if sent else ""
        return [r["key"] for r in row.payload["replies"]]

    async def say(self, text: str) -> list[str]:
        return await self.send(Body=text)

    def photo_fields(self, *urls: str, caption: str = "") -> dict:
        fields = {"NumMedia": str(len(urls)), "MessageType": "image", "Body": caption}
        for i, url in enumerate(urls):
            fields |= {f"MediaUrl{i}": url, f"MediaContentType{i}": "image/jpeg"}
        return fields

    async def photos(self, *urls: str) -> list[str]:
        return await self.send(**self.photo_fields(*urls))


@pytest.fixture
async def wa(aiohttp_client, settings, db, monkeypatch):
    monkeypatch.setattr("bot.dispatch.ALBUM_WAIT", 1.0)  # a loaded CI machine is slow
    monkeypatch.setattr("bot.outbox.send.backoff",
                        lambda attempt, **_: timedelta(milliseconds=100))
    async with FakeTwilio(SID, TOKEN) as fake:
        config = settings.model_copy(update={
            "twilio_account_sid": SID, "twilio_auth_token": TOKEN,
            "twilio_whatsapp_from": SENDER, "twilio_api_base_url": fake.api_url,
            "twilio_media_hosts": ["127.0.0.1"], "public_base_url": PUBLIC,
            "embedded_worker": False, "webchat_enabled": False,
        })
        client = await aiohttp_client(create_app(config, db))
        channels = client.app[channels_key]
        stop = asyncio.Event()
        worker = asyncio.create_task(
            work(db, worker_handlers(db, config, channels), stop, idle=0.05))
        try:
            yield Harness(client, fake, db, channels["whatsapp"])
        finally:
            stop.set()
            await worker


async def walk_to_photos(owner: Owner) -> None:
    assert await owner.say("Bonjour, je voudrais inscrire ma coopérative") \
        == ["welcome_found", "ask_consent"]  # in French at once: no language question
    assert await owner.say("oui") == ["ask_business_name"]
    assert await owner.say("Coopérative Tifawin") == ["ask_owner_name"]
    assert await owner.say("1") == ["ask_city"]
    assert await owner.say("Agadir") == ["ask_sector"]
    assert await owner.say("argan") == ["ask_ice"]
    assert await owner.say("passer") == ["ask_email"]  # the phone is never asked
    assert await owner.say("passer") == ["ask_product_name"]
    assert await owner.say("Huile d'argan cosmétique") == ["ask_photos"]


# --- 1. a whole onboarding --------------------------------------------------------------


async def test_whole_onboarding_in_french_over_whatsapp(wa):
    owner = Owner(wa)
    fake = wa.fake
    assert await owner.say("Bonjour, je voudrais inscrire ma coopérative") \
        == ["welcome_found", "ask_consent"]  # in French at once: no language question
    assert "1. Oui\n2. Non\n3. Autre langue" in owner.last_body  # numbered choices
    assert "Répondez par le numéro ou par le mot." in owner.last_body
    assert await owner.say("oui") == ["ask_business_name"]  # ... and by its word
    assert await owner.say("Coopérative Tifawin") == ["ask_owner_name"]
    assert "1. Fatima Zahra" in owner.last_body  # the WhatsApp profile name, offered
    assert await owner.say("1") == ["ask_city"]
    assert await owner.say("Agadir") == ["ask_sector"]
    assert await owner.say("argan") == ["ask_ice"]
    assert await owner.say("passer") == ["ask_email"]  # no ask_phone: WaId vouches for it
    assert await owner.say("passer") == ["ask_product_name"]
    assert await owner.say("Huile d'argan cosmétique") == ["ask_photos"]
    before = len(fake.messages)
    urls = (fake.add_media("argan-1", photo_bytes(1)), fake.add_media("argan-2", photo_bytes(2)))
    assert await owner.photos(*urls) == ["photo_received"]
    assert len(fake.messages) == before + 1  # two photos, one answer
    assert "Photo 2 sur 8" in owner.last_body
    assert await owner.say("terminé") == ["ask_description"]
    assert await owner.say("Huile pressée à froid, bio, de nos arganiers.") == ["ask_price"]
    assert await owner.say("150 DH le litre") == ["ask_moq"]
    assert await owner.say("20 litres") == ["readiness_tip", "ask_more_products"]
    assert await owner.say("non") == ["ask_buyer_questions"]
    assert await owner.say("passer") == ["review_summary"]
    assert "Tifawin" in owner.last_body and "1. Envoyer le dossier" in owner.last_body
    assert await owner.say("1") == ["submitted"]

    assert all(m.from_ == SENDER and m.to == owner.address for m in fake.messages)
    assert all(m.form["StatusCallback"] == [PUBLIC + STATUS] for m in fake.messages)
    assert all(not auth for server, _path, auth in fake.hits if server == "cdn")
    async with wa.db.transaction() as session:
        (view,) = await submissions.views(session)
    assert view.submission.status == "submitted"
    assert (view.business.phone, view.business.owner_name) == ("+212612345678", "Fatima Zahra")
    assert (view.business.channel, view.business.language) == ("whatsapp", "fr")
    assert len(view.products) == 1 and len(view.products[0].media) == 2
    conv = await wa.conversation(owner.address)
    assert conv.status == "submitted"


async def test_darija_owner_gets_darija_and_answers_by_number_or_word(wa):
    owner = Owner(wa, wa_id="212698765432", profile="Hassan")
    assert await owner.say("salam, bghit nsajjel l7anout dyali") \
        == ["welcome_found", "ask_consent"]
    assert "1. Iyeh\n2. La\n3. Lougha khra" in owner.last_body
    assert "Jawbo b ra9m wla ktbo l kelma." in owner.last_body
    assert await owner.say("wakha") == ["ask_business_name"]
    assert await owner.say("Hanout Hassan") == ["ask_owner_name"]
    assert "_Wla jawbo b ra9m:_\n1. Hassan" in owner.last_body


async def test_photos_sent_as_separate_messages_get_one_answer(wa):
    owner = Owner(wa)
    await walk_to_photos(owner)
    before = len(wa.fake.messages)
    first = owner.params(**owner.photo_fields(wa.fake.add_media("a", photo_bytes(3))))
    second = owner.params(**owner.photo_fields(wa.fake.add_media("b", photo_bytes(4))))
    await owner.post(first)
    await owner.post(second)  # WhatsApp: one webhook per photo of a multi-photo pick
    row = await wa.reply_to(second["MessageSid"])
    assert [r["key"] for r in row.payload["replies"]] == ["photo_received"]
    assert "Photo 2 sur 8" in wa.fake.messages[-1].body
    assert len(wa.fake.messages) == before + 1
    rows = await wa.inbound_rows()
    assert [r.group_key for r in rows[-2:]] == [PHOTO_GROUP, PHOTO_GROUP]
    assert await wa.row(f"reply:{rows[-2].id}") is None  # the first photo did not answer


# --- 2. signatures ----------------------------------------------------------------------


async def test_a_bad_signature_is_refused_and_nothing_is_recorded_or_sent(wa):
    owner = Owner(wa)
    params = owner.params(Body="salam")
    assert (await wa.post(WEBHOOK, params, signature="bm90IGEgc2lnbmF0dXJl")).status == 403
    assert (await wa.post(WEBHOOK, params, signature="")).status == 403
    tampered = sign(WEBHOOK, params)
    assert (await wa.post(WEBHOOK, params | {"Body": "salam "}, signature=tampered)).status == 403
    local = RequestValidator(TOKEN).compute_signature(str(wa.client.make_url(WEBHOOK)), params)
    assert (await wa.post(WEBHOOK, params, signature=local)).status == 403  # not our public URL
    status = {"MessageSid": "SM" + "1" * 32, "MessageStatus": "read", "AccountSid": SID}
    assert (await wa.post(STATUS, status, signature="bm9wZQ==")).status == 403
    assert await wa.inbound_rows() == []
    async with wa.db.transaction() as session:
        assert (await session.execute(sa.select(WhatsAppStatus))).first() is None
    await asyncio.sleep(0.2)
    assert wa.fake.attempts == 0


async def test_a_signed_form_for_another_account_is_refused(wa, caplog):
    """Our auth token signed it, but for another AccountSid (a subaccount sharing the token,
    an old project): refused and logged, nothing recorded; none at all is refused too."""
    owner = Owner(wa)
    other = "AC" + "6" * 32
    params = owner.params(Body="salam", AccountSid=other)
    with caplog.at_level("WARNING", logger="bot.channels.whatsapp.webhook"):
        assert (await wa.post(WEBHOOK, params)).status == 403
    assert any(other in r.getMessage() for r in caplog.records)
    anonymous = {k: v for k, v in owner.params(Body="salam").items() if k != "AccountSid"}
    assert (await wa.post(WEBHOOK, anonymous)).status == 403
    status = {"MessageSid": "SM" + "1" * 32, "MessageStatus": "read", "AccountSid": other}
    assert (await wa.post(STATUS, status)).status == 403
    assert await wa.inbound_rows() == []
    async with wa.db.transaction() as session:
        assert (await session.execute(sa.select(WhatsAppStatus))).first() is None
    ours = owner.params(Body="salam")
    assert (await wa.post(WEBHOOK, ours)).status == 200
    assert len(await wa.inbound_rows()) == 1


async def test_the_signature_is_checked_on_public_base_url_not_the_host_header(wa):
    owner = Owner(wa)
    params = owner.params(Body="Bonjour")
    response = await wa.post(WEBHOOK, params, headers={"Host": "attacker.example.org",
                                                       "X-Forwarded-Proto": "http"})
    assert response.status == 200
    assert [r["key"] for r in (await wa.reply_to(params["MessageSid"])).payload["replies"]] \
        == ["welcome_found", "ask_consent"]


async def test_a_query_string_is_part_of_the_signed_url(wa):
    owner = Owner(wa)
    params = owner.params(Body="Bonjour")
    path = WEBHOOK + "?tenant=souk42"
    assert (await wa.post(path, params, signature=sign(WEBHOOK, params))).status == 403
    assert (await wa.post(path, params)).status == 200


# --- 3. redelivery ------------------------------------------------------------------------


async def test_the_same_message_sid_twice_has_one_effect(wa):
    owner = Owner(wa)
    params = owner.params(Body="salam")
    await owner.post(params)
    await owner.post(params)  # Twilio redelivers (I-Twilio-Idempotency-Token)
    await wa.reply_to(params["MessageSid"])
    assert await owner.say("1") == ["ask_business_name"]
    assert len(wa.fake.messages) == 2  # one answer each, none for the redelivery
    assert len(await wa.inbound_rows()) == 2


# --- 4. media only from Twilio ---------------------------------------------------------


async def test_media_on_another_host_is_never_requested_and_the_owner_is_told(wa):
    owner = Owner(wa)
    await walk_to_photos(owner)
    assert await owner.photos(f"{wa.fake.other_host}/cdn/steal.jpg") == ["photo_not_image"]
    assert await owner.photos(f"{wa.fake.cdn_url}@evil.example/x.jpg") == ["photo_not_image"]
    assert wa.fake.hits == []
    bounce = wa.fake.redirect_media("bounce", f"{wa.fake.other_host}/cdn/steal.jpg")
    assert await owner.photos(bounce) == ["photo_not_image"]
    assert wa.fake.hits == [("api", "/media/bounce", True)]  # the redirect was not followed
    assert await owner.photos(wa.fake.add_media("ok", photo_bytes(7))) == ["photo_received"]
    assert [h[0] for h in wa.fake.hits[1:]] == ["api", "cdn"]
    assert wa.fake.hits[-1][2] is False  # credentials never go to the CDN
    assert "Photo 1 sur 8" in owner.last_body


async def test_media_is_capped_while_downloading(wa):
    url = wa.fake.add_media("big", photo_bytes(8, size=(1600, 1200)))
    assert await wa.channel.download(url, limit=10_000) == Refused("too_large")
    data = await wa.channel.download(url, limit=10_000_000)
    assert isinstance(data, bytes) and data[:2] == b"\xff\xd8"
    assert await wa.channel.fetch_media({"url": url, "content_type": "video/mp4"}) \
        == Refused("not_image")


async def test_a_voice_note_goes_through_the_audio_pipeline(wa):
    amr = b"#!AMR\n" + (b"\x3c" + bytes(31)) * 100  # two seconds of AMR frames
    url = wa.fake.add_media("voice", amr, "audio/amr")
    stored = await wa.channel.fetch_media({"url": url, "content_type": "audio/amr"})
    assert (stored.kind, stored.content_type) == ("audio", "audio/amr")
    owner = Owner(wa)
    assert await owner.say("Bonjour") == ["welcome_found", "ask_consent"]
    keys = await owner.send(NumMedia="1", MessageType="audio", MediaUrl0=url,
                            MediaContentType0="audio/ogg")
    assert keys  # answered, whatever the engine makes of a voice note here


# --- 5. retries ---------------------------------------------------------------------------


async def test_twilio_errors_are_retried_and_the_message_is_delivered_once(wa):
    wa.fake.fail_next(2, status=500)
    owner = Owner(wa)
    assert await owner.say("salam") == ["welcome_found", "ask_consent"]
    assert wa.fake.attempts == 3
    assert len(wa.fake.messages) == 1


async def test_an_owner_who_unsubscribed_is_not_written_to_again(wa):
    wa.fake.fail_next(1, status=400, code=21610,
                      message="Attempt to send to unsubscribed recipient")
    owner = Owner(wa)
    params = owner.params(Body="salam")
    await owner.post(params)
    assert (await wa.reply_to(params["MessageSid"])).status == "done"
    assert wa.fake.messages == []
    assert (await wa.conversation(owner.address)).status == "unreachable"
    # They write to us again (after START): they are answered again.
    assert await owner.say("1") == ["ask_business_name"]
    assert len(wa.fake.messages) == 1
    assert (await wa.conversation(owner.address)).status == "active"


# --- 6. long bodies -----------------------------------------------------------------------


def test_split_body_keeps_every_word_within_the_limit():
    lines = [f"📦 Produit {i} : huile d'argan, 150 DH le litre, minimum 20 litres." for i in
             range(80)]
    text = "Voici votre dossier :\n\n" + "\n".join(lines)
    parts = split_body(text)
    assert len(parts) > 2
    assert all(units(p) <= 1600 for p in parts)
    assert [p.rsplit("\n", 1)[1] for p in parts] == [f"({i}/{len(parts)})"
                                                      for i in range(1, len(parts) + 1)]
    rejoined = " ".join(p.rsplit("\n", 1)[0] for p in parts)
    assert rejoined.split() == text.split()
    assert split_body("قصير") == ["قصير"]
    arabic = ("زيت أركان " * 400).strip()
    assert all(units(p) <= 1600 for p in split_body(arabic))
    assert all(units(p) <= 1600 for p in split_body("x" * 5000))  # no space: a hard cut


async def test_a_long_message_arrives_in_parts_in_order(wa):
    owner = Owner(wa)
    assert await owner.say("Bonjour") == ["welcome_found", "ask_consent"]
    conv = await wa.conversation(owner.address)
    products = "\n".join(f"{i}. Tapis berbère n°{i}, laine, 1200 DH la pièce" for i in range(120))
    reply = Rendered("review_summary", f"Votre dossier :\n{products}",
                     (("Envoyer le dossier", "submit"), ("Ajouter un produit", "add_product")),
                     "choice")
    async with wa.db.transaction() as session:
        await outbox.enqueue(session, "send", "test:long", {
            "conversation_id": conv.id, "channel": "whatsapp", "user_ref": owner.address,
            "locale": "fr", "replies": [reply.as_json()], "group": None},
            conversation_id=conv.id)
    await wa.finished("test:long")
    parts = [m.body for m in wa.fake.messages[1:]]
    assert len(parts) >= 3 and all(units(p) <= 1600 for p in parts)
    assert parts[0].startswith("Votre dossier :") and parts[-1].endswith(f"({len(parts)}/"
                                                                        f"{len(parts)})")
    assert "1. Envoyer le dossier\n2. Ajouter un produit" in parts[-1]


async def test_a_reply_with_an_image_carries_it_as_media_url(wa):
    owner = Owner(wa)
    assert await owner.say("Bonjour") == ["welcome_found", "ask_consent"]
    conv = await wa.conversation(owner.address)
    async with wa.db.transaction() as session:
        agent = await agents.create_agent(session, "Samira")
        code = await agents.referral_code(session, agent.id)
    image = qr_url(wa.channel.settings, code)
    assert image == f"{PUBLIC}/agents/qr/{code}.png"  # public: Twilio fetches it itself
    replies = [Rendered("agent_qr", "Montrez ce code", (), "none", image=image),
               Rendered("ask_more", "Autre chose ?", (("Oui", "yes"), ("Non", "no")), "choice"),
               Rendered("agent_qr", "Ailleurs", (), "none", image="https://example.com/a.png")]
    async with wa.db.transaction() as session:
        await outbox.enqueue(session, "send", "test:image", {
            "conversation_id": conv.id, "channel": "whatsapp", "user_ref": owner.address,
            "locale": "fr", "replies": [r.as_json() for r in replies]},
            conversation_id=conv.id)
    assert (await wa.finished("test:image")).status == "done"
    sent = wa.fake.messages[-1]
    assert sent.media_urls == [image]  # one message: the image with its words
    assert sent.body.startswith("Montrez ce code\n\nAutre chose ?") and "2. Non" in sent.body
    assert sent.body.endswith("Ailleurs")  # an image not ours is never handed on
    assert [m.media_urls for m in wa.fake.messages] == [[], [image]]


# --- 7. the 24-hour window ----------------------------------------------------------------


async def test_outside_the_24_hour_window_nothing_is_sent_until_the_owner_writes(wa,
                                                                                 monkeypatch):
    monkeypatch.setattr(wa_channel, "WINDOW_RECHECK", 0.2)
    owner = Owner(wa)
    assert await owner.say("salam") == ["welcome_found", "ask_consent"]
    conv = await wa.conversation(owner.address)
    async with wa.db.transaction() as session:
        await session.execute(sa.update(Conversation).where(Conversation.id == conv.id)
                              .values(last_inbound_at=utcnow() - timedelta(hours=25)))
        note = Rendered("notice", "Ra l malaf dyalk t9bel!", (), "none")
        await outbox.enqueue(session, "send", "test:late", {
            "conversation_id": conv.id, "channel": "whatsapp", "user_ref": owner.address,
            "locale": "ary-Latn", "replies": [note.as_json()], "group": None},
            conversation_id=conv.id)
    attempts = wa.fake.attempts
    for _ in range(200):  # the worker looks at the row (and, while it waits, again later)
        row = await wa.row("test:late")
        if (row.last_error and row.attempts >= 2) or row.status == "held":
            break
        await asyncio.sleep(0.03)
    # Kept, not given up: held by the outbox until the owner writes again.
    assert row.status == "held" and row.last_error == "outside 24h window"
    assert wa.fake.attempts == attempts  # Twilio was not even asked

    assert await owner.say("1") == ["ask_business_name"]  # the owner writes: window open
    assert (await wa.finished("test:late")).status == "done"
    # What waited goes out first, then the answer to what they just wrote.
    assert wa.fake.bodies(owner.address)[-2] == "Ra l malaf dyalk t9bel!"
    assert wa.fake.bodies(owner.address)[-1].startswith("Chno smiya")


def test_the_window_is_24_hours_from_the_last_message():
    now = 1_800_000_000.0
    assert WhatsAppChannel.in_window(now - 3600, now)
    assert WhatsAppChannel.in_window(now - 23 * 3600, now)
    assert not WhatsAppChannel.in_window(now - 24 * 3600, now)
    assert not WhatsAppChannel.in_window(None, now)


# --- 8. status callbacks ------------------------------------------------------------------


async def test_status_callbacks_are_recorded_and_never_go_back(wa):
    owner = Owner(wa)
    assert await owner.say("salam") == ["welcome_found", "ask_consent"]
    sid = wa.fake.messages[-1].sid
    base = {"AccountSid": SID, "From": SENDER, "To": owner.address, "ChannelPrefix": "whatsapp",
            "ApiVersion": "2010-04-01", "StructuredMessage": "false"}
    for status in ("sent", "read", "delivered"):  # out of order, as Twilio may send them
        response = await wa.post(STATUS, base | {"MessageSid": sid, "SmsSid": sid,
                                                 "MessageStatus": status, "SmsStatus": status})
        assert response.status == 200
    failed = "SM" + "f" * 32
    response = await wa.post(STATUS, base | {
        "MessageSid": failed, "SmsSid": failed, "MessageStatus": "failed",
        "SmsStatus": "failed", "ErrorCode": "63016",
        "ErrorMessage": "Failed to send freeform message because you are outside the allowed "
                        "window."})
    assert response.status == 200
    # Kept in the database for admins, once per (message, status): a late "delivered"
    # does not hide "read".
    async with wa.db.transaction() as session:
        rows = (await session.execute(sa.select(WhatsAppStatus).order_by(
            WhatsAppStatus.id))).scalars().all()
    assert [(r.message_sid == sid, r.status, r.error_code) for r in rows] == [
        (True, "sent", None), (True, "read", None), (True, "delivered", None),
        (False, "failed", "63016")]
    assert rows[0].conversation_id == (await wa.conversation(owner.address)).id


# --- the webhook forms: tests/unit/test_parsers.py (tables of recorded payloads) --------


def test_choices_are_numbered_and_the_language_offer_lists_words():
    question = Rendered("ask_consent", "Êtes-vous d'accord ?", (("Oui", "yes"), ("Non", "no")),
                        "choice")
    offer = Rendered("offer_language_switch", "Continuer en français ?",
                     (("Français", "lang:fr"), ("الدارجة", "lang:ary")), "choice")
    body = compose((question, offer), "fr")
    assert body.startswith("Êtes-vous d'accord ?\n\n1. Oui\n2. Non\n\n_Répondez")
    assert body.endswith("Continuer en français ?\n\n• Français\n• الدارجة")
    skip = Rendered("ask_ice", "Votre ICE ?", (("Passer", "skip"),), "text")
    assert compose((skip,), "ar") == "Votre ICE ?\n\n_أو أجيبوا برقم:_\n1. Passer"


# --- Content API templates, when configured -------------------------------------------


async def test_a_configured_quick_reply_template_carries_the_question(wa):
    wa.channel.settings = wa.channel.settings.model_copy(update={
        "twilio_content_sids": {"ask_consent:fr": "HX" + "c" * 32}})
    owner = Owner(wa)
    assert await owner.say("Bonjour, je voudrais inscrire ma coopérative") \
        == ["welcome_found", "ask_consent"]  # in French at once: no language question
    sent = wa.fake.messages[-1]
    assert sent.form["ContentSid"] == ["HX" + "c" * 32] and "Body" not in sent.form
    variable = json.loads(sent.form["ContentVariables"][0])["1"]
    assert "09-08" in variable and "\n" not in variable
    # The owner taps the template's button: its id is our payload.
    assert await owner.send(Body="Oui", ButtonText="Oui", ButtonPayload="yes",
                            MessageType="button") == ["ask_business_name"]


async def test_outside_the_window_an_approved_template_is_sent_instead_of_waiting(wa):
    wa.channel.settings = wa.channel.settings.model_copy(update={
        "twilio_content_sids": {"notice:ary-Latn": "HX" + "d" * 32}})
    owner = Owner(wa)
    assert await owner.say("salam") == ["welcome_found", "ask_consent"]
    conv = await wa.conversation(owner.address)
    async with wa.db.transaction() as session:
        await session.execute(sa.update(Conversation).where(Conversation.id == conv.id)
                              .values(last_inbound_at=utcnow() - timedelta(hours=30)))
        note = Rendered("decision_live", "L page dyalk tal3at!\nHahiya: https://x.ma/s/1",
                        (), "none")
        await outbox.enqueue(session, "send", "test:template", {
            "conversation_id": conv.id, "channel": "whatsapp", "user_ref": owner.address,
            "locale": "ary-Latn", "replies": [note.as_json()]}, conversation_id=conv.id)
    row = await wa.finished("test:template")
    assert row.status == "done"
    sent = wa.fake.messages[-1]
    assert sent.form["ContentSid"] == ["HX" + "d" * 32] and "Body" not in sent.form
    assert json.loads(sent.form["ContentVariables"][0]) == {
        "1": "L page dyalk tal3at! Hahiya: https://x.ma/s/1"}
