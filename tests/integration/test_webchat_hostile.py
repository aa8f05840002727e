"""The web chat against hostile input: every bad request a 4xx, nothing stored whole.

On SQLite and on PostgreSQL (which refuses NUL and lone surrogates outright)."""

from __future__ import annotations

import json

from sqlmodel import select

from bot.app import create_app
from bot.channels.web import JSON_LIMIT, TEXT_LIMIT
from storage import submissions, throttle
from storage.models import Conversation, Inbound, ThrottleWindow
from tests.helpers import Owner, photo_bytes, zellige_owner_at_photos
from tests.integration.test_webchat import onboard_in_french
from tests.unit.test_media_images import png_header_of


async def inbound_rows(db) -> list[Inbound]:
    async with db.transaction() as session:
        return list((await session.execute(select(Inbound).order_by(Inbound.id))).scalars())


async def test_two_sessions_sending_the_same_id_are_both_answered(client):
    first, second = Owner(client), Owner(client)
    for owner in (first, second):
        await owner.start("fr")
        await owner.press("lang:fr")
    assert await first.say("oui", message_id="m-1") == ["ask_business_name"]
    assert await second.say("oui", message_id="m-1") == ["ask_business_name"]
    # An id shaped like another session's start is just an id in this one.
    assert await second.say("Atlas Tapis", message_id=f"start:{first.session}") \
        == ["ask_owner_name"]
    # A retry in the same session is still one message.
    assert await second.say("Atlas Tapis", message_id=f"start:{first.session}") \
        == ["ask_owner_name"]


async def test_bad_ids_and_payloads_are_400(client, db):
    owner = Owner(client)
    await owner.start("fr")
    url = f"/api/chat/sessions/{owner.session}/messages"
    for body in ({"text": "oui", "id": "a\x00b"}, {"text": "oui", "id": "x" * 65},
                 {"text": "oui", "id": ""}, {"text": "oui", "id": 7},
                 {"text": "oui", "id": "\u202eabc"}, {"payload": "p" * 65},
                 {"text": ["oui"]}):
        response = await client.post(url, json=body)
        assert response.status == 400, body
    assert len(await inbound_rows(db)) == 1  # the start only


async def test_bodies_too_big_or_too_deep_are_refused_and_nothing_is_stored(client, db):
    owner = Owner(client)
    await owner.start("fr")
    url = f"/api/chat/sessions/{owner.session}/messages"
    big = await client.post(url, json={"payload": "p" * 10_000_000})
    assert big.status == 413
    for depth in (40, 1000, 100_000):
        deep = b"[" * depth + b"]" * depth
        for path in (url, "/api/chat/sessions"):
            response = await client.post(path, data=b'{"text": ' + deep + b"}",
                                         headers={"Content-Type": "application/json"})
            assert response.status in (400, 413), (depth, path, response.status)

    async def chunked():  # no Content-Length: counted as it comes
        for _ in range(10):
            yield b" " * (JSON_LIMIT // 4)
    response = await client.post(url, data=chunked(), headers={"Content-Type": "application/json"})
    assert response.status == 413
    assert len(await inbound_rows(db)) == 1


async def test_a_long_text_is_cut_before_it_is_stored(client, db):
    owner = Owner(client)
    await owner.start("fr")
    await owner.press("lang:fr")
    assert await owner.say("\u0645" * 5_000) == ["invalid_choice"]  # \u-escaped: 30 kB
    stored = (await inbound_rows(db))[-1].raw
    assert len(stored["text"]) == TEXT_LIMIT
    assert len(json.dumps(stored, ensure_ascii=False)) < 3 * TEXT_LIMIT  # text + original


async def test_a_lone_surrogate_in_the_business_name_does_not_stop_the_submission(client, db):
    owner = Owner(client)
    await owner.start("fr")
    assert await owner.press("lang:fr") == ["ask_consent"]
    assert await owner.say("oui") == ["ask_business_name"]
    # The page's JSON as a hostile client writes it: an unpaired \ud83d escape, a NUL,
    # a right-to-left override and an isolate.
    body = b'{"text": "Coop \\ud83d Atlas\\u0000 \\u202eTapis\\u2066", "id": "n-1"}'
    response = await client.post(owner._url, data=body,
                                 headers={"Content-Type": "application/json"})
    assert response.status == 200, await response.text()
    owner.last = (await response.json())["messages"]
    assert owner.keys == ["ask_owner_name"]
    for step, value, expected in [
            ("say", "Fatima Zahra Amrani", "ask_city"), ("say", "Agadir", "ask_sector"),
            ("press", "sector:carpets", "ask_ice"), ("say", "001 525 478 000 036", "ask_phone"),
            ("say", "06 61 23 45 67", "ask_email"), ("press", "skip", "ask_product_name"),
            ("say", "Tapis", "ask_photos")]:
        assert await getattr(owner, step)(value) == [expected]
    assert await owner.photo(photo_bytes(1)) == ["photo_received"]
    for step, value, expected in [
            ("press", "done", "ask_description"), ("say", "Laine tissée main", "ask_price"),
            ("say", "900 DH la pièce", "ask_moq"),
            ("say", "1 pièce", ["readiness_tip", "ask_more_products"]),
            ("press", "no", "ask_buyer_questions"), ("press", "skip", "review_summary"),
            ("press", "submit", "submitted")]:
        assert await getattr(owner, step)(value) == (
            expected if isinstance(expected, list) else [expected])
    async with db.transaction() as session:
        (view,) = await submissions.views(session)
    assert view.business.name == "Coop Atlas Tapis"
    assert all("\x00" not in json.dumps(r.raw) for r in await inbound_rows(db))


async def test_the_french_onboarding_still_works_with_ids(client):
    await onboard_in_french(Owner(client))


async def test_new_sessions_are_throttled_per_address_across_processes(aiohttp_client, settings,
                                                                      db):
    limited = settings.model_copy(update={"webchat_session_limit": 3})
    first = await aiohttp_client(create_app(limited, db))
    second = await aiohttp_client(create_app(limited))  # another process, its own pool
    for client in (first, second, first):
        assert (await client.post("/api/chat/sessions", json={})).status == 200
    for client in (first, second):
        refused = await client.post("/api/chat/sessions", json={})
        assert refused.status == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= settings.webchat_session_window
    async with db.transaction() as session:
        count = len((await session.execute(select(Conversation))).all())
    assert count == 3


async def test_messages_are_throttled_per_session(aiohttp_client, settings, db):
    client = await aiohttp_client(create_app(
        settings.model_copy(update={"webchat_message_limit": 4}), db))
    owner, other = Owner(client), Owner(client)
    await owner.start("fr")
    await other.start("fr")
    for _ in range(4):
        await owner.say("salam")
    refused = await client.post(owner._url, json={"text": "salam"})
    assert refused.status == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert await other.say("salam")  # another session is not held back


async def hit(db, now: float) -> int | None:
    async with db.transaction() as session:
        return await throttle.hit(session, "t", "me", 1, 60, now=now)


async def test_the_window_ends_and_old_windows_are_swept(db):
    assert await hit(db, 600.0) is None
    assert await hit(db, 630.5) == 30
    assert await hit(db, 660.0) is None  # a new window
    async with db.transaction() as session:
        rows = (await session.execute(select(ThrottleWindow))).scalars().all()
    assert [r.expires for r in rows] == [720]


async def test_the_api_answers_503_with_retry_after_while_the_database_is_away(
        aiohttp_client, settings, unused_tcp_port):
    away = settings.model_copy(update={
        "database_url": f"postgresql://postgres@127.0.0.1:{unused_tcp_port}/test"})
    client = await aiohttp_client(create_app(away))
    session = "abcdefgh-session"
    for method, path, body in [
            ("POST", "/api/chat/sessions", {}),
            ("POST", f"/api/chat/sessions/{session}/messages", {"text": "salam", "id": "m-1"}),
            ("GET", f"/api/chat/sessions/{session}", None),
            ("GET", f"/api/chat/sessions/{session}/waiting", None)]:
        response = await client.request(method, path, json=body)
        assert response.status == 503, (path, await response.text())
        assert response.headers["Retry-After"] == "5"
    assert (await client.get("/chat")).status == 200  # the page itself needs no database


async def test_the_page_and_its_api_forbid_framing_and_foreign_code(client):
    page = await client.get("/chat")
    csp = page.headers["Content-Security-Policy"]
    for directive in ("default-src 'none'", "script-src 'self'", "style-src 'self'",
                      "frame-ancestors 'none'", "base-uri 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp
    owner = Owner(client)
    await owner.start("fr")
    for response in (page, await client.get(f"/api/chat/sessions/{owner.session}"),
                     await client.get("/api/chat/sessions/nope-nope-nope")):
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


async def test_a_pixel_bomb_is_explained_as_too_many_pixels_not_too_heavy(client):
    owner = await zellige_owner_at_photos(client, "fr", "oui")
    assert owner.keys == ["ask_photos"]
    bomb = png_header_of(6300, 6300, 16, 6)  # 39.7 MP of 16-bit RGBA: 318 MB decoded
    assert await owner.photo(bomb, "bomb.png") == ["photo_too_many_pixels"]
    assert "pixels" in owner.question["text"]
    assert await owner.photo(photo_bytes(3)) == ["photo_received"]
