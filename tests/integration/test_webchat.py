"""The whole onboarding over the web-chat HTTP API, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

from bot.cli import main
from bot.keys import turns_key
from tests.helpers import Owner, photo_bytes, zellige_owner_at_photos


async def onboard_in_french(owner: Owner) -> None:
    await owner.start("fr-FR")
    assert owner.keys == ["ask_language"]
    assert owner.locale == "fr"
    assert await owner.press("lang:fr") == ["ask_consent"]
    assert await owner.say("oui") == ["ask_business_name"]
    assert await owner.say("Coopérative Tifawin") == ["ask_owner_name"]
    assert await owner.say("Fatima Zahra Amrani") == ["ask_city"]
    assert await owner.say("Agadir") == ["ask_sector"]
    assert await owner.press("sector:argan") == ["ask_ice"]
    assert await owner.say("001 525 478 000 036") == ["ask_phone"]
    assert await owner.say("06 61 23 45 67") == ["ask_email"]
    assert await owner.press("skip") == ["ask_product_name"]
    assert await owner.say("Huile d'argan cosmétique") == ["ask_photos"]
    assert await owner.photo(photo_bytes(1)) == ["photo_received"]
    assert await owner.photo(photo_bytes(2)) == ["photo_received"]
    assert await owner.press("done") == ["ask_description"]
    assert await owner.say("Huile pressée à froid, bio, de nos arganiers.") == ["ask_price"]
    assert await owner.say("150 DH le litre") == ["ask_moq"]
    assert await owner.say("20 litres") == ["readiness_tip", "ask_more_products"]
    assert await owner.press("no") == ["ask_buyer_questions"]
    assert await owner.press("skip") == ["review_summary"]
    assert "Tifawin" in owner.question["text"]
    assert await owner.press("submit") == ["submitted"]


async def test_full_onboarding_in_french_reaches_the_review_queue(client, monkeypatch, settings,
                                                                  capsys):
    owner = Owner(client)
    await onboard_in_french(owner)

    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    monkeypatch.setenv("PUBLIC_BASE_URL", "http://testserver")
    try:  # the CLI runs its own event loop, so it gets a thread of its own
        await asyncio.to_thread(main, ["submissions", "list", "--json"])
    except SystemExit as exit_:
        assert exit_.code == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 1
    s = listed[0]
    assert s["status"] == "submitted"
    assert s["business"] == {
        "name": "Coopérative Tifawin", "owner_name": "Fatima Zahra Amrani",
        "phone": "+212661234567", "email": None, "city": "Agadir", "region": "souss-massa",
        "sector": "argan", "ice": "001525478000036",
        # The buyers' questions, skipped (flows.buyerq).
        "fda_registered": None, "export_experience": None, "packaging": None,
        "packaging_photos": [],
    }
    (product,) = s["products"]
    # With its USD equivalent at the configured rate, dated (USD_PER_MAD, USD_PER_MAD_DATE).
    assert product["price"] == {"amount": "150", "amount_max": None, "currency": "MAD",
                                "unit": "l", "usd": {"amount": "15.00", "amount_max": None,
                                                     "usd_per_mad": "0.10",
                                                     "rate_date": "2025-06-01"}}
    assert product["moq"] == {"quantity": "20", "unit": "l"}
    # The English listing generated from the owner's words: the same object as the handoff.
    assert "Argan" in product["en"]["name"]
    assert len(product["images"]) == 2
    assert all(img["content_type"] == "image/jpeg" and img["width"] == 900
               for img in product["images"])
    assert (s["language"], s["script"], s["channel"]) == ("fr", "Latn", "web")

    image = await client.get(product["images"][0]["url"].removeprefix("http://testserver"))
    assert image.status == 200
    forged = product["images"][0]["url"].removeprefix("http://testserver")[:-4] + "0000"
    assert (await client.get(forged)).status == 403


async def test_same_message_id_twice_has_one_effect(client):
    owner = Owner(client)
    await owner.start("fr")
    await owner.press("lang:fr")
    await owner.say("oui")
    assert await owner.say("Atlas Tapis", message_id="m-1") == ["ask_owner_name"]
    # The client retries the same message (lost answer on 3G): no second effect.
    assert await owner.say("Atlas Tapis", message_id="m-1") == ["ask_owner_name"]
    assert await owner.say("Youssef Idrissi") == ["ask_city"]


async def test_a_photo_over_the_limit_is_explained_in_the_owners_language(client):
    from bot.app import MAX_UPLOAD

    owner = await zellige_owner_at_photos(client, "ary", "wakha")
    assert owner.keys == ["ask_photos"]
    huge = b"\xff\xd8\xff" + bytes(MAX_UPLOAD)
    assert await owner.photo(huge) == ["notice_file_too_large", "ask_photos"]
    assert await owner.photo(photo_bytes(3)) == ["photo_received"]  # nothing else lost


async def test_two_photos_at_the_same_moment_are_both_kept(client):
    owner = await zellige_owner_at_photos(client, "fr", "oui")
    assert owner.keys == ["ask_photos"]
    second = Owner(client)
    second.session = owner.session
    await asyncio.gather(owner.photo(photo_bytes(3)), second.photo(photo_bytes(4)))
    counts = sorted(m["text"] for m in owner.last + second.last)
    assert len(counts) == 2
    await owner.press("done")
    assert owner.keys == ["ask_description"]
    await owner.press("back")
    assert owner.keys == ["ask_photos"]
    # Both photos are in the draft: eight minus two are left before the limit.
    for i in range(6):
        await owner.photo(photo_bytes(10 + i))
    assert owner.keys == ["photos_full"]
    assert await owner.photo(photo_bytes(30)) == ["photo_too_many"]


async def test_restart_of_the_server_loses_nothing(aiohttp_client, settings, db):
    from bot.app import create_app

    first = await aiohttp_client(create_app(settings, db))
    owner = Owner(first)
    await owner.start("ar")
    await owner.press("lang:ar")
    await owner.say("نعم")
    await owner.say("تعاونية الأطلس")
    await first.close()

    second = await aiohttp_client(create_app(settings, db))
    resumed = await second.get(f"/api/chat/sessions/{owner.session}")
    body = await resumed.json()
    assert [m["key"] for m in body["messages"]] == ["ask_owner_name"]
    assert body["locale"] == "ar" and body["dir"] == "rtl"
    owner.client = second
    assert await owner.say("محمد العلوي") == ["ask_city"]


async def test_unknown_session_is_404(client):
    response = await client.post("/api/chat/sessions/nope-nope-nope/messages",
                                 json={"text": "salam"})
    assert response.status == 404


async def test_health_and_readiness(client):
    assert await (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).status == 200
    metrics = await (await client.get("/metrics")).text()
    assert "tijara_http_requests_total" in metrics


async def test_admin_asks_for_changes_and_the_owner_fixes_and_resubmits(client, db, settings):
    from bot.outbox.worker import run_row
    from storage import outbox, submissions
    from tests.helpers import worker_handlers

    owner = Owner(client)
    await onboard_in_french(owner)
    async with db.transaction() as session:
        (view,) = await submissions.views(session)
        await submissions.decide(session, view.submission.id, "request_changes",
                                 actor="admin:a@tijara.ma", reason="Merci de corriger.",
                                 items=[{"field": "product:1:price", "reason": "price_unit"}])
    # The web chat has no pushing channel: the replies wait in its inbox.
    handlers = worker_handlers(db, settings, {})
    async with db.transaction() as session:
        rows = await outbox.claim(session, kinds=("notify",))
    for row in rows:
        await run_row(db, handlers, row)

    # The owner comes back to the page: the decision, then straight to the price.
    body = await (await client.get(f"/api/chat/sessions/{owner.session}")).json()
    assert [m["key"] for m in body["messages"]] == ["decision_changes_requested", "ask_price"]
    assert "Merci de corriger." in body["messages"][0]["text"]
    owner.last = body["messages"]
    assert await owner.say("160 DH le litre") == ["review_changed"]  # one line, not all again
    assert await owner.press("submit") == ["submitted"]
    # Seen once: the waiting messages are not shown again.
    body = await (await client.get(f"/api/chat/sessions/{owner.session}")).json()
    assert [m["key"] for m in body["messages"]] == ["already_submitted"]

    async with db.transaction() as session:
        (view,) = await submissions.views(session)
    assert (view.submission.status, view.submission.revision) == ("submitted", 2)
    assert [(c.from_status, c.to_status, c.actor) for c in view.history] == [
        (None, "submitted", "owner"),
        ("submitted", "changes_requested", "admin:a@tijara.ma"),
        ("changes_requested", "submitted", "owner")]
    assert view.products[0].product.price_amount == "160"


async def test_an_open_page_picks_up_a_decision_without_a_reload(client, db, settings):
    from bot.outbox.worker import run_row
    from storage import outbox, submissions
    from tests.helpers import worker_handlers

    owner = Owner(client)
    await onboard_in_french(owner)
    waiting = f"/api/chat/sessions/{owner.session}/waiting"
    assert (await (await client.get(waiting)).json())["messages"] == []  # nothing yet
    async with db.transaction() as session:
        (view,) = await submissions.views(session)
        await submissions.decide(session, view.submission.id, "approve", actor="cli")
    # The web chat has no pushing channel: the replies wait in its inbox.
    handlers = worker_handlers(db, settings, {})
    async with db.transaction() as session:
        rows = await outbox.claim(session, kinds=("notify",))
    for row in rows:
        await run_row(db, handlers, row)
    body = await (await client.get(waiting)).json()
    assert [m["key"] for m in body["messages"]] == ["decision_approved"]
    assert body["locale"] == "fr"
    assert (await (await client.get(waiting)).json())["messages"] == []  # taken once
    # Coming back later, or asking, the owner hears the decision, not "under review".
    body = await (await client.get(f"/api/chat/sessions/{owner.session}")).json()
    assert [m["key"] for m in body["messages"]] == ["status_approved"]
    assert await owner.say("Bonjour, où en est mon dossier ?") == ["status_approved"]
    assert (await client.get("/api/chat/sessions/unknown-session-id/waiting")).status == 404


async def test_a_message_with_an_image_reaches_the_page_with_it(client, monkeypatch):
    owner = Owner(client)
    await owner.start("fr")
    assert "image" not in owner.question
    image = "http://testserver/agents/qr/abcdefgh23.png"
    turns = client.app[turns_key]
    current = turns.current

    async def with_image(channel, user_ref):  # as a reply carrying an agent's QR code
        result = await current(channel, user_ref)
        return replace(result, replies=tuple(replace(r, image=image) for r in result.replies))

    monkeypatch.setattr(turns, "current", with_image)
    response = await client.get(f"/api/chat/sessions/{owner.session}")
    assert response.status == 200
    (message,) = (await response.json())["messages"]
    assert message["image"] == image and message["key"] == "ask_language"
