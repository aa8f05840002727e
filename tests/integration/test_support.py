"""A person to talk to, end to end on each channel: the owner asks, staff answer from
/admin/support into the owner's own channel, the bot waits, and comes back when closed."""

from __future__ import annotations

import asyncio
import html
import json
import re
from contextlib import asynccontextmanager
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select
from twilio.request_validator import RequestValidator

from bot.app import create_app
from bot.keys import channels_key
from bot.outbox.worker import work
from bot.settings import Settings
from storage.models import Conversation, Outbox, SupportReply, SupportRequest, utcnow
from tests.fakes.telegram_api import TelegramUser
from tests.fakes.twilio_api import FakeTwilio
from tests.helpers import Owner, photo_bytes, worker_handlers
from tests.integration.test_admin import SAME_SITE, Desk, add_user, token
from tests.integration.test_telegram import (  # noqa: F401 (fixtures)
    Harness,
    fake,
    fast,
    tg,
    tg_settings,
)
from tests.integration.test_whatsapp import SENDER, SID, TOKEN
from tests.integration.test_whatsapp import Harness as WhatsAppHarness
from tests.integration.test_whatsapp import Owner as WhatsAppOwner


@pytest.fixture
def settings(tmp_path, db_url) -> Settings:
    # Open every day, all day: the owner hears "in the next minutes".
    return Settings(database_url=db_url, media_root=tmp_path / "media", var_dir=tmp_path,
                    secret_key="test-secret", public_base_url="http://testserver",
                    embedded_worker=False, support_hours="Mon-Sun 00:00-24:00")


@pytest.fixture
async def client(aiohttp_client, settings, db):
    return await aiohttp_client(create_app(settings, db))


async def staff(client, db, email="samira@tijara.ma", role="admin", name="Samira") -> Desk:
    user = await add_user(db, email, role, name)
    desk = Desk(client)
    assert (await desk.login(email)).status == 303
    desk.user = user
    return desk


async def the_request(db) -> SupportRequest:
    async with db.transaction() as session:
        return (await session.execute(select(SupportRequest).order_by(
            SupportRequest.id.desc()))).scalars().first()


def counts(html: str) -> dict[str, int]:
    return {m[0]: int(m[1]) for m in re.findall(
        r'data-list="(\w+)">[^<]*<span class="count">(\d+)</span>', html)}


async def answer(desk: Desk, request_id: int, text: str) -> str:
    """Staff answer from the request's page (its nonce and CSRF token); the notice shown."""
    page = await desk.text(f"/admin/support/{request_id}")
    nonce = re.search(r'name="nonce" value="([^"]+)"', page).group(1)
    response = await desk.client.post(
        f"/admin/support/{request_id}/answer",
        data={"text": text, "nonce": nonce, "csrf": token(page)}, headers=SAME_SITE,
        allow_redirects=False)
    assert response.status == 303
    return re.search(r"[?&]m=(\w+)", response.headers["Location"]).group(1)


async def close(desk: Desk, request_id: int) -> None:
    response = await desk.post(f"/admin/support/{request_id}/close", {})
    assert response.status == 303 and "support_closed_done" in response.headers["Location"]


async def waiting(client, owner: Owner) -> list[dict]:
    response = await client.get(f"/api/chat/sessions/{owner.session}/waiting")
    assert response.status == 200
    return (await response.json())["messages"]


# --- the web chat -------------------------------------------------------------------------


async def test_web_chat_owner_reaches_a_person_and_the_bot_comes_back(client, db):
    owner = Owner(client)
    await owner.start("fr")
    await owner.press("lang:fr")
    await owner.say("oui")
    assert await owner.say("Atlas Argan") == ["ask_owner_name"]
    assert await owner.say("Je voudrais parler à un conseiller svp") == ["support_opened"]
    assert "dans les prochaines minutes" in owner.question["text"]
    # A person is on: the bot says nothing, and nothing is read as an answer.
    assert await owner.say("Bonjour, je ne sais pas quel prix mettre") == []
    assert await owner.photo(photo_bytes(3)) == []

    desk = await staff(client, db)
    inbox = await desk.text("/admin/support")
    assert "Atlas Argan" in inbox
    assert counts(inbox) == {"open": 1, "waiting": 1, "closed": 0}
    request = await the_request(db)
    page = await desk.text(f"/admin/support/{request.id}")
    assert "je ne sais pas quel prix mettre" in page
    assert 'data-way="web"' in page
    assert "Votre nom et prénom" in page  # where the bot resumes: its question, for staff
    thumbnail = html.unescape(re.search(r'<img src="(/media/[^"]+)"', page).group(1))
    assert (await client.get(thumbnail)).status == 200  # through the signed media link

    assert await answer(desk, request.id, "Bonjour, c'est Samira. Mettez le prix au litre.") \
        == "support_sent_web"
    (said,) = await waiting(client, owner)
    assert said["key"] == "support_answer"
    assert "Samira" in said["text"] and "Mettez le prix au litre." in said["text"]
    assert counts(await desk.text("/admin/support")) == {"open": 1, "waiting": 0, "closed": 0}
    page = await desk.text(f"/admin/support/{request.id}")
    assert "Mettez le prix au litre." in page and 'data-via="web"' in page

    # The owner answers the person: the request waits for staff again, the bot stays quiet.
    assert await owner.say("Merci, c'est clair") == []
    assert counts(await desk.text("/admin/support"))["waiting"] == 1

    await close(desk, request.id)
    assert [m["key"] for m in await waiting(client, owner)] == ["support_closed",
                                                                "ask_owner_name"]
    assert await owner.say("Hassan Ouali") == ["ask_city"]  # where it was, nothing lost
    async with db.transaction() as session:
        conv = (await session.execute(select(Conversation))).scalars().one()
    assert conv.state["draft"]["business_name"] == "Atlas Argan"
    assert conv.state["draft"]["owner_name"] == "Hassan Ouali"
    assert counts(await desk.text("/admin/support")) == {"open": 0, "waiting": 0, "closed": 1}
    # A closed request takes no more answers.
    page = await desk.text(f"/admin/support/{request.id}")
    assert 'id="answer-form"' not in page
    response = await desk.post(f"/admin/support/{request.id}/answer", {"text": "encore"})
    assert "e=support_not_open" in response.headers["Location"]
    assert await waiting(client, owner) == []


async def test_answers_need_the_csrf_token_and_an_agent_sees_only_their_owners(client, db):
    owner = Owner(client)
    await owner.start("ar")
    await owner.press("lang:ar")
    await owner.say("نعم")
    assert await owner.say("أريد التحدث مع شخص") == ["support_opened"]
    request = await the_request(db)

    mine = await add_user(db, "agent1@tijara.ma", "agent", "Youssef")
    async with db.transaction() as session:
        await session.execute(sa.update(Conversation).values(agent_id=mine.id))
    theirs = Desk(await _second_client(client))
    await add_user(db, "agent2@tijara.ma", "agent", "Nadia")
    assert (await theirs.login("agent2@tijara.ma")).status == 303
    assert counts(await theirs.text("/admin/support")) == {"open": 0, "waiting": 0, "closed": 0}
    assert (await theirs.get(f"/admin/support/{request.id}")).status == 404
    response = await theirs.post(f"/admin/support/{request.id}/answer", {"text": "salam"})
    assert response.status == 404

    agent = Desk(client)
    assert (await agent.login("agent1@tijara.ma")).status == 303
    assert counts(await agent.text("/admin/support"))["open"] == 1
    # Without the form's token: refused, nothing sent.
    refused = await agent.post(f"/admin/support/{request.id}/answer", {"text": "salam"},
                               csrf=False)
    assert refused.status == 403
    async with db.transaction() as session:
        assert (await session.execute(select(SupportReply))).first() is None
    assert await waiting(client, owner) == []
    assert await answer(agent, request.id, "مرحبا، معكم يوسف") == "support_sent_web"
    (said,) = await waiting(client, owner)
    assert "مرحبا، معكم يوسف" in said["text"] and "Youssef" in said["text"]


async def _second_client(client):
    """Another browser on the same server (its own cookies)."""
    from aiohttp.test_utils import TestClient

    other = TestClient(client.server)
    await other.start_server()
    return other


# --- Telegram -------------------------------------------------------------------------------


@asynccontextmanager
async def worker(db, settings, channels):
    stop = asyncio.Event()
    task = asyncio.create_task(work(db, worker_handlers(db, settings, channels), stop,
                                    idle=0.05))
    try:
        yield
    finally:
        stop.set()
        await task


async def until(check, timeout: float = 15.0):
    """Poll until `check()` is true (no fixed sleeps)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("not reached in time")
        await asyncio.sleep(0.03)


async def test_telegram_owner_gets_the_answer_in_their_chat(tg: Harness, tg_settings,  # noqa: F811
                                                             db):
    user = TelegramUser(4242, language_code="fr")
    assert await tg.turn(user, user.text("/start")) == ["ask_language"]
    assert await tg.turn(user, user.press("lang:ary")) == ["ask_consent"]
    assert await tg.turn(user, user.text("bghit nhder m3a chi wa7ed 3afak")) \
        == ["support_opened"]
    assert await tg.turn(user, user.text("3ndi mochkil f tsawer")) == []

    desk = await staff(tg.client, db)
    request = await the_request(db)
    assert "3ndi mochkil f tsawer" in await desk.text(f"/admin/support/{request.id}")
    async with worker(db, tg_settings, tg.app[channels_key]):
        assert await answer(desk, request.id, "Salam, ana Samira. Sifto lia tsawer hna.") \
            == "support_sent_telegram"
        await until(lambda: _sent_has(tg, user, "Sifto lia tsawer hna."))
        await close(desk, request.id)
        await until(lambda: _sent_has(tg, user, "Salat l hedra"))
    texts = [c.text for c in tg.fake.sent(user.id)]
    assert any("Samira" in t and "Sifto lia tsawer hna." in t for t in texts)
    await tg.replies(user.id)  # the staff's and the closing's rows, seen above
    # The bot again, at the question it had asked: the consent.
    assert await tg.turn(user, user.text("wakha")) == ["ask_business_name"]


async def _sent_has(tg: Harness, user: TelegramUser, words: str) -> bool:  # noqa: F811
    return any(words in c.text for c in tg.fake.sent(user.id))


# --- WhatsApp and its 24-hour window ----------------------------------------------------------


class WhatsApp(WhatsAppHarness):
    """Twilio's signatures over this app's own address (plain http, as the admin pages'
    cookies are only sent back over https when PUBLIC_BASE_URL is https)."""

    async def post(self, path: str, params: dict, *, signature: str | None = None,
                   headers: dict | None = None):
        sig = RequestValidator(TOKEN).compute_signature(HERE + path, params)
        return await self.client.post(path, data=params,
                                      headers={"X-Twilio-Signature": sig, **(headers or {})})


HERE = "http://testserver"


@asynccontextmanager
async def whatsapp(aiohttp_client, settings, db, **update):
    async with FakeTwilio(SID, TOKEN) as twilio:
        config = settings.model_copy(update={
            "twilio_account_sid": SID, "twilio_auth_token": TOKEN,
            "twilio_whatsapp_from": SENDER, "twilio_api_base_url": twilio.api_url,
            "twilio_media_hosts": ["127.0.0.1"], "public_base_url": HERE,
            "embedded_worker": False, **update})
        client = await aiohttp_client(create_app(config, db))
        channels = client.app[channels_key]
        async with worker(db, config, channels):
            yield WhatsApp(client, twilio, db, channels["whatsapp"])


async def _outside_the_window(wa: WhatsAppHarness, owner: WhatsAppOwner) -> None:
    conv = await wa.conversation(owner.address)
    async with wa.db.transaction() as session:
        await session.execute(sa.update(Conversation).where(Conversation.id == conv.id)
                              .values(last_inbound_at=utcnow() - timedelta(hours=25)))


async def _whatsapp_desk(wa: WhatsAppHarness, db) -> None:
    await staff(wa.client, db)


async def _wa_answer(wa: WhatsAppHarness, request_id: int, text: str) -> str:
    page = await (await wa.client.get(f"/admin/support/{request_id}")).text()
    nonce = re.search(r'name="nonce" value="([^"]+)"', page).group(1)
    response = await wa.client.post(
        f"/admin/support/{request_id}/answer",
        data={"text": text, "nonce": nonce, "csrf": token(page)}, headers=SAME_SITE,
        allow_redirects=False)
    assert response.status == 303
    return re.search(r"[?&]m=(\w+)", response.headers["Location"]).group(1)


async def _row_for(db, reply_text: str) -> Outbox:
    async with db.transaction() as session:
        rows = (await session.execute(select(Outbox).where(Outbox.kind == "send")
                                      .order_by(Outbox.id))).scalars().all()
    return next(r for r in reversed(rows)
                if any(reply_text in x["text"] for x in r.payload["replies"]))


async def test_whatsapp_answers_respect_the_24_hour_window(aiohttp_client, settings, db):
    async with whatsapp(aiohttp_client, settings, db) as wa:
        owner = WhatsAppOwner(wa)
        assert await owner.say("salam") == ["welcome_found", "ask_consent"]
        assert await owner.say("بغيت نهضر مع شي حد") == ["support_opened"]
        await _whatsapp_desk(wa, db)
        request = await the_request(db)
        page = await (await wa.client.get(f"/admin/support/{request.id}")).text()
        assert 'data-way="whatsapp_window"' in page
        # Inside the window: free text.
        assert await _wa_answer(wa, request.id, "Salam, ana Samira") == \
            "support_sent_whatsapp_window"
        await until(lambda: _done(db, "Salam, ana Samira"))
        assert any("Salam, ana Samira" in b for b in wa.fake.bodies(owner.address))
        # 25 hours later, no template: the answer waits for the owner to write.
        await _outside_the_window(wa, owner)
        assert await _wa_answer(wa, request.id, "Wach mazal m3ana?") == \
            "support_sent_whatsapp_held"
        await until(lambda: _status(db, "Wach mazal m3ana?", "held"))
        assert not any("Wach mazal m3ana?" in b for b in wa.fake.bodies(owner.address))
        page = await (await wa.client.get(f"/admin/support/{request.id}")).text()
        assert 'data-via="whatsapp_held"' in page
        # The owner writes (quiet: no bot reply), and what waited goes out.
        params = owner.params(Body="iyeh ana hna")
        await owner.post(params)
        await until(lambda: _status(db, "Wach mazal m3ana?", "done"))
        assert any("Wach mazal m3ana?" in b for b in wa.fake.bodies(owner.address))


async def test_whatsapp_outside_the_window_uses_the_approved_template(aiohttp_client, settings,
                                                                     db):
    template = "HX" + "e" * 32
    async with whatsapp(aiohttp_client, settings, db,
                        twilio_content_sids={"notice:ary-Arab": template}) as wa:
        owner = WhatsAppOwner(wa)
        assert await owner.say("salam") == ["welcome_found", "ask_consent"]
        assert await owner.say("بغيت نهضر مع شي حد") == ["support_opened"]
        await _whatsapp_desk(wa, db)
        request = await the_request(db)
        await _outside_the_window(wa, owner)
        page = await (await wa.client.get(f"/admin/support/{request.id}")).text()
        assert 'data-way="whatsapp_template"' in page
        assert await _wa_answer(wa, request.id, "السلام، معاكم سميرة") == \
            "support_sent_whatsapp_template"
        await until(lambda: _done(db, "السلام، معاكم سميرة"))
        sent = wa.fake.messages[-1]
        assert sent.form["ContentSid"] == [template] and "Body" not in sent.form
        assert "السلام، معاكم سميرة" in json.loads(sent.form["ContentVariables"][0])["1"]


async def _status(db, text: str, status: str) -> bool:
    try:
        return (await _row_for(db, text)).status == status
    except StopIteration:
        return False


async def _done(db, text: str) -> bool:
    return await _status(db, text, "done")
