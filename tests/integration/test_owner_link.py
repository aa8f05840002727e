"""An agent's owner agrees without WhatsApp: the agent shows a signed, expiring link (and
its QR code); the owner opens it in their own web chat, reads the draft and agrees; the
draft reaches the review as it would from WhatsApp. Expired, forged and used links are
answered kindly; the agent's /admin list shows the draft while it waits."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from PIL import Image
from sqlmodel import select
from yarl import URL

from bot import agent_links as links
from bot.admin.auth import hash_password
from bot.keys import turns_key
from storage import accounts, agents
from storage.models import Business, Conversation, Submission, utcnow
from tests.helpers import Owner, photo_bytes
from tests.integration.test_admin import SAME_SITE, token
from tests.integration.test_assisted import agent_fills_in_a_draft
from tests.integration.test_whatsapp import wa  # noqa: F401 - the fixture

PASSWORD = "correct horse battery"


async def linked_agent(client, db) -> tuple:
    """Samira, a field agent with a login to /admin and her web chat linked as her console."""
    async with db.transaction() as session:
        agent = await accounts.create_user(session, email="samira@partner.ma", role="agent",
                                           password_hash=hash_password(PASSWORD), name="Samira")
        invite = await agents.issue_code(session, agent.id, "invite")
    samira = Owner(client)
    await samira.start("fr")
    assert await samira.say(f"agent-{invite}") == ["notice_agent_linked", "agent_menu"]
    return agent, samira


async def fill_in_for_fadma(samira: Owner) -> None:
    """Samira answers every question for Fadma (06 12 34 56 78), in French, up to the review."""
    assert await samira.press("agent:new") == ["agent_ask_phone"]
    assert await samira.say("0612345678") == ["agent_opened_new", "assist_ask_language"]
    for action, value, expected in (
            ("press", "lang:fr", "ask_business_name"), ("say", "Tiwizi Argan", "ask_owner_name"),
            ("say", "Fadma Ait Lahcen", "ask_city"), ("say", "Tiznit", "ask_sector"),
            ("press", "sector:argan", "ask_ice"), ("press", "skip", "ask_email"),
            ("press", "skip", "ask_product_name"), ("say", "Huile d'argan", "ask_photos")):
        assert (await getattr(samira, action)(value))[-1] == expected, samira.keys
    assert await samira.photo(photo_bytes(3)) == ["photo_received"]
    for action, value, expected in (
            ("press", "done", "ask_description"),
            ("say", "Pressée à la main, à Tiznit", "ask_price"),
            ("say", "200 DH le litre", "ask_moq"), ("say", "20 litres", "ask_more_products"),
            ("press", "no", "ask_buyer_questions"), ("press", "skip", "review_summary")):
        assert (await getattr(samira, action)(value))[-1] == expected, samira.keys


async def open_link(client, ref: str, lang_hint: str = "fr") -> Owner:
    """Someone opening /chat?ref=<ref> on their phone: the page starts a session with it."""
    owner = Owner(client)
    response = await client.post("/api/chat/sessions", json={"lang_hint": lang_hint, "ref": ref})
    body = await owner._take(response)
    owner.session = body["session"]
    return owner


async def submissions_of(db) -> list[tuple[Submission, Business]]:
    async with db.transaction() as session:
        return [tuple(r) for r in (await session.execute(
            select(Submission, Business).join(Business))).all()]


def ref_of(link: str) -> str:
    return URL(link).query["ref"]


async def test_without_whatsapp_the_owner_agrees_through_the_link_in_their_own_web_chat(
        client, db):
    agent, samira = await linked_agent(client, db)
    await fill_in_for_fadma(samira)
    # The agent is told the truth: nothing reached the owner, here is what to show them.
    assert await samira.press("submit") == ["assist_owner_link"]
    told = samira.last[0]
    assert "WhatsApp" in told["text"] and "+212612345678" in told["text"]
    link = told["link"]
    assert link.startswith("http://testserver/chat?ref=own-") and link in told["text"]
    qr = await client.get(URL(told["image"]).path)
    assert qr.status == 200 and qr.content_type == "image/png"
    assert Image.open(io.BytesIO(await qr.read())).size[0] > 100
    assert await submissions_of(db) == []  # nothing is sent before the owner agrees

    # Samira's list and /admin show it waiting for the owner.
    assert await samira.say("menu") == ["agent_menu"]
    assert await samira.press("agent:list") == ["agent_list"]
    assert "Tiwizi Argan — attend l'accord du propriétaire" in samira.question["text"]
    desk = client  # the same test client: cookies of the agent's login
    page = await client.get("/admin/login")
    await client.post("/admin/login", data={"email": "samira@partner.ma", "password": PASSWORD,
                                             "csrf": token(await page.text())},
                      headers=SAME_SITE, allow_redirects=False)
    queue = await (await desk.get("/admin/submissions")).text()
    waiting = re.search(r'<section class="card" id="waiting-owner">(.*?)</section>',
                        queue, re.S)
    assert waiting and "Tiwizi Argan" in waiting.group(1)
    assert "Attend le propriétaire" in waiting.group(1) and "data-copy=" in waiting.group(1)
    assert 'id="agent-referral"' in queue  # her own link, as buttons
    arabic = await (await desk.get("/admin/lang/ar?next=/admin/submissions")).text()
    assert "ملف واحد ينتظر موافقة صاحبه" in arabic and "ينتظر صاحبه" in arabic
    await desk.get("/admin/lang/fr?next=/admin/submissions")
    funnel = await (await desk.get("/admin/funnel")).text()
    assert 'id="funnel-waiting-owner"' in funnel and "Dont un dossier" in funnel

    # Fadma opens the link on her phone: her own chat, the whole draft, in French.
    fadma = await open_link(client, ref_of(link))
    assert fadma.keys == ["consent_terms", "owner_confirm"]  # the terms first, then the draft
    assert "Tiwizi Argan" in fadma.question["text"] and "Fadma Ait Lahcen" in fadma.question["text"]
    assert [b["payload"] for b in fadma.question["buttons"]] == ["yes", "change", "no"]
    assert fadma.session != samira.session
    assert await fadma.press("yes") == ["submitted"]

    ((submission, business),) = await submissions_of(db)
    assert submission.status == "submitted" and submission.revision == 1
    assert (business.name, business.phone, business.agent_id, business.channel) == (
        "Tiwizi Argan", "+212612345678", agent.id, "web")
    assert business.consent_at is not None
    # Samira hears it in her chat, as she would after a WhatsApp answer.
    news = await (await client.get(f"/api/chat/sessions/{samira.session}/waiting")).json()
    assert [m["key"] for m in news["messages"]] == ["agent_owner_confirmed"]
    assert "Tiwizi Argan" in news["messages"][0]["text"]

    # A second use of the link shows where the draft stands; nothing is sent twice.
    again = await open_link(client, ref_of(link))
    assert again.keys == ["owner_link_used", "ask_language"]
    assert "en vérification" in again.last[0]["text"]
    assert (await again.client.post(f"/api/chat/sessions/{again.session}/messages",
                                    json={"payload": "yes"})).status == 200
    assert len(await submissions_of(db)) == 1
    # Fadma's own chat still holds her draft, and says where it is.
    assert await fadma.say("oui") == ["already_submitted"]
    assert len(await submissions_of(db)) == 1
    # The draft is no longer waiting: gone from the agent's waiting list.
    queue = await (await desk.get("/admin/submissions")).text()
    assert 'id="waiting-owner"' not in queue and "Tiwizi Argan" in queue


async def test_expired_forged_and_foreign_links_are_answered_kindly(client, db, settings):
    _, samira = await linked_agent(client, db)
    await fill_in_for_fadma(samira)
    assert await samira.press("submit") == ["assist_owner_link"]
    ref = ref_of(samira.last[0]["link"])
    async with db.transaction() as session:
        (draft,) = (await session.execute(select(Conversation).where(
            Conversation.agent_id.is_not(None)))).scalars().all()
        stranger = Conversation(channel="web", user_ref="someone-else-0001", step="review",
                                state={"step": "review"})
        session.add(stranger)
        await session.flush()
        stranger_id = stranger.id

    week_ago = (utcnow() - timedelta(days=links.OWNER_LINK_DAYS, minutes=1)).timestamp()
    expired = "own-" + links.owner_token(settings, draft.id, week_ago)
    cid, exp, sig = ref.removeprefix("own-").split("-")
    forged_sig = f"own-{cid}-{exp}-{sig[:-1]}{'0' if sig[-1] != '0' else '1'}"
    other_draft = f"own-{int(cid, 36) + 1:x}-{exp}-{sig}"  # another id, the same signature
    not_an_agents = "own-" + links.owner_token(settings, stranger_id, utcnow().timestamp())
    for bad, key in ((expired, "owner_link_expired"), (forged_sig, "owner_link_invalid"),
                     (other_draft, "owner_link_invalid"), (not_an_agents, "owner_link_invalid"),
                     ("own-garbage", "owner_link_invalid")):
        opened = await open_link(client, bad)
        assert opened.keys == [key, "ask_language"], (bad, opened.keys)
        assert "Tiwizi" not in " ".join(m["text"] for m in opened.last)
    # Nothing moved: the draft still waits where it was; the QR code of a bad link is 404.
    async with db.transaction() as session:
        still = await session.get(Conversation, draft.id)
        assert (still.channel, still.user_ref, still.step) == (
            "whatsapp", "whatsapp:+212612345678", "owner_confirm")
    assert (await client.get(f"/agents/confirm/{expired[4:]}.png")).status == 404
    assert (await client.get(f"/agents/confirm/{forged_sig[4:]}.png")).status == 404
    # The genuine link still opens it.
    assert (await open_link(client, ref)).keys == ["consent_terms", "owner_confirm"]


async def test_the_owner_can_ask_to_change_something_before_agreeing(client, db):
    _, samira = await linked_agent(client, db)
    await fill_in_for_fadma(samira)
    await samira.press("submit")
    link = samira.last[0]["link"]
    fadma = await open_link(client, ref_of(link))
    assert await fadma.press("change") == ["review_summary"]
    assert await fadma.press("edit:owner_name") == ["ask_owner_name"]
    assert (await fadma.say("Fadma Aït Lahcen"))[-1] == "review_changed"
    # asked to agree to it as it is
    assert await fadma.press("submit") == ["consent_terms", "owner_confirm"]
    assert await fadma.press("yes") == ["submitted"]
    ((_, business),) = await submissions_of(db)
    assert business.owner_name == "Fadma Aït Lahcen"


async def test_reopening_the_link_before_agreeing_moves_the_draft_to_the_newest_chat(
        client, db):
    _, samira = await linked_agent(client, db)
    await fill_in_for_fadma(samira)
    await samira.press("submit")
    ref = ref_of(samira.last[0]["link"])
    first = await open_link(client, ref)
    second = await open_link(client, ref)  # another phone, or the page lost
    assert second.keys == ["consent_terms", "owner_confirm"]
    gone = await client.post(f"/api/chat/sessions/{first.session}/messages",
                             json={"payload": "yes"})
    assert gone.status == 404  # the page starts afresh; the draft is not sent from there
    assert await submissions_of(db) == []
    assert await second.press("yes") == ["submitted"]
    assert len(await submissions_of(db)) == 1


async def test_with_whatsapp_the_owner_gets_it_there_and_the_link_is_one_choice_away(
        wa):  # noqa: F811
    _, samira = await agent_fills_in_a_draft(wa)  # "sent to the owner ✅": by WhatsApp, as before
    async with wa.db.transaction() as session:
        (draft,) = (await session.execute(select(Conversation).where(
            Conversation.agent_id.is_not(None)))).scalars().all()
    assert draft.step == "owner_confirm"
    assert "1. " in samira.last_body  # "sent" offers the link and QR at once
    assert await samira.say("1") == ["assist_owner_link_also"]
    assert await samira.say("menu") == ["agent_menu"]
    assert await samira.say("2") == ["agent_list"]
    assert await samira.say("1") == ["agent_opened", "assist_waiting_owner"]
    assert "3. " in samira.last_body  # link and QR, change, resend: numbered as before
    assert await samira.say("1") == ["assist_owner_link_also"]
    link = re.search(r"https://\S+/chat\?ref=(own-[a-z0-9-]+)", samira.last_body)
    assert link, samira.last_body
    # The link opens the same draft, for an owner whom WhatsApp does not reach after all.
    opened, notice = await wa.client.app[turns_key].open_owner_link(
        link.group(1), "web", "fadma-s-phone-0001")
    assert notice is None and [r.key for r in opened.replies] == ["consent_terms", "owner_confirm"]
    assert opened.conversation_id == draft.id
