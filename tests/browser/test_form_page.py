"""The web chat's form mode on a 360 px phone, in French and in Arabic script: open from the
chat, photos one at a time (one taken out again, after a second thought), an error shown at
its field, saved, back in the chat at the summary; typed edits kept when the owner goes to
another product's form."""

from __future__ import annotations

import pytest

from bot.app import create_app
from tests.browser.conftest import wait_until
from tests.browser.test_chat_accessibility import assert_no_axe_violation
from tests.helpers import photo_bytes

CASES = {
    "fr": {"lang": "lang:fr", "consent": "yes", "dir": "ltr", "values": {
        "business_name": "Atelier Zellige Fès", "owner_name": "Karim Bennani", "city": "Fès",
        "phone": "06 12 34 56 78", "product_name": "Zellige beldi",
        "description": "Carreaux émaillés taillés à la main", "price": "300 DH le m2",
        "moq": "20 m2"}, "sector": "sector:zellige", "save": "Enregistrer"},
    "ary-Arab": {"lang": "lang:ary", "consent": "yes", "dir": "rtl", "values": {
        "business_name": "تعاونية الأمل", "owner_name": "خديجة بناني", "city": "كازا",
        "phone": "0661234567", "product_name": "زيت أركان",
        "description": "زيت أركان معصور بيد النسا ف التعاونية", "price": "200 درهم للتر",
        "moq": "50 لتر"}, "sector": "sector:argan", "save": "سجلو"},
}


async def bot_count(page) -> int:
    return await page.locator("#messages .msg.bot").count()


@pytest.mark.parametrize("locale", sorted(CASES))
async def test_the_form_mode_in_the_browser(locale, browser, aiohttp_server, settings, db,
                                            artifacts, tmp_path):
    case = CASES[locale]
    server = await aiohttp_server(create_app(settings, db))
    context = await browser.new_context(viewport={"width": 360, "height": 740},
                                        locale="fr-FR" if locale == "fr" else "ar-MA")
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    assert await page.locator("#form-link").is_hidden()  # not before the consent
    for payload in (case["lang"], case["consent"]):
        before = await bot_count(page)
        await page.locator(f"button.choice[data-payload='{payload}']").click()
        await wait_until(page, "n => document.querySelectorAll('#messages .msg.bot').length > n",
                         before)
    link = page.locator("#form-link")
    await wait_until(page, "() => !document.getElementById('form-link').hidden")
    await link.click()
    await page.wait_for_selector("#in-business_name")
    assert await page.evaluate("document.documentElement.dir") == case["dir"]
    assert await page.locator("#save").inner_text() == case["save"]
    # Nothing wider than the phone.
    assert await page.evaluate("document.documentElement.scrollWidth") <= 360

    for seed in (1, 2, 3):
        photo = tmp_path / f"p{seed}.jpg"
        photo.write_bytes(photo_bytes(seed))
        await page.set_input_files("#in-photos", str(photo))
        await wait_until(page, "n => document.getElementById('count-photos').textContent == n",
                         str(seed))
    await wait_until(page, "() => document.querySelectorAll('#thumbs img').length == 3")
    second = page.locator("#thumbs .thumb").nth(1)
    kept = await page.locator("#thumbs .thumb").nth(2).get_attribute("data-photo")
    await second.locator("button.remove").click()
    await second.locator("button.no").click()  # on second thought: nothing taken out
    assert await page.locator("#thumbs .thumb").count() == 3
    await second.locator("button.remove").click()
    await second.locator("button.yes").click()
    await wait_until(page, "() => document.querySelectorAll('#thumbs .thumb').length == 2")
    assert await page.locator("#count-photos").inner_text() == "2"
    assert await page.locator("#thumbs .thumb").nth(1).get_attribute("data-photo") == kept
    for name, value in case["values"].items():
        await page.fill(f"#in-{name}", value)
    await page.select_option("#in-sector", case["sector"])
    await page.fill("#in-phone", "12")  # a wrong phone: said at its field, nothing saved
    await page.click("#save")
    await wait_until(page, "() => document.getElementById('err-phone').textContent != ''")
    assert await page.get_attribute("#in-phone", "aria-invalid") == "true"
    await assert_no_axe_violation(page)  # labels, help and the error tied to each field
    await page.screenshot(path=str(artifacts / f"form-{locale}.png"), full_page=True)
    await page.fill("#in-phone", case["values"]["phone"])
    await page.click("#save")

    await page.wait_for_url("**/chat")
    await page.wait_for_selector("#messages .msg.bot[data-key=review_summary]")
    text = await page.locator("#messages .msg.bot").last.inner_text()
    assert case["values"]["business_name"] in text
    await context.close()


async def test_typed_edits_are_saved_before_another_products_form_opens(
        browser, aiohttp_server, settings, db):
    server = await aiohttp_server(create_app(settings, db))
    context = await browser.new_context(viewport={"width": 360, "height": 740},
                                        locale="fr-FR")
    page = await context.new_page()
    await page.goto(str(server.make_url("/chat")))
    await page.wait_for_selector("#messages .msg.bot")
    for payload in ("lang:fr", "yes"):
        before = await bot_count(page)
        await page.locator(f"button.choice[data-payload='{payload}']").click()
        await wait_until(page, "n => document.querySelectorAll('#messages .msg.bot').length > n",
                         before)
    await page.goto(str(server.make_url("/chat/form?scope=product&product=0")))
    await page.wait_for_selector("#in-product_name")
    await page.fill("#in-product_name", "Zellige beldi")
    await page.click("#save")  # the first product exists: the page links to it and a new one
    await page.wait_for_url("**/chat")
    await page.goto(str(server.make_url("/chat/form?scope=product&product=0")))
    await page.wait_for_selector("nav.products a")
    await page.fill("#in-description", "Carreaux émaillés taillés à la main")
    await page.locator("nav.products a").last.click()  # "+ Un autre produit", unsaved edits
    await page.wait_for_url("**product=1*")
    await page.wait_for_selector("#in-product_name")
    assert await page.input_value("#in-product_name") == ""
    await page.locator("nav.products a").first.click()  # nothing typed: just goes
    await page.wait_for_url("**product=0*")
    await page.wait_for_selector("#in-description")
    assert await page.input_value("#in-description") == "Carreaux émaillés taillés à la main"
    await context.close()
