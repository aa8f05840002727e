"""Issue 18 in the web chat's JSON: a product the matcher is unsure of is asked once, a
certificate's photo goes through the media pipeline and is kept with what it shows, and the
summary lists the buyers' answers. SQLite and PostgreSQL."""

from __future__ import annotations

from sqlmodel import select

from storage import conversations
from storage.conversations import state_of
from storage.models import Media
from tests.helpers import Owner, photo_bytes


async def to_the_certificate(owner: Owner) -> None:
    await owner.start("fr-FR")
    for action, value in (("press", "lang:fr"), ("say", "oui"), ("say", "Atelier Chouara"),
                          ("say", "Karim Tazi"), ("say", "Fès"), ("press", "sector:leather"),
                          ("press", "skip"), ("say", "06 61 23 45 67"), ("press", "skip"),
                          ("say", "Babouches")):
        await getattr(owner, action)(value)
    assert await owner.photo(photo_bytes(1)) == ["photo_received"]
    assert await owner.press("done") == ["ask_description"]
    # Embroidered or plain leather? The matcher is unsure: asked once, in a single turn.
    assert await owner.say("Babouches brodées à la main.") == ["ask_product_type"]
    buttons = [b["payload"] for b in owner.question["buttons"]]
    assert buttons == ["type:babouches_embroidered", "type:babouches_leather", "type:none"]
    assert await owner.press("type:babouches_embroidered") == ["ask_price"]
    for action, value, keys in (
            ("say", "120 dh la paire", ["ask_moq"]),
            ("say", "50 paires", ["readiness_tip", "ask_more_products"]),
            ("press", "no", ["ask_buyer_questions"]), ("press", "yes", ["ask_capacity"]),
            ("press", "skip", ["ask_lead_time"]), ("press", "skip", ["ask_certifications"]),
            ("press", "cert:fairtrade", ["ask_certifications_more"]),
            ("press", "done", ["ask_certificate"]),
            ("say", "FLOCERT n° 34567, valable jusqu'au 31/12/2027",
             ["certificate_noted", "ask_doc_photo"])):
        assert await getattr(owner, action)(value) == keys, (value, owner.keys)


async def test_a_certificates_photo_is_stored_with_its_kind(client, db):
    owner = Owner(client)
    await to_the_certificate(owner)
    assert owner.question["expects"] == "photo"
    # Words where a photo is awaited: what is expected, the same skip button, nothing lost.
    assert await owner.say("je l'ai pas ici") == ["expected_doc_photo"]
    assert [b["payload"] for b in owner.question["buttons"]] == ["skip"]
    assert await owner.photo(photo_bytes(7)) == ["doc_photo_received", "ask_export"]

    async with db.transaction() as session:
        state = state_of(await conversations.find(session, "web", owner.session))
        [kept] = state.draft.buyer.photos
        media = (await session.execute(select(Media).where(Media.id == kept.media_id))).scalar_one()
    assert kept.of == "certificate:fairtrade"
    assert media.kind == "photo" and media.sha256 == kept.sha256 and media.width > 0
    assert state.draft.products[0].type == "babouches_embroidered"
    cert = state.draft.buyer.certifications[0]
    assert (cert.body, cert.number, cert.asked) == ("FLOCERT", "34567", True)

    for action, value, keys in (("press", "export:never", ["ask_packaging"]),
                                ("press", "skip", ["review_summary"])):
        assert await getattr(owner, action)(value) == keys
    summary = owner.question["text"]
    assert "🤝 Pour les acheteurs :" in summary
    assert "• 🏅 Commerce équitable : FLOCERT, n° 34567, valable jusqu'au 31/12/2027 📷" \
        in summary
    assert "• Export : Jamais" in summary
