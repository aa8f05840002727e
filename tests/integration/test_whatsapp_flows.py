"""The form mode on WhatsApp: a Flow offered under the first business and product
questions, its answer (`InteractiveData`) posted by Twilio, signed, applied through the
form mode (flows.forms) to the conversation's own draft. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from bot.signing import FlowSigner
from storage import submissions
from storage.conversations import state_of
from tests.helpers import photo_bytes
from tests.integration.test_whatsapp import Owner, wa  # noqa: F401

FLOWS = {f"{scope}:{locale}": "HX" + digit * 32 for scope, digit in (("business", "b"),
                                                                       ("product", "f"))
         for locale in ("fr", "ary-Latn", "ary-Arab", "ar")}
# What a Flow's "Save" posts (its `complete` payload, docs/whatsapp-flows/*.json), as
# InteractiveData: a business and a product, with one field left unselected.
DATA = Path(__file__).resolve().parent.parent / "data" / "whatsapp_flows"


def answer(kind: str, token: str, **changes) -> str:
    recorded = json.loads((DATA / f"{kind}.json").read_text(encoding="utf-8"))
    return json.dumps({**recorded, "flow_token": token, **changes}, ensure_ascii=False)


class FlowOwner(Owner):
    """An owner whose every message (a Flow's answer, a photo, a word) is counted."""

    actions = 0

    async def send(self, **fields) -> list[str]:
        self.actions += 1
        return await super().send(**fields)

    def offered(self) -> tuple[str, str]:
        """The Flow sent last: its content SID and its flow_token (the variable)."""
        sent = [m for m in self.wa.fake.messages if m.to == self.address]
        last = sent[-1].form
        return last["ContentSid"][0], json.loads(last["ContentVariables"][0])["1"]

    async def submit(self, kind: str, token: str, **changes) -> list[str]:
        return await self.send(MessageType="interactive", Body="Sent",
                               InteractiveData=answer(kind, token, **changes))


def with_flows(wa):  # noqa: F811
    wa.channel.settings = wa.channel.settings.model_copy(update={"twilio_flow_sids": FLOWS})


async def draft(wa, owner):  # noqa: F811
    return state_of(await wa.conversation(owner.address)).draft


async def test_two_flows_and_the_photos_onboard_a_business_in_nine_actions(wa):  # noqa: F811
    with_flows(wa)
    owner = FlowOwner(wa)
    assert await owner.say("Bonjour, je voudrais inscrire ma coopérative") \
        == ["welcome_found", "ask_consent"]
    assert await owner.say("oui") == ["ask_business_name"]
    # The question as text (it can still be answered in the chat), then its Flow.
    assert "Quel est le nom" in wa.fake.messages[-2].body
    sid, token = owner.offered()
    assert sid == FLOWS["business:fr"]
    assert await owner.submit("business", token) == ["form_saved", "ask_product_name"]
    sid, token = owner.offered()
    assert sid == FLOWS["product:fr"]
    assert await owner.submit("product", token) == ["form_saved", "ask_photos"]
    for seed in (1, 2, 3):  # the photos stay in the conversation
        url = wa.fake.add_media(f"argan-{seed}", photo_bytes(seed))
        assert await owner.photos(url) == ["photo_received"]
    # Nothing else is missing: one word to send.
    assert await owner.say("terminé") == ["review_changed"]
    assert "1. Envoyer le dossier" in owner.last_body
    assert await owner.say("1") == ["submitted"]
    assert owner.actions == 9  # hello, yes, 2 Flows, 3 photos, done, send

    async with wa.db.transaction() as session:
        (view,) = await submissions.views(session)
    business = view.business
    assert (business.name, business.owner_name, business.city, business.sector) == (
        "Coopérative Tifawin", "Fatima Zahra Amrani", "Agadir", "argan")
    assert business.phone == "+212612345678"  # WhatsApp vouches for it: never asked
    (item,) = view.products
    assert item.product.name == "Huile d'argan cosmétique" and len(item.media) == 3
    assert (item.product.price_unit, item.product.moq_unit) == ("l", "l")


async def test_a_forged_foreign_or_replayed_token_applies_nothing(wa):  # noqa: F811
    with_flows(wa)
    owner = FlowOwner(wa)
    await owner.say("Bonjour, je voudrais inscrire ma coopérative")
    await owner.say("oui")
    _sid, token = owner.offered()
    forged = token[:-4] + ("0000" if not token.endswith("0000") else "1111")
    assert await owner.submit("business", forged) == ["notice_flow_refused",
                                                      "ask_business_name"]
    # Signed for this chat only: another owner posting it is refused too.
    other = FlowOwner(wa, wa_id="212698765432", profile="Hassan")
    await other.say("Bonjour, je voudrais inscrire ma coopérative")
    await other.say("oui")
    assert await other.submit("business", token) == ["notice_flow_refused",
                                                     "ask_business_name"]
    assert (await draft(wa, owner)).business_name is None
    assert (await draft(wa, other)).business_name is None
    # A token of ours, but made with another key, or expired: refused alike.
    stale = FlowSigner(wa.channel.settings.secret).token(owner.address, "business", 1.0e9)
    assert await owner.submit("business", stale) == ["notice_flow_refused",
                                                     "ask_business_name"]
    assert await owner.send(MessageType="interactive", Body="Sent",
                            InteractiveData="{not json") == ["notice_flow_refused",
                                                             "ask_business_name"]
    # The genuine answer is taken once; the same offer posted again is not.
    assert await owner.submit("business", token) == ["form_saved", "ask_product_name"]
    assert await owner.submit("business", token, business_name="Autre nom") \
        == ["form_taken", "ask_product_name"]
    assert (await draft(wa, owner)).business_name == "Coopérative Tifawin"


async def test_wrong_values_are_named_per_field_and_the_rest_is_kept(wa):  # noqa: F811
    with_flows(wa)
    owner = FlowOwner(wa)
    await owner.say("Bonjour, je voudrais inscrire ma coopérative")
    await owner.say("oui")
    _sid, token = owner.offered()
    await owner.submit("business", token)
    _sid, token = owner.offered()
    keys = await owner.submit("product", token, price="très cher", moq="",
                              price_unit="", moq_unit="", unknown_field="x")
    assert keys == ["form_not_saved", "ask_photos"]
    body = owner.last_body
    assert "• Prix :" in body  # the field, then what the price question expects
    product = (await draft(wa, owner)).products[0]
    assert product.name == "Huile d'argan cosmétique" and product.price is None
    assert product.description.startswith("Huile pressée")
    # The same Flow, its price corrected: taken (the offer was not taken whole).
    assert await owner.submit("product", token, price_unit="") == ["form_saved", "ask_photos"]
    assert (await draft(wa, owner)).products[0].price.amount == 150
    assert await owner.submit("product", token) == ["form_taken", "ask_photos"]


async def test_without_a_flow_for_the_locale_the_conversation_goes_on_as_text(wa):  # noqa: F811
    wa.channel.settings = wa.channel.settings.model_copy(update={
        "twilio_flow_sids": {"business:ary-Latn": FLOWS["business:ary-Latn"]}})
    owner = FlowOwner(wa)
    await owner.say("Bonjour, je voudrais inscrire ma coopérative")
    assert await owner.say("oui") == ["ask_business_name"]
    assert "ContentSid" not in wa.fake.messages[-1].form  # French: no Flow configured
