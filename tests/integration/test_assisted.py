"""A field agent in chat: onboarding an owner who confirms on their own phone, the list of
their businesses, resuming one, and their referral link with its QR code."""

from __future__ import annotations

import asyncio
import io

import sqlalchemy as sa
from PIL import Image
from sqlmodel import select
from yarl import URL

from storage import agents
from storage.models import Business, Conversation, Inbound, Outbox, Submission
from tests.helpers import Owner, photo_bytes
from tests.integration.test_whatsapp import Owner as WhatsAppUser
from tests.integration.test_whatsapp import wa  # noqa: F401 - the fixture

OWNER_PHONE = "+212612345678"


async def make_agent(db, name="Samira"):
    async with db.transaction() as session:
        agent = await agents.create_agent(session, name)
        invite = await agents.issue_code(session, agent.id, "invite")
    return agent, invite


async def two_agents(client, db) -> tuple:
    """Samira and Karim, each with their web chat linked; (Samira's account, chats)."""
    first, first_invite = await make_agent(db, "Samira")
    _, second_invite = await make_agent(db, "Karim")
    samira, karim = Owner(client), Owner(client)
    for agent_chat, invite in ((samira, first_invite), (karim, second_invite)):
        await agent_chat.start("fr")
        await agent_chat.say(f"agent-{invite}")
    return first, samira, karim


async def submissions_of(db) -> list[tuple[Submission, Business]]:
    async with db.transaction() as session:
        return [tuple(r) for r in (await session.execute(
            select(Submission, Business).join(Business))).all()]


async def agent_fills_in_a_draft(wa) -> tuple:  # noqa: F811
    """Samira, a field agent on WhatsApp, answers every question for Fadma (06 12 34 56 78)
    and sends the draft; returns (agent, Samira)."""
    agent, invite = await make_agent(wa.db)
    samira = WhatsAppUser(wa, wa_id="212661000111", profile="Samira")
    assert await samira.say(f"agent-{invite}") == ["notice_agent_linked", "agent_menu"]
    assert "1. " in samira.last_body  # the menu is numbered on WhatsApp
    assert await samira.say("1") == ["agent_ask_phone"]
    assert await samira.say("0612345678") == ["agent_opened_new", "assist_ask_language"]
    assert await samira.say("1") == ["ask_business_name"]  # Darija; no consent asked of her
    assert await samira.say("Tiwizi Argan") == ["ask_owner_name"]
    assert await samira.say("Fadma Ait Lahcen") == ["ask_city"]
    assert await samira.say("Tiznit") == ["ask_sector"]
    assert await samira.say("argan") == ["ask_ice"]
    assert await samira.say("1") == ["ask_email"]  # skipped; the phone is the owner's number
    assert await samira.say("1") == ["ask_product_name"]
    assert await samira.say("زيت أركان") == ["ask_photos"]
    url = wa.fake.add_media("argan", photo_bytes(3))
    assert await samira.photos(url) == ["photo_received"]
    assert await samira.say("1") == ["ask_description"]
    assert await samira.say("زيت أركان معصورة باليد من تيزنيت") == ["ask_price"]
    assert await samira.say("200 درهم للتر") == ["ask_moq"]
    assert await samira.say("20 لتر") == ["readiness_tip", "ask_more_products"]
    assert await samira.say("2") == ["ask_buyer_questions"]
    assert await samira.say("2") == ["review_summary"]  # the buyers' questions skipped
    assert await samira.say("1") == ["assist_sent"]
    return agent, samira


async def test_an_agent_onboards_an_owner_who_confirms_on_their_own_phone(wa):  # noqa: F811
    wa.channel.settings = wa.channel.settings.model_copy(update={
        "twilio_content_sids": {"notice:ary-Arab": "HX" + "a" * 32}})
    agent, samira = await agent_fills_in_a_draft(wa)
    assert "+212612345678" in samira.last_body
    assert await submissions_of(wa.db) == []  # nothing reaches the review before the owner

    # The owner's own phone gets the whole draft (an approved template: they never wrote).
    async with wa.db.transaction() as session:
        key = (await session.execute(select(Outbox.dedupe_key).where(
            Outbox.dedupe_key.like("confirm:%")))).scalar_one()
    assert (await wa.finished(key)).status == "done"
    owner_address = f"whatsapp:{OWNER_PHONE}"
    (to_owner,) = [m for m in wa.fake.messages if m.to == owner_address]
    assert to_owner.form["ContentSid"] == ["HX" + "a" * 32]
    assert "Tiwizi Argan" in to_owner.form["ContentVariables"][0]

    fadma = WhatsAppUser(wa, wa_id="212612345678", profile="Fadma")
    assert await fadma.say("إيه") == ["submitted"]
    ((submission, business),) = await submissions_of(wa.db)
    assert submission.status == "submitted"
    assert (business.name, business.phone, business.agent_id) == (
        "Tiwizi Argan", OWNER_PHONE, agent.id)
    assert business.consent_at is not None and business.channel == "whatsapp"
    # Samira hears it in her chat.
    async with wa.db.transaction() as session:
        told = (await session.execute(select(Outbox.dedupe_key).where(
            Outbox.dedupe_key.like("agent:%")))).scalar_one()
    row = await wa.finished(told)
    assert row.status == "done" and row.payload["user_ref"] == samira.address
    assert row.payload["replies"][0]["key"] == "agent_owner_confirmed"
    assert "Tiwizi Argan" in wa.fake.bodies(samira.address)[-1]

    # Samira's list shows it; the status follows the review.
    assert await samira.say("menu") == ["agent_menu"]
    assert await samira.say("2") == ["agent_list"]
    assert "Tiwizi Argan" in samira.last_body


async def test_an_agent_lists_resumes_and_shares_their_link_from_the_web_chat(client, db):
    agent, invite = await make_agent(db)
    samira = Owner(client)
    await samira.start("fr")
    assert await samira.say(f"agent-{invite}") == ["notice_agent_linked", "agent_menu"]
    assert samira.locale == "fr"
    assert await samira.press("agent:list") == ["agent_list_empty", "agent_menu"]
    assert await samira.press("agent:new") == ["agent_ask_phone"]
    assert await samira.say("07 00 11 22 33") == ["agent_opened_new", "assist_ask_language"]
    assert await samira.press("lang:fr") == ["ask_business_name"]
    assert await samira.say("Zellige Naciri") == ["ask_owner_name"]
    assert await samira.say("menu") == ["agent_menu"]  # leaves the draft where it is

    assert await samira.press("agent:list") == ["agent_list"]
    assert "Zellige Naciri — en cours" in samira.question["text"]
    opened = samira.question["buttons"][0]["payload"]
    assert opened.startswith("agent:open:")
    assert await samira.say("1") == ["agent_opened", "ask_owner_name"]  # resumed where it was
    assert await samira.say("Youssef Naciri") == ["ask_city"]

    # Coming back to the page shows the owner's question again, not the menu.
    response = await client.get(f"/api/chat/sessions/{samira.session}")
    assert [m["key"] for m in (await response.json())["messages"]] == ["ask_city"]

    assert await samira.say("menu") == ["agent_menu"]
    assert await samira.press("agent:link") == ["agent_referral", "agent_menu"]
    referral = samira.last[0]
    assert "ref-" in referral["text"]
    image = await client.get(URL(referral["image"]).path)
    assert image.status == 200 and image.content_type == "image/png"
    assert Image.open(io.BytesIO(await image.read())).size[0] > 100
    async with db.transaction() as session:
        code = await agents.referral_code(session, agent.id)  # the same lasting code
    assert f"ref-{code}" in referral["text"]


async def test_an_agent_cannot_open_someone_elses_conversation_by_its_number(client, db):
    first, samira, karim = await two_agents(client, db)
    await samira.press("agent:new")
    assert await samira.say("0612345678") == ["agent_opened_new", "assist_ask_language"]
    await samira.press("lang:fr")
    await samira.say("Atlas Cuir")

    await karim.press("agent:new")
    assert await karim.say("+212 6 12 34 56 78") == ["agent_phone_taken", "agent_menu"]
    assert "Atlas" not in " ".join(m["text"] for m in karim.last)
    # Nor with a forged button naming Samira's business.
    async with db.transaction() as session:
        target = (await session.execute(select(Conversation.id).where(
            Conversation.agent_id == first.id))).scalar_one()
    assert await karim.press(f"agent:open:{target}") == ["stale_button", "agent_menu"]
    assert await karim.say("Cuir volé") == ["invalid_choice"]
    async with db.transaction() as session:
        state = (await session.execute(sa.select(Conversation.state).where(
            Conversation.id == target))).scalar_one()
    assert state["draft"]["business_name"] == "Atlas Cuir"
    assert state["draft"]["owner_name"] is None


async def test_an_owner_already_talking_to_tijara_is_not_taken_over(client, db):
    _, invite = await make_agent(db)
    samira = Owner(client)
    await samira.start("fr")
    await samira.say(f"agent-{invite}")
    async with db.transaction() as session:  # the owner began alone on WhatsApp
        session.add(Conversation(channel="whatsapp", user_ref=f"whatsapp:{OWNER_PHONE}",
                                 step="business_name", state={"step": "business_name"}))
    await samira.press("agent:new")
    assert await samira.say("0612345678") == ["agent_phone_taken", "agent_menu"]


async def test_without_a_template_the_draft_waits_until_the_owner_writes(wa):  # noqa: F811
    await agent_fills_in_a_draft(wa)
    async with wa.db.transaction() as session:
        key = (await session.execute(select(Outbox.dedupe_key).where(
            Outbox.dedupe_key.like("confirm:%")))).scalar_one()
    for _ in range(200):  # WhatsApp allows no first message without a template: held
        if (await wa.row(key)).status == "held":
            break
        await asyncio.sleep(0.03)
    assert (await wa.row(key)).status == "held"
    fadma = WhatsAppUser(wa, wa_id="212612345678", profile="Fadma")
    # As Samira asked her, she greets Tijara: the draft that waited is the whole answer.
    greeting = fadma.params(Body="السلام")
    await fadma.post(greeting)
    for _ in range(300):
        if (await wa.row(key)).status == "done":
            break
        await asyncio.sleep(0.03)
    assert (await wa.row(key)).status == "done"
    for _ in range(100):  # the turn is processed; nothing more is sent
        async with wa.db.transaction() as session:
            inbound = (await session.execute(select(Inbound).where(
                Inbound.external_id == greeting["MessageSid"]))).scalar_one()
        if inbound.processed_at:
            break
        await asyncio.sleep(0.03)
    assert await wa.row(f"reply:{inbound.id}") is None
    bodies = wa.fake.bodies(fadma.address)
    assert len(bodies) == 1 and "Tiwizi Argan" in bodies[0]
    assert await submissions_of(wa.db) == []
    assert await fadma.say("1") == ["submitted"]
    assert len(await submissions_of(wa.db)) == 1


async def test_a_message_the_channel_cannot_read_keeps_the_agent_in_the_owners_draft(
        wa):  # noqa: F811
    _, invite = await make_agent(wa.db)
    samira = WhatsAppUser(wa, wa_id="212661000111", profile="Samira")
    await samira.say(f"agent-{invite}")
    await samira.say("1")
    await samira.say("0612345678")
    assert await samira.say("2") == ["ask_business_name"]
    # A contact card: WhatsApp sends no text and no media we read. (A location pin is read
    # now: tests/integration/test_places.py.)
    assert await samira.send(MessageType="contacts", NumMedia="1",
                             MediaUrl0="https://api.twilio.com/card.vcf",
                             MediaContentType0="text/vcard") == [
        "notice_unsupported", "ask_business_name"]
    assert await samira.say("Tiwizi Argan") == ["ask_owner_name"]


async def test_agent_and_owner_never_answer_the_same_draft_at_once(wa):  # noqa: F811
    _, invite = await make_agent(wa.db)
    samira = WhatsAppUser(wa, wa_id="212661000111", profile="Samira")
    await samira.say(f"agent-{invite}")
    await samira.say("1")
    await samira.say("0700000002")
    await samira.say("2")  # French
    assert await samira.say("Poterie Safi") == ["ask_owner_name"]
    rachid = WhatsAppUser(wa, wa_id="212700000002", profile="Rachid")
    # Rachid writes while Samira is filling it in: asked to wait; nothing is taken as an answer.
    assert await rachid.say("salam chkoun nta?") == ["owner_agent_busy"]
    assert await samira.say("Rachid Alaoui") == ["ask_city"]
    # Samira hands over ("menu"); Rachid's first message is greeted, not stored as the city.
    assert await samira.say("menu") == ["agent_menu"]
    assert await rachid.say("salam") == ["owner_joined", "ask_city"]
    assert await rachid.say("Safi") == ["ask_sector"]
    # Now Rachid is answering: Samira is kept out for a while.
    assert await samira.say("2") == ["agent_list"]
    assert await samira.say("1") == ["assist_owner_busy", "agent_menu"]
    draft = await wa.conversation("whatsapp:+212700000002")
    assert draft.state["draft"]["city_id"] == "safi"
    assert draft.state["draft"]["owner_name"] == "Rachid Alaoui"


async def test_a_draft_nobody_came_back_to_for_a_week_can_be_started_by_another_agent(
        client, db):
    _, samira, karim = await two_agents(client, db)
    await samira.press("agent:new")
    await samira.say("0612345678")  # a number typed wrong, say
    await samira.press("lang:fr")
    await samira.say("Atlas Cuir")
    await samira.say("menu")
    await karim.press("agent:new")
    assert await karim.say("0612345678") == ["agent_phone_taken", "agent_menu"]
    async with db.transaction() as session:  # a week goes by
        await session.execute(sa.update(Conversation).where(
            Conversation.user_ref == f"whatsapp:{OWNER_PHONE}").values(
            updated_at=sa.func.now() - sa.text("interval '8 days'")
            if session.bind.dialect.name == "postgresql" else
            sa.func.datetime("now", "-8 days")))
    await karim.press("agent:new")
    assert await karim.say("0612345678") == ["agent_opened_new", "assist_ask_language"]
    await karim.press("lang:fr")
    assert await karim.say("Tanneries Chouara") == ["ask_owner_name"]
    draft = (await (await client.get(f"/api/chat/sessions/{samira.session}")).json())
    assert draft["messages"][-1]["key"] == "agent_menu"
    assert await samira.press("agent:list") == ["agent_list_empty", "agent_menu"]
