"""A shared location on each channel: the nearest town, confirmed, and never stored.

Telegram (a location update, the "send my location" keyboard), WhatsApp through Twilio
(Latitude/Longitude form fields) and the web chat ({"location": {...}}); on SQLite and
on PostgreSQL. Every stored row is searched for the coordinates."""

from __future__ import annotations

import json

from sqlmodel import select

from storage.models import Conversation, Inbound
from tests.fakes.telegram_api import TelegramUser
from tests.helpers import Owner as WebOwner
from tests.integration.test_telegram import SCRIPT, fake, fast, play, tg, tg_settings  # noqa: F401 - fixtures
from tests.integration.test_whatsapp import Owner as WaOwner
from tests.integration.test_whatsapp import wa  # noqa: F401

VILLAGE = (29.6051, -9.8012)  # a douar west of Tiznit


async def stored(db) -> str:
    """Every inbound row and conversation state, as the database holds them."""
    async with db.transaction() as session:
        rows = [r.raw for r in (await session.execute(select(Inbound))).scalars()]
        states = [c.state for c in (await session.execute(select(Conversation))).scalars()]
    return json.dumps([rows, states])


def assert_no_coordinates(text: str, *values) -> None:
    for value in values:
        assert str(value) not in text, value
        assert f"{float(value):.2f}"[:-1] not in text, value  # nor rounded


async def test_telegram_location_at_the_nearest_town_question(tg):  # noqa: F811
    user = TelegramUser(555000901)
    await play(tg, user, SCRIPT[:5])  # at the town question
    assert await tg.turn(user, user.text("Douar Tizi")) == ["ask_nearest_town"]
    question = tg.fake.sent(user.id)[-1]
    (row,) = question.markup["keyboard"]
    assert row[0]["request_location"] is True and "📍" in row[0]["text"]
    lat, lon = VILLAGE
    mark = len(tg.fake.sent(user.id))
    assert await tg.turn(user, user.message(location={"latitude": lat, "longitude": lon})) \
        == ["place_confirm_village"]
    # The button hid its one-time keyboard: no message is spent closing it.
    (said,) = tg.fake.sent(user.id)[mark:]
    assert "Tiznit" in said.text and "Souss-Massa" in said.text
    assert "inline_keyboard" in said.markup
    assert await tg.turn(user, user.press("yes")) == ["ask_sector"]
    draft = (await tg.conversation(user)).state["draft"]
    assert (draft["city"], draft["city_id"], draft["region"]) == \
        ("Douar Tizi", None, "souss-massa")
    assert_no_coordinates(await stored(tg.db), lat, lon)


async def test_telegram_location_abroad_gets_a_kind_answer(tg):  # noqa: F811
    user = TelegramUser(555000902)
    await play(tg, user, SCRIPT[:5])
    assert await tg.turn(user, user.message(location={"latitude": 40.4168,
                                                      "longitude": -3.7038})) \
        == ["place_abroad"]
    assert (await tg.conversation(user)).state["step"] == "city"
    assert_no_coordinates(await stored(tg.db), 40.4168, -3.7038)


async def test_whatsapp_location_through_twilio(wa):  # noqa: F811
    owner = WaOwner(wa)
    assert await owner.say("Bonjour, je voudrais inscrire ma coopérative") \
        == ["welcome_found", "ask_consent"]
    assert await owner.say("oui") == ["ask_business_name"]
    assert await owner.say("Coopérative Tifawin") == ["ask_owner_name"]
    assert await owner.say("1") == ["ask_city"]
    assert await owner.say("Douar Tizi") == ["ask_nearest_town"]
    assert "📎" in owner.last_body  # WhatsApp has no such button: the words say how
    assert await owner.send(MessageType="location", Latitude="29.6051", Longitude="-9.8012",
                            Address="Route de Mirleft", Label="Coopérative Tifawin") \
        == ["place_confirm_village"]
    assert "Tiznit" in owner.last_body
    assert await owner.say("oui") == ["ask_sector"]
    state = (await wa.conversation(owner.address)).state
    assert state["draft"]["region"] == "souss-massa"
    text = await stored(wa.db)
    assert_no_coordinates(text, "29.6051", "-9.8012")
    assert "Route de Mirleft" not in text and "Latitude" not in text


async def test_whatsapp_location_with_bad_values_is_explained(wa):  # noqa: F811
    owner = WaOwner(wa, wa_id="212612345679")
    for text, keys in (("Bonjour, je voudrais inscrire ma coopérative",
                        ["welcome_found", "ask_consent"]), ("oui", ["ask_business_name"]),
                       ("Atlas", ["ask_owner_name"]), ("1", ["ask_city"])):
        assert await owner.say(text) == keys
    assert await owner.send(MessageType="location", Latitude="NaN", Longitude="-7.5") \
        == ["place_unreadable"]


async def test_web_chat_coordinates(client, db):
    owner = WebOwner(client)
    await owner.start("fr")
    await owner.press("lang:fr")
    for text in ("oui", "Atlas Argan", "Fatima Amrani"):
        await owner.say(text)
    assert owner.keys == ["ask_city"]
    assert await owner.say("Douar Tizi") == ["ask_nearest_town"]
    assert owner.question.get("location") is True  # the page shows its button
    response = await client.post(owner._url, json={
        "location": {"latitude": VILLAGE[0], "longitude": VILLAGE[1]}, "id": "loc-1"})
    await owner._take(response)
    assert owner.keys == ["place_confirm_village"]
    assert "Tiznit" in owner.question["text"]
    assert await owner.press("yes") == ["ask_sector"]
    raw = (await stored(db))
    assert_no_coordinates(raw, *VILLAGE)
    async with db.transaction() as session:
        row = (await session.execute(select(Inbound).where(
            Inbound.external_id == f"{owner.session}:loc-1"))).scalar_one()
    assert row.raw["original"] == {"text": None, "payload": None, "files": 0, "location": True}
    assert row.raw["place"] == "tiznit"


async def test_web_chat_location_must_be_an_object_of_numbers(client):
    owner = WebOwner(client)
    await owner.start("fr")
    response = await client.post(owner._url, json={"location": [33.5, -7.6]})
    assert response.status == 400
    response = await client.post(owner._url, json={"location": {"latitude": "north"}})
    assert response.status == 200
    assert [m["key"] for m in (await response.json())["messages"]][0] == "place_not_asked"
