"""Field agents: an invite links the agent's chat; a referral attributes owners to them."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import qrcode
from PIL import Image
from sqlmodel import select

from bot.agent_links import preferred_link, qr_url
from bot.app import create_app
from bot.cli import main
from storage import agents
from storage.models import AgentChat, Business, Conversation
from tests.helpers import Owner
from tests.integration.test_webchat import onboard_in_french


async def make_agent(db, name="Samira"):
    async with db.transaction() as session:
        agent = await agents.create_agent(session, name)
        invite = await agents.issue_code(session, agent.id, "invite")
        referral = await agents.referral_code(session, agent.id)
    return agent, invite, referral


async def test_an_owner_from_an_agents_link_is_attributed_to_the_agent(client, db):
    agent, _, referral = await make_agent(db)
    owner = Owner(client)
    response = await client.post("/api/chat/sessions", json={"lang_hint": "fr",
                                                             "ref": f"ref-{referral}"})
    owner.session = (await response.json())["session"]
    # onboard_in_french starts its own session; follow the same answers on this one
    stranger = Owner(client)
    await onboard_in_french(stranger)
    async with db.transaction() as session:
        mine = (await session.execute(select(Conversation).where(
            Conversation.user_ref == owner.session))).scalar_one()
        other = (await session.execute(select(Conversation).where(
            Conversation.user_ref == stranger.session))).scalar_one()
    assert mine.agent_id == agent.id and other.agent_id is None


async def test_a_submission_carries_its_agent(client, db):
    agent, _, referral = await make_agent(db)
    owner = Owner(client)
    await owner.start("fr")
    assert await owner.say(f"ref-{referral}") == ["ask_language"]  # wa.me/...?text=ref-...
    for step in (("press", "lang:fr"), ("say", "oui"), ("say", "Cuir Fès"), ("say", "Omar"),
                 ("say", "fes"), ("press", "sector:leather"), ("press", "skip"),
                 ("say", "0612345678"), ("press", "skip"), ("say", "Sac"),
                 ("photo", None), ("press", "done"), ("say", "Sac en cuir"),
                 ("say", "300 dh la pièce"), ("say", "10 pièces"), ("press", "no"),
                 ("press", "skip"), ("press", "submit")):
        if step[0] == "photo":
            from tests.helpers import photo_bytes

            await owner.photo(photo_bytes(5))
        else:
            await getattr(owner, step[0])(step[1])
    assert owner.keys == ["submitted"]
    async with db.transaction() as session:
        business = (await session.execute(select(Business))).scalar_one()
    assert business.agent_id == agent.id


async def test_an_invite_links_the_agents_chat_once(client, db):
    agent, invite, _ = await make_agent(db)
    owner = Owner(client)
    await owner.start("fr")
    assert await owner.say(f"agent-{invite}") == ["notice_agent_linked", "agent_menu"]
    again = Owner(client)
    await again.start("fr")
    assert await again.say(f"agent-{invite}") == ["notice_referral_invalid", "ask_language"]
    async with db.transaction() as session:
        chats = (await session.execute(select(AgentChat))).scalars().all()
    assert [(c.user_ref, c.agent_id) for c in chats] == [(owner.session, agent.id)]


async def test_agent_invite_command_prints_links_and_writes_a_qr_code(settings, monkeypatch,
                                                                     capsys, tmp_path):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("VAR_DIR", str(tmp_path))
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "TijaraBot")
    monkeypatch.setenv("TWILIO_WHATSAPP_FROM", "whatsapp:+14155238886")
    try:
        await asyncio.to_thread(main, ["agent", "invite", "Samira Benali"])
    except SystemExit as exit_:
        assert exit_.code == 0
    out = capsys.readouterr().out
    assert "https://t.me/TijaraBot?start=agent-" in out
    assert "https://wa.me/14155238886?text=ref-" in out
    qr = next(line.split(": ", 1)[1] for line in out.splitlines() if "QR code" in line)
    assert Path(qr).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- the referral QR code, served at /agents/qr/{code}.png ------------------------------


def modules(png: bytes, box: int = 10, border: int = 4) -> list[list[bool]]:
    """The dark modules of a QR code image drawn with `box` pixels per module."""
    image = Image.open(io.BytesIO(png)).convert("L")
    count = image.size[0] // box - 2 * border
    return [[image.getpixel(((border + x) * box + box // 2, (border + y) * box + box // 2)) < 128
             for x in range(count)] for y in range(count)]


async def test_the_referral_qr_code_is_a_png_of_the_agents_preferred_link(aiohttp_client,
                                                                          settings, db):
    config = settings.model_copy(update={"twilio_whatsapp_from": "whatsapp:+14155238886",
                                         "telegram_bot_username": "TijaraBot"})
    client = await aiohttp_client(create_app(config, db))
    _, _, referral = await make_agent(db)
    assert qr_url(config, referral) == f"http://testserver/agents/qr/{referral}.png"

    response = await client.get(f"/agents/qr/{referral}.png")
    assert response.status == 200
    assert response.content_type == "image/png"
    assert response.headers["Cache-Control"] == "public, max-age=86400"
    png = await response.read()
    head = await client.head(f"/agents/qr/{referral}.png")  # Twilio may look before fetching
    assert head.status == 200 and head.content_type == "image/png"
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG" and min(image.size) > 100
    # What it says: the WhatsApp link, the first choice when WhatsApp is configured.
    link = preferred_link(config, referral)
    assert link == f"https://wa.me/14155238886?text=ref-{referral}"
    code = qrcode.QRCode(box_size=10, border=4)
    code.add_data(link)
    code.make(fit=True)
    assert modules(png) == [row[4:-4] for row in code.get_matrix()[4:-4]]


async def test_only_an_existing_referral_code_has_a_qr_code(client, db):
    _, invite, referral = await make_agent(db)
    assert (await client.get(f"/agents/qr/{referral}.png")).status == 200
    for code in ("abcdefgh", invite, "ABCDEFGHJK", "abc", "a" * 33, f"{referral}-x",
                 referral.upper()):
        response = await client.get(f"/agents/qr/{code}.png")
        assert response.status == 404, code
    assert (await client.get(f"/agents/qr/{referral}")).status == 404


def test_the_preferred_link_is_whatsapp_then_telegram_then_the_web_chat(settings):
    both = settings.model_copy(update={"twilio_whatsapp_from": "+212 522 000000",
                                       "telegram_bot_username": "TijaraBot"})
    assert preferred_link(both, "abcdefgh23") == "https://wa.me/212522000000?text=ref-abcdefgh23"
    telegram = settings.model_copy(update={"telegram_bot_username": "TijaraBot"})
    assert preferred_link(telegram, "abcdefgh23") == "https://t.me/TijaraBot?start=ref-abcdefgh23"
    assert preferred_link(settings, "abcdefgh23") == \
        "http://testserver/chat?ref=ref-abcdefgh23"


async def test_an_invite_for_an_existing_agent_login_links_the_chat_to_that_account(
        settings, monkeypatch, capsys, db):
    from bot.admin.auth import hash_password
    from storage import accounts

    async with db.transaction() as session:
        login = await accounts.create_user(session, email="samira@tijara.ma", role="agent",
                                           password_hash=hash_password("x" * 12), name="")
        await accounts.create_user(session, email="amina@tijara.ma", role="admin",
                                   password_hash=hash_password("x" * 12))
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("VAR_DIR", str(settings.var_dir))

    def run(*args) -> int:
        try:
            main(list(args))
        except SystemExit as exit_:
            return exit_.code
        return 0

    assert await asyncio.to_thread(run, "agent", "invite", "Samira Benali",
                                   "--email", "Samira@Tijara.ma") == 0
    assert f"agent {login.id}: Samira Benali" in capsys.readouterr().out  # the same account
    # An admin's login is not quietly turned into a field agent.
    assert await asyncio.to_thread(run, "agent", "invite", "Amina",
                                   "--email", "amina@tijara.ma") == 1
    assert "admin account" in capsys.readouterr().err
