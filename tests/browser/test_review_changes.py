"""An admin reviews a resubmission in Chromium: ticks ready-made reasons, the owner fixes
and sends again, the queue marks it, its page shows what changed (photos as thumbnails);
the funnel's table fits a 1366 px laptop screen and still works on a 360 px phone."""

from __future__ import annotations

from bot.app import create_app
from bot.outbox.worker import run_row
from storage import outbox
from tests.browser.conftest import wait_until
from tests.browser.test_admin_pages import log_in, make_queue
from tests.helpers import photo_bytes, worker_handlers
from tests.integration.test_admin import onboard

FITS = """() => {
  const table = document.querySelector('#funnel-groups table');
  const box = table.parentElement;
  return {table: table.scrollWidth, box: box.clientWidth,
          page: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth};
}"""


async def test_the_funnel_fits_a_laptop_and_still_works_on_a_phone(
        browser, aiohttp_server, aiohttp_client, settings, db, artifacts):
    server = await aiohttp_server(create_app(
        settings.model_copy(update={"embedded_worker": False}), db))
    await make_queue(aiohttp_client, server, db)
    base = str(server.make_url("")).rstrip("/")
    for locale, lang in (("fr-FR", "fr"), ("ar", "ar")):
        context = await browser.new_context(viewport={"width": 1366, "height": 768},
                                            locale=locale)
        page = await context.new_page()
        await log_in(page, base)
        if lang == "ar":
            await page.goto(f"{base}/admin/lang/ar?next=/admin/funnel")
        for by in ("region", "agent", "channel", "language"):
            await page.goto(f"{base}/admin/funnel?by={by}")
            sizes = await page.evaluate(FITS)
            assert sizes["table"] <= sizes["box"], (lang, by, sizes)
            assert sizes["page"] <= sizes["viewport"], (lang, by, sizes)
        await page.goto(f"{base}/admin/funnel?by=region")
        await page.screenshot(path=str(artifacts / f"admin-funnel-1366-{lang}.png"),
                              full_page=True)

        # A phone: the page itself never scrolls sideways; the table scrolls in its box.
        await page.set_viewport_size({"width": 360, "height": 740})
        await page.goto(f"{base}/admin/funnel?by=region")
        sizes = await page.evaluate(FITS)
        assert sizes["page"] <= sizes["viewport"], (lang, sizes)
        assert await page.locator("#funnel-groups tr[data-group]").count() >= 1
        last = page.locator("#funnel-groups tr.total-row td").last
        await last.scroll_into_view_if_needed()
        assert await last.is_visible()
        await page.screenshot(path=str(artifacts / f"admin-funnel-360-{lang}.png"),
                              full_page=True)
        await context.close()
