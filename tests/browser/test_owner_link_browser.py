"""In Chromium: an owner opens the link their agent shows them and agrees on their phone;
the agent's chat and /admin list show the waiting draft with working copy buttons, on a
phone (360 px) and a laptop (1366 px), with no axe-core violation."""

from __future__ import annotations

from yarl import URL

from bot.app import create_app
from tests.browser.conftest import wait_until
from tests.browser.test_chat_accessibility import assert_no_axe_violation
from tests.integration.test_owner_link import (
    PASSWORD,
    fill_in_for_fadma,
    linked_agent,
    submissions_of,
)

STORE_KEY = "tijara.chat.session"  # where the chat page keeps its session (chat.js)
FITS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def draft_of(link: str) -> str:
    """The draft an owner's link names (each showing signs it afresh: own-<id>-<expiry>-<sig>)."""
    return URL(link).query["ref"].split("-")[1]


async def newest_bot_key(page) -> str:
    return await page.locator("#messages .msg.bot").last.get_attribute("data-key")


async def test_the_owner_opens_the_link_and_agrees_and_the_agent_sees_it_wait(
        browser, aiohttp_server, aiohttp_client, settings, db, artifacts):
    server = await aiohttp_server(create_app(settings, db))
    base = str(server.make_url("")).rstrip("/")
    api = await aiohttp_client(server)
    _, samira = await linked_agent(api, db)
    await fill_in_for_fadma(samira)
    assert await samira.press("submit") == ["assist_owner_link"]
    ref = URL(samira.last[0]["link"]).query["ref"]

    # The agent's own chat, on her phone: the link as buttons; "Copier" copies it.
    agent = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    await agent.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    await agent.add_init_script(
        f"window.localStorage.setItem({STORE_KEY!r}, {samira.session!r});")
    chat = await agent.new_page()
    await chat.goto(f"{base}/chat")
    await chat.wait_for_selector(".msg.bot[data-key=assist_owner_link] .link-actions")
    actions = chat.locator(".msg.bot[data-key=assist_owner_link] .link-actions").last
    opener = actions.locator("a.link-open")
    assert await opener.inner_text() == "Ouvrir"
    assert draft_of(await opener.get_attribute("href")) == draft_of(f"/chat?ref={ref}")
    await actions.locator("button.link-copy").click()
    await wait_until(chat, "() => document.querySelector('.link-status').textContent !== ''")
    assert await actions.locator(".link-status").inner_text() == "Lien copié"
    copied = await chat.evaluate("() => navigator.clipboard.readText()")
    assert copied == await opener.get_attribute("href")
    can_share = await chat.evaluate("() => typeof navigator.share === 'function'")
    assert await actions.locator("button.link-share").count() == int(can_share)
    assert await chat.evaluate(FITS)
    await assert_no_axe_violation(chat)
    await chat.screenshot(path=str(artifacts / "owner-link-agent-chat-360.png"), full_page=True)

    # Without the Clipboard API (an old phone, a page not in a secure context): still copied.
    old = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    await old.add_init_script(
        f"window.localStorage.setItem({STORE_KEY!r}, {samira.session!r});"
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});")
    legacy = await old.new_page()
    await legacy.goto(f"{base}/chat")
    await legacy.wait_for_selector(".msg.bot[data-key=assist_owner_link] .link-actions")
    await legacy.evaluate("""() => { window.__copied = null; document.addEventListener('copy',
        e => { window.__copied = document.getSelection().toString(); }); }""")
    await legacy.locator(".link-actions button.link-copy").last.click()
    await wait_until(legacy, "() => document.querySelector('.link-status').textContent !== ''")
    assert await legacy.locator(".link-status").last.inner_text() == "Lien copié"
    assert draft_of(await legacy.evaluate("() => window.__copied")) == draft_of(copied)
    await old.close()

    # Her /admin list, on a laptop and on her phone: the draft waits for its owner.
    desk = await browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    await desk.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    admin = await desk.new_page()
    await admin.goto(f"{base}/admin/submissions")
    await admin.fill("input[name=email]", "samira@partner.ma")
    await admin.fill("input[name=password]", PASSWORD)
    await admin.click("button[type=submit]")
    await admin.wait_for_url("**/admin/submissions")
    row = admin.locator("#waiting-owner li").first
    assert "Tiwizi Argan" in await row.inner_text()
    assert await row.locator(".badge").inner_text() == "Attend le propriétaire"
    await row.locator("button[data-copy]").click()
    await wait_until(admin, "() => document.querySelector('#waiting-owner .link-status')"
                            ".textContent !== ''")
    copied = await admin.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("http://testserver/chat?ref=own-")
    # "Partager" only where the browser can share (the Web Share API).
    can_share = await admin.evaluate("() => typeof navigator.share === 'function'")
    assert await row.locator("button[data-share]").is_visible() == can_share
    referral = admin.locator("#agent-referral")
    assert "ref-" in await referral.inner_text()
    assert await admin.evaluate(FITS)
    await assert_no_axe_violation(admin)
    await admin.screenshot(path=str(artifacts / "owner-link-admin-1366.png"), full_page=True)
    await admin.set_viewport_size({"width": 360, "height": 740})
    await wait_until(admin, FITS)
    box = await row.locator("button[data-copy]").bounding_box()
    assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    await admin.screenshot(path=str(artifacts / "owner-link-admin-360.png"), full_page=True)

    # Fadma, on her own phone, opens the link: the whole draft, in French; she agrees.
    owner = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    page = await owner.new_page()
    await page.goto(f"{base}/chat?ref={ref}")
    await page.wait_for_selector(".msg.bot[data-key=owner_confirm]")
    summary = await page.locator(".msg.bot[data-key=owner_confirm]").inner_text()
    assert "Tiwizi Argan" in summary and "Fadma Ait Lahcen" in summary
    assert "ref=" not in page.url  # used once: a reload resumes this chat
    assert await page.evaluate(FITS)
    await assert_no_axe_violation(page)
    await page.locator("button.choice[data-payload=yes]:not([disabled])").click()
    await page.wait_for_selector(".msg.bot[data-key=submitted]")
    ((submission, business),) = await submissions_of(db)
    assert submission.status == "submitted" and business.channel == "web"
    await page.screenshot(path=str(artifacts / "owner-link-owner-360.png"), full_page=True)
    await page.reload()
    await page.wait_for_selector("#messages .msg.bot")
    assert await newest_bot_key(page) != "owner_confirm"  # her chat, past the agreement
    assert len(await submissions_of(db)) == 1

    # Samira's waiting list is empty again; her business is under review.
    await admin.reload()
    assert await admin.locator("#waiting-owner").count() == 0
    assert "Tiwizi Argan" in await admin.locator("#queue").inner_text()
    for context in (agent, desk, owner):
        await context.close()
