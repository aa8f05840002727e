"""The chat page in Arabic on a phone: numbers the right way round, and no axe-core violation.

axe-core (tests/browser/axe.min.js, the `axe-core` npm package 4.14.1, MPL-2.0: see
axe.LICENSE) is evaluated through the debugging protocol: the page's
Content-Security-Policy forbids inline scripts, and a test must not loosen it.
"""

from __future__ import annotations

from pathlib import Path

from bot.app import create_app
from tests.browser.conftest import wait_until
from tests.helpers import photo_bytes

AXE = Path(__file__).with_name("axe.min.js")


async def assert_no_axe_violation(page) -> None:
    violations = await axe_violations(page)
    assert violations == [], violations


async def axe_violations(page) -> list[dict]:
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.evaluate(AXE.read_text(encoding="utf-8"))
    return await page.evaluate("""() => axe.run(document, {resultTypes: ['violations']})
        .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
                                           nodes: v.nodes.map(n => n.target.join(' '))})))""")


async def answer(page, text: str | None = None, *, payload: str | None = None,
                 photo: Path | None = None) -> str:
    """Answer the open question; the key of the bot's newest message once it has replied."""
    before = await page.locator("#messages .msg.bot").count()
    if payload:
        await page.locator(f"button.choice[data-payload='{payload}']:not([disabled])").click()
    elif photo:
        await page.set_input_files("#photo", str(photo))
    else:
        await page.fill("#text", text or "")
        await page.press("#text", "Enter")
    await wait_until(page, "n => document.querySelectorAll('#messages .msg.bot').length > n",
                     before)
    await wait_until(page, "() => document.getElementById('typing').hidden")
    return await page.locator("#messages .msg.bot").last.get_attribute("data-key")


async def test_the_chat_page_in_arabic_reads_right_and_has_no_axe_violation(
        browser, aiohttp_server, settings, db, artifacts, tmp_path):
    server = await aiohttp_server(create_app(settings, db))
    context = await browser.new_context(viewport={"width": 360, "height": 740}, locale="ar-MA")
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    await assert_no_axe_violation(page)  # the first page, with its choices

    await answer(page, payload="lang:ar")
    await answer(page, payload="yes")
    await answer(page, "تعاونية النور")
    await answer(page, "فاطمة العلوي")
    await answer(page, "مراكش")
    assert await answer(page, payload="sector:carpets") == "ask_ice"
    assert await answer(page, payload="skip") == "ask_phone"
    phone_question = await page.locator("#messages .msg.bot").last.inner_text()
    assert "0612345678" in phone_question  # an example as one group: no reversed pairs
    await answer(page, "0612345678")
    await answer(page, payload="skip")
    await answer(page, "زربية أمازيغية")
    photo = tmp_path / "zarbia.jpg"
    photo.write_bytes(photo_bytes(7))
    assert await answer(page, photo=photo) in ("photo_received", "photo_advice")
    texts = await page.locator("#messages .msg.bot").all_inner_texts()
    counter = next(t for t in texts if "من 8" in t)
    assert "1 من 8" in counter and "/" not in counter  # "1 of 8", never "(8/1)"

    assert await page.evaluate("document.documentElement.dir") == "rtl"
    await page.screenshot(path=str(artifacts / "chat-arabic-numbers.png"), full_page=True)
    await assert_no_axe_violation(page)  # messages both ways, a photo, choices
    await context.close()


async def test_the_french_header_and_placeholder_fit_a_phone(browser, aiohttp_server, settings,
                                                              db, artifacts):
    server = await aiohttp_server(create_app(settings, db))
    context = await browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    await answer(page, payload="lang:fr")
    assert await page.locator("#title").inner_text() == "Tijara — inscription"
    clipped = await page.evaluate("""() => [document.getElementById('title'),
                                           document.getElementById('text')]
        .map(el => el.scrollWidth > el.clientWidth)""")
    assert clipped == [False, False]
    placeholder = await page.evaluate("""() => {
        const box = document.getElementById('text'), style = getComputedStyle(box);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `${style.fontSize} ${style.fontFamily}`;
        const room = box.clientWidth - parseFloat(style.paddingLeft)
                     - parseFloat(style.paddingRight);
        return {width: ctx.measureText(box.placeholder).width, room};
    }""")
    assert placeholder["width"] <= placeholder["room"], placeholder
    await page.screenshot(path=str(artifacts / "chat-header-fr.png"))
    await assert_no_axe_violation(page)
    await context.close()
