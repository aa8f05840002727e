"""An admin reviews a resubmission in Chromium: ticks ready-made reasons, the owner fixes
and sends again, the queue marks it, its page shows what changed (photos as thumbnails);
the funnel's table fits a 1366 px laptop screen and still works on a 360 px phone."""

from __future__ import annotations

from bot.app import create_app
from tests.browser.conftest import wait_until
from tests.browser.test_admin_pages import EMAIL, log_in, make_queue
from tests.browser.test_chat_accessibility import axe_violations
from tests.integration.test_admin import add_user, onboard, submission_ids
from tests.integration.test_review_admin import fix_and_send_again
from tests.integration.test_review_reasons import deliver

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


async def test_a_resubmission_shows_what_changed(browser, aiohttp_server, aiohttp_client,
                                                 settings, db, artifacts):
    quiet = settings.model_copy(update={"embedded_worker": False})
    server = await aiohttp_server(create_app(quiet, db))
    client = await aiohttp_client(server)
    owner = await onboard(client, name="Coopérative Tifawin", owner="Fatima Zahra Amrani",
                          products=(("Huile d'argan cosmétique", 2), ("Savon noir", 1)))
    await onboard(client, name="Atelier Zellige Fès", sector="zellige",
                  products=(("Zellige beldi", 1),))
    sid = (await submission_ids(db))["Coopérative Tifawin"]
    await add_user(db, EMAIL, name="Amina Berrada")
    base = str(server.make_url("")).rstrip("/")
    context = await browser.new_context(viewport={"width": 1280, "height": 900},
                                        locale="fr-FR")
    page = await context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400
            else None)
    await log_in(page, base)

    # Ask for changes: two ready-made reasons ticked, a field, a note.
    await page.goto(f"{base}/admin/submissions/{sid}")
    await page.click("#changes-box > summary")
    await page.check("#changes-reason-photo_quality")
    await page.locator("#changes-form").get_by_label("Prix pas clair ou manquant").check()
    await page.locator("select[name=item_field]").first.select_option("product:1:price")
    await page.locator("select[name=item_reason]").first.select_option("price_unclear")
    await page.fill("#changes-note", "Merci !")
    await page.screenshot(path=str(artifacts / "admin-reasons.png"), full_page=True)
    await page.click("#send-changes")
    await page.wait_for_selector(".flash-ok")
    history = await page.locator("#history").inner_text()
    assert "Photo trop sombre ou floue" in history and "Prix pas clair ou manquant" in history

    # The owner fixes the price, replaces a product's photos and sends again.
    await deliver(db, quiet)
    await fix_and_send_again(client, owner)

    # The queue says it in words: sent again, version 2 (and only for that one).
    await page.goto(f"{base}/admin/submissions")
    row = page.locator(f'#queue tr[data-id="{sid}"]')
    assert "Renvoyé · version 2" in await row.locator(".badge-resubmitted").inner_text()
    assert await page.locator("#queue .badge-resubmitted").count() == 1

    # Its page opens on what changed: old -> new, photos as thumbnails.
    await row.locator("a.biz-name").click()
    await page.wait_for_url(f"**/admin/submissions/{sid}")
    changes = page.locator("#changes")
    assert "Ce qui a changé depuis la version 1" in await changes.locator("h2").inner_text()
    price = changes.locator('[data-number="1"] li[data-field="price_amount"]')
    # Said in words for a screen reader, not by colour and strike-through alone.
    assert (await price.locator("del").inner_text()).split() == ["avant", "150"]
    assert (await price.locator("ins").inner_text()).split() == ["maintenant", "160"]
    photos = changes.locator('[data-number="2"]')
    assert "Produit 2 modifié" in await photos.locator("h3").inner_text()
    assert await photos.locator('[data-photos="added"] img').count() == 1
    assert await photos.locator('[data-photos="removed"] img').count() == 1
    await wait_until(page, "[...document.querySelectorAll('#changes img')].every(i => i.complete"
                     " && i.naturalWidth > 0)")
    changes_box = await changes.bounding_box()
    business_box = await page.locator("#business").bounding_box()
    assert changes_box["y"] < business_box["y"], "what changed comes first"
    await page.screenshot(path=str(artifacts / "admin-revision-changes.png"), full_page=True)
    # What this page adds reads well to assistive technology too (the forms open).
    await page.click("#changes-box > summary")
    await page.click("#reject-box > summary")
    assert await axe_violations(page) == []

    # In Arabic, right to left, the same changes.
    await page.click(".lang-switch")
    await wait_until(page, "document.documentElement.dir === 'rtl'")
    assert "ما تغيّر منذ النسخة 1" in await changes.locator("h2").inner_text()
    assert "عُدّل المنتج 2" in await photos.locator("h3").inner_text()
    assert await axe_violations(page) == []
    await page.screenshot(path=str(artifacts / "admin-revision-changes-ar.png"),
                          full_page=True)
    # On a phone nothing runs off the side.
    await page.set_viewport_size({"width": 360, "height": 740})
    await page.reload()
    assert await page.evaluate("document.documentElement.scrollWidth"
                               " <= document.documentElement.clientWidth")
    await context.close()
    assert not errors, errors
