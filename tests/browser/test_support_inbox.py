"""The support inbox in Chromium: an owner asks for a person from the web chat, staff
answer from /admin (at 1366 px, and the pages fit 360 px), the owner's open page shows the
answer, staff close, and the bot answers again where it was. No axe-core violation."""

from __future__ import annotations

from bot.app import create_app
from tests.browser.conftest import wait_until
from tests.browser.test_admin_pages import EMAIL, log_in
from tests.browser.test_chat_accessibility import answer, assert_no_axe_violation
from tests.integration.test_admin import add_user


async def said_nothing(page, text: str) -> None:
    """Send words the bot must not answer (a person is on): the owner's bubble appears,
    the typing dots go, and no new bot message comes."""
    bots = await page.locator("#messages .msg.bot").count()
    mine = await page.locator("#messages .msg.user").count()
    await page.fill("#text", text)
    await page.press("#text", "Enter")
    await wait_until(page, "n => document.querySelectorAll('#messages .msg.user').length > n",
                     mine)
    await wait_until(page, "() => document.getElementById('typing').hidden")
    assert await page.locator("#messages .msg.bot").count() == bots


async def news(page, key: str) -> None:
    """The page asks for what waits for it (as it does every 20 s and when shown)."""
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    await page.wait_for_selector(f"#messages .msg.bot[data-key={key}]", timeout=10_000)


async def fits(page, width: int) -> None:
    assert await page.evaluate("document.documentElement.scrollWidth") <= width


async def test_a_person_answers_from_the_inbox(browser, aiohttp_server, settings, db,
                                               artifacts):
    server = await aiohttp_server(create_app(settings, db))
    base = str(server.make_url("")).rstrip("/")
    await add_user(db, EMAIL, name="Amina Berrada")

    phone = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    chat = await phone.new_page()
    await chat.goto(f"{base}/chat")
    await chat.wait_for_selector("#messages .msg.bot")
    assert await answer(chat, payload="lang:fr") == "ask_consent"
    assert await answer(chat, "oui") == "ask_business_name"
    assert await answer(chat, "Atlas Argan") == "ask_owner_name"
    assert await answer(chat, "parler à quelqu'un") == "support_opened"
    await said_nothing(chat, "Quel prix dois-je mettre pour 250 ml ?")

    laptop = await browser.new_context(viewport={"width": 1366, "height": 800}, locale="fr-FR")
    desk = await laptop.new_page()
    errors: list[str] = []
    desk.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    await log_in(desk, base)
    await desk.click("nav.nav a[href='/admin/support']")
    await desk.wait_for_url("**/admin/support")
    tab = desk.locator("#support-tabs a[data-list=waiting] .count")
    assert await tab.inner_text() == "1"
    await assert_no_axe_violation(desk)
    await fits(desk, 1366)
    await desk.click("#support-list a.biz-name")
    await desk.wait_for_selector("#transcript")
    assert "Quel prix dois-je mettre pour 250 ml ?" in await desk.inner_text("#transcript")
    await assert_no_axe_violation(desk)
    await fits(desk, 1366)
    await desk.screenshot(path=str(artifacts / "admin-support-request.png"), full_page=True)
    await desk.fill("#answer-text", "Bonjour, c'est Amina : comptez 90 DH les 250 ml.")
    await desk.click("#answer-send")
    notice = await desk.wait_for_selector("#support-notice")
    assert await notice.get_attribute("data-notice") == "support_sent_web"
    assert await desk.locator(".msg-staff").count() == 1

    await news(chat, "support_answer")
    shown = await chat.locator("#messages .msg.bot[data-key=support_answer]").inner_text()
    assert "comptez 90 DH les 250 ml." in shown and "Amina" in shown

    await desk.click("#close-request")
    notice = await desk.wait_for_selector("#support-notice")
    assert await notice.get_attribute("data-notice") == "support_closed_done"
    assert await desk.locator("#support-closed-note").count() == 1

    await news(chat, "support_closed")
    await wait_until(chat, "() => document.querySelector('#messages .msg.bot:last-of-type')"
                           "?.dataset.key === 'ask_owner_name'")
    assert await answer(chat, "Hassan Ouali") == "ask_city"  # the bot again, nothing lost
    assert not errors, errors

    # The same pages on a phone: nothing sticks out sideways.
    small = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR",
                                      is_mobile=True, has_touch=True)
    page = await small.new_page()
    await log_in(page, base)
    await page.goto(f"{base}/admin/support?list=closed")
    await fits(page, 360)
    await page.click("#support-list a.biz-name")
    await page.wait_for_selector("#transcript")
    await fits(page, 360)
    await page.screenshot(path=str(artifacts / "admin-support-phone.png"), full_page=True)
    for context in (phone, laptop, small):
        await context.close()
