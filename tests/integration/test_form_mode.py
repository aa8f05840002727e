"""The form mode over HTTP (web chat, Telegram Mini App): the same draft as the
conversation, in fewer actions; initData checked on every request. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

from aiohttp import FormData

from bot.channels.telegram.webapp import sign
from flows.model import BuyerAnswers
from storage import conversations
from storage.conversations import state_of
from tests.fakes.telegram_api import TelegramUser
from tests.helpers import Owner, photo_bytes
from tests.integration.test_telegram import TOKEN, fake, fast, tg, tg_settings  # noqa: F401
from tests.integration.test_webchat import onboard_in_french

VALUES = {"business_name": "Coopérative Tifawin", "owner_name": "Fatima Zahra Amrani",
          "city": "Agadir", "sector": "sector:argan", "ice": "001 525 478 000 036",
          "phone": "06 61 23 45 67", "email": "", "product_name": "Huile d'argan cosmétique",
          "description": "Huile pressée à froid, bio, de nos arganiers.",
          "price": "150 DH le litre", "moq": "20 litres"}


class Counting(Owner):
    """An owner whose every message, tap and upload is counted."""

    actions = 0

    async def say(self, text, message_id=None):
        self.actions += 1
        return await super().say(text, message_id)

    async def press(self, payload):
        self.actions += 1
        return await super().press(payload)

    async def photo(self, data, filename="photo.jpg"):
        self.actions += 1
        return await super().photo(data, filename)


async def draft_of(db, channel, user_ref):
    async with db.transaction() as session:
        return state_of(await conversations.find(session, channel, user_ref)).draft


def photo_form(data: bytes, **fields) -> FormData:
    form = FormData()
    form.add_field("photo", data, filename="p.jpg", content_type="image/jpeg")
    for name, value in fields.items():
        form.add_field(name, value)
    return form


async def test_the_web_form_makes_the_conversations_draft_in_eight_actions(client, db):
    talked = Counting(client)
    await onboard_in_french(talked)
    # The conversation, as today (opening the page is not counted): 19 with two photos
    # and the buyers' questions skipped, so 20 with three.
    assert talked.actions == 19

    owner = Counting(client)
    await owner.start("fr-FR")
    await owner.press("lang:fr")
    body = await (await client.post(f"/api/chat/sessions/{owner.session}/messages",
                                    json={"text": "oui"})).json()
    owner.actions += 1
    assert body["form"] is True  # the page shows "fill in as a form"
    page = await client.get("/chat/form")  # the tap on it
    owner.actions += 1
    assert page.status == 200 and "form.js" in await page.text()
    url = f"/api/chat/sessions/{owner.session}/form"
    form = await (await client.get(url)).json()
    assert form["dir"] == "ltr" and form["ui"]["save"] == "Enregistrer"
    fields = {f["name"]: f for f in form["fields"]}
    assert fields["business_name"]["label"] == "Nom de l'entreprise"
    assert fields["business_name"]["help"].startswith("Quel est le nom")
    assert fields["photos"]["kind"] == "photo" and fields["sector"]["kind"] == "choice"
    for seed in (1, 2, 3):  # one at a time, through the media pipeline
        answer = await client.post(url + "/photo", data=photo_form(photo_bytes(seed),
                                                                   product="0"))
        owner.actions += 1
        assert (await answer.json())["added"] is True
    saved = await client.post(url, json={"scope": "all", "product": 0, "values": VALUES})
    owner.actions += 1
    assert saved.status == 200
    assert [m["key"] for m in (await saved.json())["messages"]] == ["form_saved",
                                                                    "review_summary"]
    # Back in the chat: the summary is the open question, and sending is one tap.
    resumed = await (await client.get(f"/api/chat/sessions/{owner.session}")).json()
    assert resumed["messages"][-1]["key"] == "review_summary"
    assert "Tifawin" in resumed["messages"][-1]["text"]
    assert await owner.press("submit") == ["submitted"]
    assert owner.actions <= 8, owner.actions

    by_form = await draft_of(db, "web", owner.session)
    by_talk = await draft_of(db, "web", talked.session)
    photos = [[p.sha256 for p in d.products[0].photos] for d in (by_form, by_talk)]
    assert photos[0][:2] == photos[1]  # the same files, whichever way they came
    for d in (by_form, by_talk):
        for p in d.products:
            p.photos = []
    # The form does not ask the buyers' questions; the conversation asked and all were
    # skipped (an empty answer set: every field null in the handoff either way).
    assert by_form.buyer is None and by_talk.buyer == BuyerAnswers()
    by_talk.buyer = None
    assert by_form == by_talk


async def test_a_wrong_answer_is_named_per_field_in_the_owners_language_and_nothing_kept(
        client, db):
    owner = Owner(client)
    await owner.start("ar")
    await owner.press("lang:ar")
    await owner.say("نعم")
    url = f"/api/chat/sessions/{owner.session}/form"
    form = await (await client.get(url)).json()
    assert form["dir"] == "rtl" and form["locale"] == "ar"
    answer = await client.post(url, json={"scope": "business", "values": {
        **VALUES, "phone": "12", "business_name": "تعاونية تيفاوين"}})
    assert answer.status == 422
    errors = (await answer.json())["errors"]
    assert set(errors) == {"phone"} and any("\u0600" <= c <= "\u06ff" for c in errors["phone"])
    assert (await draft_of(db, "web", owner.session)).business_name is None
    # Back to the conversation at any time: it is where it was.
    assert await owner.say("تعاونية تيفاوين") == ["ask_owner_name"]


async def test_the_form_is_not_offered_before_consent_and_bad_input_is_refused(client):
    owner = Owner(client)
    body = await owner.start("fr")
    assert body["form"] is False
    url = f"/api/chat/sessions/{owner.session}/form"
    assert (await client.post(url, json={"scope": "all", "values": VALUES})).status == 422
    assert (await client.post(url, json={"scope": "nope", "values": {}})).status == 400
    assert (await client.post(url, json={"scope": "all", "values": {"city": 3}})).status == 400
    assert (await client.get("/api/chat/sessions/unknown-session-id/form")).status == 404


def init_data(user: TelegramUser, *, age: int = 5, token: str = TOKEN) -> str:
    fields = {"query_id": "AAHdF6IQAAAAAN0XohDhrOrc", "auth_date": str(int(time.time()) - age),
              "user": json.dumps(user.sender, separators=(",", ":"))}
    return urlencode({**fields, "hash": sign(fields, token)})


async def test_the_mini_app_fills_the_draft_and_the_chat_goes_on(tg):  # noqa: F811
    user = TelegramUser(4242, language_code="fr")
    assert await tg.turn(user, user.text("/start")) == ["ask_language"]
    await tg.turn(user, user.press("lang:fr"))
    assert await tg.turn(user, user.press("yes")) == ["ask_business_name"]
    actions = 3  # /start, language, consent
    client = tg.client
    assert (await client.get("/telegram/form")).status == 200
    actions += 1  # the web_app button
    headers = {"X-Telegram-Init-Data": init_data(user)}
    form = await (await client.get("/api/telegram/form", headers=headers)).json()
    assert form["locale"] == "fr" and form["fields"][0]["name"] == "business_name"
    for seed in (1, 2, 3):
        answer = await client.post("/api/telegram/form/photo", data=photo_form(
            photo_bytes(seed), product="0", init_data=init_data(user)))
        actions += 1
        assert (await answer.json())["added"] is True
    saved = await client.post("/api/telegram/form", headers=headers,
                              json={"scope": "all", "product": 0, "values": VALUES})
    actions += 1
    assert saved.status == 200
    await tg.idle()
    # The conversation goes on in the chat itself: the summary, one tap from sending.
    keys = [r["key"] for r in await tg.replies(user.id)]
    assert keys == ["form_saved", "review_summary"]
    assert await tg.turn(user, user.press("submit")) == ["submitted"]
    actions += 1
    assert actions - 1 <= 8  # /start is opening the chat, as opening the web page is
    draft = await draft_of(tg.db, "telegram", str(user.id))
    assert draft.phone == "+212661234567" and len(draft.products[0].photos) == 3


async def test_a_forged_or_stale_init_data_is_refused_on_every_request(tg):  # noqa: F811
    user = TelegramUser(4343)
    await tg.turn(user, user.text("/start"))
    client = tg.client
    forged = init_data(user).replace("4343", "4344")
    for bad in (forged, init_data(user, age=2 * 86400), init_data(user, token="1:other"), ""):
        headers = {"X-Telegram-Init-Data": bad}
        assert (await client.get("/api/telegram/form", headers=headers)).status == 403
        assert (await client.post("/api/telegram/form", headers=headers,
                                  json={"scope": "all", "values": {}})).status == 403
        answer = await client.post("/api/telegram/form/photo",
                                   data=photo_form(photo_bytes(1), init_data=bad))
        assert answer.status == 403


async def test_each_product_has_its_form_and_a_new_one_is_added_the_same_way(client, db):
    owner = Owner(client)
    await owner.start("fr")
    await owner.press("lang:fr")
    await owner.say("oui")
    url = f"/api/chat/sessions/{owner.session}/form"
    await client.post(url + "/photo", data=photo_form(photo_bytes(1), product="0"))
    assert (await client.post(url, json={"scope": "all", "values": VALUES})).status == 200
    form = await (await client.get(url + "?scope=product&product=1")).json()
    assert form["product"] == 1 and form["products"] == 1
    assert form["products_ui"] == ["Produit 1", "+ Un autre produit"]
    assert [f["name"] for f in form["fields"]][0] == "product_name"
    assert all(f["value"] in (None, 0) for f in form["fields"])  # a new product: empty
    await client.post(url + "/photo", data=photo_form(photo_bytes(2), product="1"))
    saved = await client.post(url, json={"scope": "product", "product": 1, "values": {
        "product_name": "Savon à l'argan", "description": "Savon artisanal.",
        "price": "25", "price_unit": "unit:piece", "moq": "100 pièces"}})
    assert [m["key"] for m in (await saved.json())["messages"]] == ["form_saved",
                                                                    "review_summary"]
    draft = await draft_of(db, "web", owner.session)
    assert [p.name for p in draft.products] == ["Huile d'argan cosmétique", "Savon à l'argan"]
    second = draft.products[1]
    assert (second.price.amount, second.price.unit, second.moq.unit) == (25, "piece", "piece")
    assert len(second.photos) == 1


async def test_a_photo_is_taken_out_by_its_id_and_the_chat_stays_where_it_was(client, db):
    owner = Owner(client)
    await owner.start("fr")
    await owner.press("lang:fr")
    assert await owner.say("oui") == ["ask_business_name"]
    url = f"/api/chat/sessions/{owner.session}/form"
    for seed in (1, 2, 3):
        added = await (await client.post(url + "/photo", data=photo_form(
            photo_bytes(seed), product="0"))).json()
    assert len(added["photos"]) == 3
    form = await (await client.get(url + "?scope=product&product=0")).json()
    # The same photos (their links are signed anew, with the expiry of the moment).
    assert [p["id"] for p in form["photos"]] == [p["id"] for p in added["photos"]]
    shown = await client.get(form["photos"][1]["url"])  # a signed link on the page's origin
    assert shown.status == 200 and shown.content_type.startswith("image/")
    second = form["photos"][1]["id"]
    answer = await client.post(url + "/photo/remove", json={"product": 0, "photo": second})
    body = await answer.json()
    assert body["removed"] is True and body["text"] == "Photo retirée (2 en tout)."
    assert [p["id"] for p in body["photos"]] == [form["photos"][0]["id"],
                                                 form["photos"][2]["id"]]
    draft = await draft_of(db, "web", owner.session)
    assert [p.sha256 for p in draft.products[0].photos] == [p["id"] for p in body["photos"]]
    # Taken out already (another tab): said, nothing else changes.
    again = await (await client.post(url + "/photo/remove",
                                     json={"product": 0, "photo": second})).json()
    assert again["removed"] is False and len(again["photos"]) == 2
    for bad in ({"product": 0, "photo": "../etc"}, {"photo": second}, {"product": "x"}):
        assert (await client.post(url + "/photo/remove", json=bad)).status == 400
    # The chat's own question is still open, where it was.
    assert await owner.say("Coopérative Tifawin") == ["ask_owner_name"]
