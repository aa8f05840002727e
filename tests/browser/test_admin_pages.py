"""An admin reviews real submissions in Chromium: log in, filter, open, ask for changes,
approve; the Arabic interface reads right to left; on a phone the pages still work."""

from __future__ import annotations

import sqlalchemy as sa

from bot.app import create_app
from storage.models import Media
from tests.browser.conftest import wait_until
from tests.integration.test_admin import add_user, onboard, submission_ids

EMAIL, PASSWORD = "amina@tijara.ma", "correct horse battery"


async def make_queue(aiohttp_client, server, db) -> dict[str, int]:
    client = await aiohttp_client(server)
    await onboard(client, name="Coopérative Tifawin", owner="Fatima Zahra Amrani",
                  city="Agadir", sector="argan",
                  products=(("Huile d'argan cosmétique", 3), ("Savon noir à l'argan", 1)))
    await onboard(client, name="Atelier Zellige Fès", owner="Karim Bennani", city="Fès",
                  sector="zellige", phone="0612345678", products=(("Zellige beldi", 2),))
    await onboard(client, lang="ar", name="تعاونية النور", owner="فاطمة العلوي",
                  city="مراكش", sector="carpets", phone="0700112233",
                  products=(("زربية أمازيغية", 2),))
    await onboard(client, name="Tapis Atlas", owner="Youssef Idrissi", city="Marrakech",
                  sector="carpets", phone="0661002030", products=(("Tapis berbère", 1),))
    async with db.transaction() as session:  # the media pipeline's advice, as it stores it
        first = (await session.execute(sa.select(Media).order_by(Media.id).limit(1))).scalar()
        first.advice = ["dark", "blurry"]
    await add_user(db, EMAIL, name="Amina Berrada")
    return await submission_ids(db)


async def log_in(page, base: str) -> None:
    await page.goto(f"{base}/admin/submissions")
    assert "/admin/login" in page.url
    await page.fill("input[name=email]", EMAIL)
    await page.fill("input[name=password]", PASSWORD)
    await page.click("button[type=submit]")
    await page.wait_for_url("**/admin/submissions")


async def test_review_in_the_browser(browser, aiohttp_server, aiohttp_client, settings, db,
                                     artifacts):
    # No worker in this app: the approval below must still read "approved" when the page
    # shows it, not "exported" because a worker was quicker (the handoff has its own tests).
    quiet = settings.model_copy(update={"embedded_worker": False})
    server = await aiohttp_server(create_app(quiet, db))
    ids = await make_queue(aiohttp_client, server, db)
    base = str(server.make_url("")).rstrip("/")
    context = await browser.new_context(viewport={"width": 1280, "height": 900},
                                        locale="fr-FR")
    page = await context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400
            else None)

    await log_in(page, base)
    assert await page.locator("#queue tbody tr").count() == 4
    await page.screenshot(path=str(artifacts / "admin-queue.png"), full_page=True)

    # Filter by sector, then by a search on the owner's name.
    await page.select_option("select[name=sector]", "carpets")
    await page.click("#filters button[type=submit]")
    await page.wait_for_url("**sector=carpets**")
    assert await page.locator("#queue tbody tr").count() == 2
    await page.fill("input[name=q]", "idrissi")
    await page.click("#filters button[type=submit]")
    await page.wait_for_url("**q=idrissi**")
    assert await page.locator("#queue tbody tr").count() == 1

    # Open the first submission and send it back with a reason on one photo.
    await page.goto(f"{base}/admin/submissions")
    await page.click("text=Coopérative Tifawin")
    await page.wait_for_url(f"**/admin/submissions/{ids['Coopérative Tifawin']}")
    assert await page.locator(".gallery img").count() == 4
    assert await page.locator(".flag[data-advice=dark]").count() == 1
    # The thumbnails load through their signed links.
    await wait_until(
        page, "[...document.querySelectorAll('.gallery img')].every(i => i.complete"
        " && i.naturalWidth > 0)")
    await page.screenshot(path=str(artifacts / "admin-detail.png"), full_page=True)

    await page.click("#changes-box > summary")
    await page.locator("select[name=item_field]").first.select_option("product:1:photos")
    await page.locator("select[name=item_reason]").first.select_option("photo_dark")
    await page.fill("#changes-form textarea[name=note]", "Reprenez la photo à la lumière.")
    await page.click("#edit-business > summary")
    await page.screenshot(path=str(artifacts / "admin-detail-forms.png"), full_page=True)
    await page.click("#send-changes")
    await page.wait_for_selector(".flash-ok")
    assert await page.locator(".meta .badge").get_attribute("data-status") == \
        "changes_requested"
    assert "Reprenez la photo à la lumière." in await page.locator("#history").inner_text()

    # Approve another one: two taps, the first only opens the confirmation.
    await page.goto(f"{base}/admin/submissions/{ids['Atelier Zellige Fès']}")
    await page.click("#approve-box > summary")
    await page.click("#approve")
    await page.wait_for_selector(".flash-ok")
    assert await page.locator(".meta .badge").get_attribute("data-status") == "approved"
    assert await page.locator("#handoff li[data-kind=handoff]").count() == 1

    # The same desk in Arabic, right to left.
    await page.click(".lang-switch")
    await wait_until(page, "document.documentElement.dir === 'rtl'")
    assert await page.evaluate("document.documentElement.lang") == "ar"
    assert "القرار" in await page.locator("#decision h2").inner_text()
    side = await page.locator(".detail-side").bounding_box()
    main = await page.locator(".detail-main").bounding_box()
    assert side["x"] < main["x"], "in Arabic the side column is on the left"
    await page.screenshot(path=str(artifacts / "admin-detail-ar.png"), full_page=True)
    await page.goto(f"{base}/admin/submissions?status=all")
    await page.screenshot(path=str(artifacts / "admin-queue-ar.png"), full_page=True)
    await page.goto(f"{base}/admin/funnel?by=language")
    assert await page.locator("#funnel-total li").count() == 8
    await page.screenshot(path=str(artifacts / "admin-funnel-ar.png"), full_page=True)
    assert not errors, errors
    await context.close()


async def test_the_desk_on_a_phone(browser, aiohttp_server, aiohttp_client, settings, db,
                                   artifacts):
    server = await aiohttp_server(create_app(settings, db))
    ids = await make_queue(aiohttp_client, server, db)
    base = str(server.make_url("")).rstrip("/")
    context = await browser.new_context(viewport={"width": 360, "height": 740},
                                        locale="fr-FR", is_mobile=True, has_touch=True)
    page = await context.new_page()
    await log_in(page, base)
    await page.screenshot(path=str(artifacts / "admin-queue-phone.png"), full_page=True)
    # Nothing sticks out sideways on a small screen.
    assert await page.evaluate("document.documentElement.scrollWidth") <= 360
    await page.goto(f"{base}/admin/submissions/{ids['تعاونية النور']}")
    assert await page.evaluate("document.documentElement.scrollWidth") <= 360
    await page.screenshot(path=str(artifacts / "admin-detail-phone.png"), full_page=True)
    await page.click("#reject-box > summary")
    await page.fill("#reject-form textarea[name=note]", "Produit hors catalogue.")
    await page.click("#reject")
    await page.wait_for_selector(".flash-ok")
    assert await page.locator(".meta .badge").get_attribute("data-status") == "rejected"
    await context.close()
