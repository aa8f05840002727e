"""The web chat's "Share my location" button: Chromium's Geolocation API, with the
permission granted (or not) through Playwright's browser context."""

from __future__ import annotations

import json

from sqlmodel import select

from bot.app import create_app
from storage.models import Conversation, Inbound
from tests.browser.conftest import wait_until
from tests.browser.test_chat_page import last_key, wait_for_bot

VILLAGE = {"latitude": 29.6051, "longitude": -9.8012}  # a douar west of Tiznit


async def reach_nearest_town(page) -> None:
    await page.wait_for_selector("#messages .msg.bot")
    for answer in ("Français", "Oui", "Atlas Argan", "Fatima Amrani", "Douar Tizi"):
        before = await page.locator("#messages .msg.bot").count()
        chip = page.locator("button.choice:not([disabled])", has_text=answer)
        if await chip.count():
            await chip.first.click()
        else:
            await page.fill("#text", answer)
            await page.press("#text", "Enter")
        await wait_for_bot(page, before)
    assert await last_key(page) == "ask_nearest_town"


async def test_sharing_a_location_from_the_page_names_the_nearest_town(
        browser, aiohttp_server, settings, db, artifacts):
    server = await aiohttp_server(create_app(settings, db))
    origin = str(server.make_url("/")).rstrip("/")
    context = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR",
                                        geolocation=VILLAGE)
    await context.grant_permissions(["geolocation"], origin=origin)
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    await reach_nearest_town(page)

    share = page.locator("button.location-cta:not([disabled])")
    assert await share.inner_text() == "📍 Partager ma position"
    before = await page.locator("#messages .msg.bot").count()
    await share.click()
    await wait_for_bot(page, before)
    assert await last_key(page) == "place_confirm_village"
    text = await page.locator("#messages .msg.bot").last.inner_text()
    assert "Tiznit" in text and "Souss-Massa" in text
    await page.screenshot(path=str(artifacts / "chat-location.png"), full_page=True)

    before = await page.locator("#messages .msg.bot").count()
    await page.locator("button.choice:not([disabled])", has_text="Oui").click()
    await wait_for_bot(page, before)
    assert await last_key(page) == "ask_sector"
    async with db.transaction() as session:
        raws = [r.raw for r in (await session.execute(select(Inbound))).scalars()]
        (conv,) = (await session.execute(select(Conversation))).scalars()
    assert conv.state["draft"]["region"] == "souss-massa"
    kept = json.dumps([raws, conv.state])
    assert "29.60" not in kept and "9.80" not in kept  # the coordinates went nowhere
    await context.close()


async def test_a_refused_permission_leaves_typing_the_town(browser, aiohttp_server, settings,
                                                           db):
    server = await aiohttp_server(create_app(settings, db))
    context = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    page = await context.new_page()  # no permission granted: headless Chromium refuses
    await page.goto(str(server.make_url("/chat")))
    await reach_nearest_town(page)
    await page.locator("button.location-cta").click()
    await wait_until(page, "() => !!document.querySelector('#messages .msg.system')")
    note = await page.locator("#messages .msg.system").last.inner_text()
    assert "n'a pas été partagée" in note
    assert await page.locator("button.location-cta:not([disabled])").count() == 1
    before = await page.locator("#messages .msg.bot").count()
    await page.fill("#text", "Tiznit")
    await page.press("#text", "Enter")
    await wait_for_bot(page, before)
    assert await last_key(page) == "ask_sector"
    await context.close()
