"""What an admin on a 360 px phone notices: a refused correction keeps what was typed and
opens on the wrong field, Approve asks before it sends, the funnel's first column stays in
view, the logout notice sits on the login card."""

from __future__ import annotations

import sqlalchemy as sa

from bot.app import create_app
from storage.models import Business, Submission
from tests.browser.test_admin_pages import log_in
from tests.integration.test_admin import add_user, onboard, submission_ids

EMAIL = "amina@tijara.ma"
PHONE = {"viewport": {"width": 360, "height": 740}, "locale": "fr-FR", "is_mobile": True,
         "has_touch": True}


async def desk(browser, aiohttp_server, aiohttp_client, settings, db, **onboarding):
    # No worker: an approval reads "approved" on the page, never "exported" by a race.
    server = await aiohttp_server(create_app(
        settings.model_copy(update={"embedded_worker": False}), db))
    client = await aiohttp_client(server)
    await onboard(client, **onboarding)
    await add_user(db, EMAIL, name="Amina Berrada")
    context = await browser.new_context(**PHONE)
    page = await context.new_page()
    base = str(server.make_url("")).rstrip("/")
    await log_in(page, base)
    return context, page, base, await submission_ids(db)


async def in_view(page, selector: str) -> bool:
    return await page.locator(selector).evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }")


async def test_a_refused_correction_opens_on_the_wrong_field(
        browser, aiohttp_server, aiohttp_client, settings, db, artifacts):
    context, page, base, ids = await desk(browser, aiohttp_server, aiohttp_client, settings,
                                          db)
    (sid,) = ids.values()
    await page.goto(f"{base}/admin/submissions/{sid}")
    await page.click("#edit-business > summary")
    await page.fill("#business-owner_name", "Fatima Zahra Amrani")
    await page.fill("#business-ice", "12345")
    await page.click("#edit-business button[type=submit]")
    await page.wait_for_selector("#business-ice-error")

    # The form is open, what was typed is still there, and the page is on the ICE field.
    assert await page.locator("#edit-business").evaluate("d => d.open")
    assert await page.input_value("#business-owner_name") == "Fatima Zahra Amrani"
    assert await page.input_value("#business-ice") == "12345"
    assert await page.evaluate("document.activeElement.id") == "business-ice"
    assert await in_view(page, "#business-ice") and await in_view(page, "#business-ice-error")
    assert "15 chiffres" in await page.inner_text("#business-ice-error")
    assert await page.evaluate("document.documentElement.scrollWidth") <= 360
    await page.screenshot(path=str(artifacts / "admin-refused-phone.png"), full_page=False)

    # Emptying a price is refused the same way, next to the price.
    product = page.locator("article.product").first
    await product.locator("details.edit > summary").last.click()
    price = product.locator("input[name=price_amount]")
    await price.fill("")
    await product.locator("details.edit form button[type=submit]").last.click()
    await page.wait_for_selector(".field-error")
    assert await page.evaluate("document.activeElement.name") == "price_amount"
    assert "Obligatoire" in await page.locator(".field-error").first.inner_text()
    async with db.transaction() as session:
        business = (await session.execute(sa.select(Business))).scalar_one()
    assert (business.owner_name, business.ice) == ("Fatima Amrani", None)
    await context.close()


async def test_approve_asks_before_it_sends(browser, aiohttp_server, aiohttp_client,
                                             settings, db):
    context, page, base, ids = await desk(browser, aiohttp_server, aiohttp_client, settings,
                                          db)
    (sid,) = ids.values()
    await page.goto(f"{base}/admin/submissions/{sid}")
    await page.click("#approve-box > summary")  # one tap: nothing is sent yet
    assert await page.locator("#approve").is_visible()
    async with db.transaction() as session:
        assert (await session.get(Submission, sid)).status == "submitted"
    await page.click("#approve")
    await page.wait_for_selector(".flash-ok")
    assert await page.locator(".meta .badge").get_attribute("data-status") == "approved"
    await context.close()


async def test_the_funnel_keeps_its_first_column_and_logout_lands_on_the_card(
        browser, aiohttp_server, aiohttp_client, settings, db, artifacts):
    context, page, base, _ = await desk(browser, aiohttp_server, aiohttp_client, settings, db)
    await page.goto(f"{base}/admin/funnel?by=region")
    table = page.locator("#funnel-groups .scroll-x")
    first = page.locator("#funnel-groups tbody tr").first.locator("th")
    before = await first.bounding_box()
    await table.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    assert await table.evaluate("e => e.scrollLeft") > 100  # it does scroll sideways
    after = await first.bounding_box()
    assert abs(after["x"] - before["x"]) < 1, (before, after)
    assert await first.inner_text() == "Souss-Massa"
    assert await page.evaluate("document.documentElement.scrollWidth") <= 360
    await page.screenshot(path=str(artifacts / "admin-funnel-phone.png"), full_page=True)

    await page.click("#logout")
    await page.wait_for_url("**/admin/login?m=logged_out")
    card = await page.locator(".login-card").bounding_box()
    notice = await page.locator("#login-notice").bounding_box()
    assert card["y"] < notice["y"] and notice["y"] + notice["height"] < card["y"] + card[
        "height"]
    assert "déconnecté" in await page.inner_text(".login-card")
    await context.close()
