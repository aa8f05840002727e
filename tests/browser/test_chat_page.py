"""An owner onboards through the web chat page on a phone-sized screen, in each locale."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from bot.app import create_app
from bot.keys import receiver_key
from tests.browser.conftest import wait_until
from tests.helpers import photo_bytes

# (how the owner answers each question, in their own words)
ANSWERS = {
    "fr": ["Français", "Oui", "Atelier Zellige Fès", "Karim Bennani", "Fès", "Zellige",
           "Passer", "06 12 34 56 78", "Passer", "Zellige beldi", "PHOTO", "Terminé",
           "Carreaux émaillés taillés à la main", "300 DH le m2", "20 m2", "Non",
           "Tout passer"],
    "ar": ["العربية", "نعم", "تعاونية النور", "فاطمة العلوي", "مراكش", "زرابي",
           "تخطي", "0612345678", "تخطي", "زربية أمازيغية", "PHOTO", "انتهيت",
           "زربية من الصوف الطبيعي منسوجة يدويا", "1500 درهم للمتر المربع", "5 قطع", "لا",
           "تخطي الكل"],
    "ary-Arab": ["الدارجة", "واخا", "تعاونية الأمل", "خديجة بناني", "كازا", "أركان",
                 "دوز", "0661234567", "دوز", "زيت أركان", "PHOTO", "صافي ساليت",
                 "زيت أركان معصور بيد النسا ف التعاونية", "200 درهم للتر", "50 لتر", "لا",
                 "دوز كلشي"],
    "ary-Latn": ["الدارجة", "wakha", "Cooperative Tifawin", "Fatima Amrani", "agadir",
                 "Argan", "douz", "0661234567", "douz", "zit argan", "PHOTO", "safi salit",
                 "zit argan m3sora b lyed f ta3awniya dyalna", "150dh l litre", "20 litre",
                 "la", "Douz kolchi"],
}


async def last_key(page) -> str:
    return await page.locator("#messages .msg.bot").last.get_attribute("data-key")


async def wait_for_bot(page, count: int) -> None:
    await wait_until(page, "n => document.querySelectorAll('#messages .msg.bot').length > n",
                     count)
    await wait_until(page, "() => document.getElementById('typing').hidden")


@pytest.mark.parametrize("locale", sorted(ANSWERS))
async def test_onboarding_in_the_browser(locale, browser, aiohttp_server, settings, db,
                                         artifacts, tmp_path):
    server = await aiohttp_server(create_app(settings, db))
    context = await browser.new_context(viewport={"width": 360, "height": 740},
                                        locale="ar-MA" if "Arab" in locale or locale == "ar"
                                        else "fr-FR")
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    assert await last_key(page) == "ask_language"
    photo = tmp_path / "produit.jpg"
    photo.write_bytes(photo_bytes(7))

    for answer in ANSWERS[locale]:
        before = await page.locator("#messages .msg.bot").count()
        chip = page.locator("button.choice:not([disabled])", has_text=answer)
        if answer == "PHOTO":
            await page.set_input_files("#photo", str(photo))
        elif await chip.count():
            await chip.first.click()
        else:
            await page.fill("#text", answer)
            await page.press("#text", "Enter")
        await wait_for_bot(page, before)

    assert await last_key(page) == "review_summary"
    direction = await page.evaluate("document.documentElement.dir")
    assert direction == ("rtl" if locale in ("ar", "ary-Arab") else "ltr")
    await page.screenshot(path=str(artifacts / f"chat-review-{locale}.png"), full_page=True)

    before = await page.locator("#messages .msg.bot").count()
    await page.locator("button.choice[data-payload=submit]").click()
    await wait_for_bot(page, before)
    assert await last_key(page) == "submitted"

    # Coming back later (page reload) resumes where the owner was, in their language.
    await page.reload()
    await page.wait_for_selector("#messages .msg.bot")
    assert await last_key(page) == "already_submitted"
    await context.close()


async def test_owner_text_is_shown_as_text_never_as_html(browser, aiohttp_server, settings, db):
    server = await aiohttp_server(create_app(settings, db))
    page = await browser.new_page()
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    await page.locator("button.choice[data-payload='lang:fr']").click()
    await page.wait_for_selector(".msg.bot[data-key=ask_consent]")
    await page.locator("button.choice[data-payload=yes]").click()
    await page.wait_for_selector(".msg.bot[data-key=ask_business_name]")
    await page.fill("#text", "<img src=x onerror=\"document.title='pwned'\"> Atlas")
    await page.press("#text", "Enter")
    await page.wait_for_selector(".msg.bot[data-key=ask_owner_name]")
    assert await page.title() != "pwned"
    assert await page.locator("#messages img[src=x]").count() == 0
    assert "<img" in await page.locator(".msg.user").last.inner_text()


async def test_a_message_with_an_image_shows_it_and_a_tap_opens_it(browser, aiohttp_server,
                                                                   settings, db, artifacts):
    from dataclasses import replace

    from bot.keys import turns_key
    from storage import agents

    async with db.transaction() as session:
        agent = await agents.create_agent(session, "Samira")
        code = await agents.referral_code(session, agent.id)
    server = await aiohttp_server(create_app(settings, db))
    image = str(server.make_url(f"/agents/qr/{code}.png"))
    turns = server.app[turns_key]
    handle = turns.handle

    async def with_image(msg, **kwargs):  # the first answer carries an agent's QR code
        result = await handle(msg, **kwargs)
        if msg.is_start:
            first = replace(result.replies[0], image=image)
            result = replace(result, replies=(first, *result.replies[1:]))
        return result

    turns.handle = with_image
    context = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    shot = page.locator("#messages .msg.bot a.shot img")
    await shot.wait_for()
    await wait_until(page, "() => document.querySelector('.msg.bot a.shot img').naturalWidth > 100")
    bubble = page.locator("#messages .msg.bot").first
    assert await shot.get_attribute("alt") == (await bubble.inner_text()).strip()
    assert await page.locator("a.shot").get_attribute("href") == image
    box, frame = await shot.bounding_box(), await bubble.bounding_box()
    assert box["width"] > 100 and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
    text_bottom = await page.evaluate("""() => {
        const li = document.querySelector('.msg.bot');
        const range = document.createRange();
        range.selectNodeContents(li.firstChild);
        return range.getBoundingClientRect().bottom; }""")
    assert box["y"] >= text_bottom  # under the text
    await page.screenshot(path=str(artifacts / "chat-image.png"), full_page=True)
    async with context.expect_page() as opened:
        await shot.click()
    full = await opened.value
    assert full.url == image
    await context.close()


async def test_news_reaches_an_open_page_and_the_question_keeps_its_buttons(
        browser, aiohttp_server, settings, db):
    from bot.i18n import Rendered
    from storage import conversations, outbox

    server = await aiohttp_server(create_app(settings, db))
    context = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    assert await last_key(page) == "ask_language"
    session_id = await page.evaluate("localStorage.getItem('tijara.chat.session')")
    async with db.transaction() as session:  # news for this owner, as a decision would be
        conv = await conversations.find(session, "web", session_id)
        news = Rendered("decision_approved", "Bonne nouvelle : votre dossier est validé.", (),
                        "none")
        await outbox.enqueue(session, "send", "test:news", {
            "conversation_id": conv.id, "channel": "web", "user_ref": session_id,
            "locale": "fr", "replies": [news.as_json()]},
            status=outbox.INBOX, conversation_id=conv.id)
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    await page.wait_for_selector("#messages .msg.bot[data-key=decision_approved]",
                                 timeout=10_000)
    assert await page.locator("#typing").is_hidden()  # looking for news is not "typing…"
    # The language question's buttons still work under the news.
    await page.locator("button.choice:not([disabled])", has_text="Français").click()
    await wait_for_bot(page, 2)
    assert await last_key(page) == "ask_consent"
    await context.close()


async def test_while_the_database_is_away_the_page_sends_the_same_message_again(
        browser, aiohttp_server, settings, db):
    server = await aiohttp_server(create_app(settings, db))
    receiver = server.app[receiver_key]
    converse, failures = receiver.converse, []

    async def away_once(msg, **kwargs):  # the database drops out for one request
        if msg.payload == "lang:fr" and not failures:
            failures.append(msg.external_id)
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("down"))
        return await converse(msg, **kwargs)

    receiver.converse = away_once
    page = await browser.new_page()
    sent: list[dict] = []
    page.on("request", lambda r: sent.append(r.post_data_json)
            if r.url.endswith("/messages") else None)
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    await page.locator("button.choice[data-payload='lang:fr']").click()
    await page.wait_for_selector(".msg.bot[data-key=ask_consent]", timeout=15_000)
    assert [b["payload"] for b in sent] == ["lang:fr", "lang:fr"]  # sent again, by itself
    assert sent[0]["id"] == sent[1]["id"] and len(sent[0]["id"]) >= 8
    assert await page.locator(".msg.system").count() == 0  # the note went with the answer
    await page.close()


async def test_new_conversation_asks_first_and_is_not_offered_in_an_agents_console(
        browser, aiohttp_server, settings, db):
    from storage import agents

    server = await aiohttp_server(create_app(settings, db))
    context = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    before = await page.locator("#messages .msg.bot").count()
    await page.fill("#text", "Bonjour, je voudrais inscrire mon atelier de zellige")
    await page.press("#text", "Enter")
    await wait_for_bot(page, before)
    assert await last_key(page) == "ask_consent"  # the welcome is not asked again

    # One tap only asks; cancelling keeps the conversation on the page.
    await page.click("#restart")
    assert await page.is_visible("#restart-confirm")
    shown = await page.locator("#messages .msg").count()
    await page.click("#restart-no")
    assert not await page.is_visible("#restart-confirm")
    assert await page.locator("#messages .msg").count() == shown
    # Confirmed, it starts afresh.
    await page.click("#restart")
    await page.click("#restart-yes")
    await wait_until(page, "() => document.querySelectorAll('#messages .msg').length === 1"
                           " && document.querySelector('#messages .msg.bot') !== null")
    assert await last_key(page) == "ask_language"

    # An agent's console: the button is not there at all.
    async with db.transaction() as session:
        agent = await agents.create_agent(session, "Samira")
        invite = await agents.issue_code(session, agent.id, "invite")
    console = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    agent_page = await console.new_page()
    await agent_page.goto(str(server.make_url(f"/chat?ref=agent-{invite}")))
    await agent_page.wait_for_selector("#messages .msg.bot")
    await wait_until(agent_page, "() => document.getElementById('restart').hidden")
    assert not await agent_page.is_visible("#restart")
    await console.close()
    await context.close()
