"""The web chat against hostile input: every bad request a 4xx, nothing stored whole.

On SQLite and on PostgreSQL (which refuses NUL and lone surrogates outright)."""

from __future__ import annotations

import json

from sqlmodel import select

from bot.channels.web import JSON_LIMIT, TEXT_LIMIT
from storage import submissions
from storage.models import Inbound
from tests.helpers import Owner, photo_bytes
from tests.integration.test_webchat import onboard_in_french


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
            ("say", "900 DH la pièce", "ask_moq"), ("say", "1 pièce", "ask_more_products"),
            ("press", "no", "review_summary"), ("press", "submit", "submitted")]:
        assert await getattr(owner, step)(value) == [expected]
    async with db.transaction() as session:
        (view,) = await submissions.views(session)
    assert view.business.name == "Coop Atlas Tapis"
    assert all("\x00" not in json.dumps(r.raw) for r in await inbound_rows(db))


async def test_the_french_onboarding_still_works_with_ids(client):
    await onboard_in_french(Owner(client))
