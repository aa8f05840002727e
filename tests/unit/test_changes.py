"""Changes after sending (flows/changes.py): each kind of change, by buttons and by words,
ends in one line and, once sent, in a new revision under review."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bot.i18n import catalog
from flows.engine import step
from flows.model import (
    Amount,
    Context,
    ConversationState,
    Draft,
    DraftSubmitted,
    Input,
    MediaRef,
    Photo,
    ProductDraft,
    Reply,
)

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def product(name: str, photos: int = 2) -> ProductDraft:
    return ProductDraft(name=name, description="Pressée à froid.",
                        photos=[Photo(media_id=10 * len(name) + i, sha256=f"{i:064x}")
                                for i in range(photos)],
                        price=Amount(amount=Decimal(150), unit="l"),
                        moq=Amount(amount=Decimal(20), unit="l"))


def sent(*products: ProductDraft, language="fr", script="Latn", decision=None,
         note=None) -> ConversationState:
    """A draft sent for review once (revision 1), as the engine leaves it."""
    draft = Draft(business_name="Coopérative Tifawin", owner_name="Fatima Amrani", city="Agadir",
                  city_id="agadir", region="souss-massa", sector="argan",
                  phone="+212661234567",
                  products=list(products) or [product("Huile d'argan")])
    return ConversationState(step="submitted", language=language, script=script,
                             consent_at=NOW, draft=draft, revision=1, decision=decision,
                             decision_note=note)


class Chat:
    def __init__(self, state: ConversationState, review_time=None):
        self.state = state
        self.ctx = Context(now=NOW, channel="web", lexicon=catalog().lexicon(),
                           review_time=review_time)
        self.replies: list[Reply] = []
        self.effects: list = []

    def __call__(self, text: str | None = None, *, payload: str | None = None,
                 photo: int | None = None) -> list[str]:
        media = (MediaRef(500 + photo, "photo", f"{500 + photo:064x}", 1200, 900),) \
            if photo is not None else ()
        self.state, self.effects = step(self.state, Input(text=text, payload=payload,
                                                          media=media), self.ctx)
        self.replies = [e for e in self.effects if isinstance(e, Reply)]
        return [r.key for r in self.replies]

    def text(self, i: int = -1) -> str:
        return catalog().render(self.state.locale, self.replies[i]).text

    @property
    def payloads(self) -> list[str]:
        return [b.payload for b in self.replies[-1].buttons]

    @property
    def submitted(self) -> list[int]:
        return [e.revision for e in self.effects if isinstance(e, DraftSubmitted)]


def test_the_sent_message_offers_a_change_and_its_button_opens_the_menu():
    chat = Chat(sent())
    assert chat("salam") == ["already_submitted"]
    assert chat.payloads == ["change"]
    assert chat(payload="change") == ["change_menu"]
    assert chat.payloads == ["change:price", "change:photos", "change:description",
                             "change:moq", "change:add_product", "change:remove_product",
                             "change:none"]
    assert chat(payload="change:none") == ["change_nothing"]
    assert chat.state.step == "submitted" and chat.state.change is None
    assert chat.submitted == [] and chat.state.revision == 1


@pytest.mark.parametrize(("said", "language", "script", "first"), [
    ("bghit nbdl lprix", "ary", "Latn", "ask_price"),
    ("بغيت نبدل الثمن", "ary", "Arab", "ask_price"),
    ("changer le prix", "fr", "Latn", "ask_price"),
    ("modifier", "fr", "Latn", "change_menu"),
    ("أريد تعديل", "ar", "Arab", "change_menu"),
    ("zid produit", "ary", "Latn", "ask_product_name"),
    ("بغيت نبدل التصويرة", "ary", "Arab", "change_photos"),
])
def test_words_in_each_language_and_script_lead_to_the_change(said, language, script, first):
    chat = Chat(sent(language=language, script=script))
    assert chat(said) == [first]


def test_a_price_changed_is_confirmed_in_one_line_and_sent_as_a_new_revision():
    chat = Chat(sent(), review_time=(2, "working_days"))
    assert chat("changer le prix") == ["ask_price"]
    assert chat("180 DH le litre") == ["change_done_field"]
    assert "Prix" in chat.text() and "produit 1" in chat.text()
    assert chat.payloads[0] == "send_changes"
    assert chat.state.draft.products[0].price.amount == Decimal(180)
    assert chat.submitted == []  # nothing reaches the admins before "send"
    assert chat(payload="send_changes") == ["changes_sent"]
    assert chat.submitted == [2] and chat.state.revision == 2
    assert "2 jours ouvrés" in chat.text()
    assert chat.state.step == "submitted" and chat.state.change is None
    # Asked later: the changes are under review, and can be changed again.
    assert chat("bonjour") == ["changes_under_review"]
    assert chat.payloads == ["change"]


def test_a_live_storefront_stays_as_it_is_while_the_change_is_reviewed():
    url = "https://marketplace.example.com/store/sf-1"
    chat = Chat(sent(decision="live", note=url), review_time=(48, "hours"))
    chat("changer la description")
    assert chat("Huile bio, pressée à froid à Agadir.") == ["change_done_field"]
    assert chat(payload="send_changes") == ["changes_sent_live"]
    assert "reste en ligne" in chat.text() and "48 heures" in chat.text()
    assert chat("salut") == ["changes_under_review_live"]
    assert url in chat.text()


@pytest.mark.parametrize(("locale", "language", "script", "moq", "words", "live"), [
    ("ary-Arab", "ary", "Arab", "50 لتر", "جوج أيام ديال الخدمة", "باقا طالعة"),
    ("ary-Latn", "ary", "Latn", "50 litre", "jouj iyam dyal l khedma", "b9a tal3a"),
    ("ar", "ar", "Arab", "50 لتر", "يومَي عمل", "تبقى صفحتكم منشورة"),
    ("fr", "fr", "Latn", "50 litres", "2 jours ouvrés", "reste en ligne"),
])
def test_the_review_time_is_said_in_the_owners_language(locale, language, script, moq, words,
                                                        live):
    chat = Chat(sent(language=language, script=script, decision="live",
                     note="https://m.example/s/1"), review_time=(2, "working_days"))
    chat(payload="change:moq")
    assert chat(moq) == ["change_done_field"]
    assert chat(payload="send_changes") == ["changes_sent_live"]
    assert chat.state.locale == locale and words in chat.text() and live in chat.text()


def test_the_minimum_order_is_changed():
    chat = Chat(sent())
    assert chat(payload="change:moq") == ["ask_moq"]
    assert chat("50 litres") == ["change_done_field"]
    assert chat.state.draft.products[0].moq.amount == Decimal(50)


def test_a_photo_is_replaced_added_and_removed():
    chat = Chat(sent(product("Huile d'argan", photos=2)))
    kept = [p.media_id for p in chat.state.draft.products[0].photos]
    assert chat(payload="change:photos") == ["change_photos"]
    assert chat.payloads[:3] == ["photo_replace", "photo_add", "photo_remove"]
    assert chat(payload="photo_replace") == ["photo_fix"]
    assert chat(photo=1) == ["photo_which"]
    assert chat(payload="photo:1") == ["photo_replaced", "photo_received"]
    assert chat(payload="done") == ["change_done_field"]
    assert [p.media_id for p in chat.state.draft.products[0].photos] == [kept[1], 501]

    chat(payload="change:photos")
    assert chat(payload="photo_add") == ["ask_photos"]
    assert chat(photo=2) == ["photo_received"]
    assert chat(payload="done") == ["change_done_field"]
    assert len(chat.state.draft.products[0].photos) == 3

    chat(payload="change:photos")
    assert chat(payload="photo_remove") == ["change_photo_which"]
    assert chat(payload="photo:1") == ["change_done_field"]
    assert [p.media_id for p in chat.state.draft.products[0].photos] == [501, 502]
    assert chat.state.change.made == ["field_photos"] * 3


def test_the_last_photo_is_replaced_not_removed():
    chat = Chat(sent(product("Huile d'argan", photos=1)))
    chat(payload="change:photos")
    assert chat(payload="photo_remove") == ["change_last_photo", "change_photos"]
    assert len(chat.state.draft.products[0].photos) == 1


def test_a_product_is_added_then_another_removed():
    chat = Chat(sent(product("Huile d'argan"), product("Savon beldi")))
    assert chat("ajouter un produit") == ["ask_product_name"]
    assert chat("Amlou") == ["ask_photos"]
    assert chat(photo=3) == ["photo_received"]
    assert chat(payload="done") == ["ask_description"]
    assert chat("Amandes, argan et miel.") == ["ask_price"]
    assert chat("90 DH le kilo") == ["ask_moq"]
    assert chat("10 kg") == ["change_done_added"]  # not "one more product?"
    assert "Amlou" in chat.text()
    assert [p.name for p in chat.state.draft.products] == ["Huile d'argan", "Savon beldi",
                                                            "Amlou"]
    assert chat(payload="change:remove_product") == ["change_which_product"]
    assert chat.payloads == ["product:1", "product:2", "product:3", "back"]
    assert chat(payload="product:2") == ["change_done_removed"]
    assert "Savon beldi" in chat.text()
    assert [p.name for p in chat.state.draft.products] == ["Huile d'argan", "Amlou"]
    assert chat(payload="send_changes") == ["changes_sent"] and chat.submitted == [2]


def test_the_only_product_is_never_removed():
    chat = Chat(sent())
    assert chat(payload="change:remove_product") == ["change_last_product", "change_menu"]
    assert len(chat.state.draft.products) == 1


def test_a_product_added_half_way_is_finished_before_the_changes_go():
    chat = Chat(sent())
    chat(payload="change:price")
    chat("200 DH le litre")
    chat(payload="change:add_product")
    chat("Amlou")
    chat(photo=3)
    assert chat("retour") == ["ask_product_name"]
    assert chat("retour") == ["change_menu"]  # the menu again, the new product half-done
    assert chat(payload="send_changes") == ["change_incomplete", "ask_price"]
    assert chat.submitted == []


def test_of_several_products_the_owner_says_which():
    chat = Chat(sent(product("Huile d'argan"), product("Savon beldi")))
    assert chat(payload="change:description") == ["change_which_product"]
    assert chat("2") == ["ask_description"]
    assert chat("Savon noir à l'huile d'olive.") == ["change_done_field"]
    assert chat.state.draft.products[1].description == "Savon noir à l'huile d'olive."
    assert chat.state.draft.products[0].description == "Pressée à froid."


def test_back_from_a_change_question_returns_to_the_menu_and_nothing_starts_over():
    chat = Chat(sent())
    chat(payload="change:price")
    assert chat("retour") == ["change_menu"]
    assert chat("recommencer") == ["cannot_restart_submitted"]
    assert chat.payloads[0] == "change:price"  # the menu's choices stay under it
    assert chat.state.draft.business_name == "Coopérative Tifawin"


@pytest.mark.parametrize("said", ["modifier", "changer le prix"])
def test_a_rejected_draft_is_revised_from_its_summary(said):
    chat = Chat(sent(decision="rejected", note="Produit interdit."))
    assert chat("status") == ["status_rejected"]
    assert chat.payloads == ["change"]
    assert chat(said) == ["review_summary"]  # the whole draft, to revise and send again
    assert chat.state.step == "review" and chat.state.change is None


def test_a_sent_change_approved_then_updated_tells_the_owner():
    chat = Chat(sent(decision="changes"))
    chat.state, effects = step(chat.state, Input(event={"kind": "approved", "update": True}),
                               chat.ctx)
    assert [e.key for e in effects] == ["decision_changes_approved"]
    chat.state, effects = step(chat.state, Input(event={"kind": "updated",
                                                        "url": "https://m.example/s/1"}),
                               chat.ctx)
    assert [e.key for e in effects] == ["decision_updated"]
    assert chat.state.decision == "live"


def test_a_state_without_a_change_is_stored_as_before():
    assert "change" not in sent().model_dump(mode="json")
    chat = Chat(sent())
    chat(payload="change")
    stored = chat.state.model_dump(mode="json")
    assert stored["change"] == {"made": []}
    assert ConversationState.model_validate(stored).change is not None


def test_after_changes_were_requested_the_same_words_open_the_same_changes():
    state = sent(product("Huile d'argan"), product("Savon beldi"))
    chat = Chat(state)
    chat.state, _ = step(chat.state, Input(event={
        "kind": "changes_requested", "items": [], "note": "Le prix du savon ?"}), chat.ctx)
    assert chat.state.step == "review"
    assert chat("retirer un produit") == ["change_which_product"]
    assert chat(payload="product:1") == ["change_done_removed"]
    assert chat(payload="send_changes") == ["changes_sent"]
    assert chat.submitted == [2]
    assert [p.name for p in chat.state.draft.products] == ["Savon beldi"]


def test_before_anything_was_sent_the_review_reads_change_words_as_before():
    state = sent()
    state.step, state.revision = "review", 0
    chat = Chat(state)
    assert chat("retirer un produit") == ["invalid_choice"]
    assert chat.state.change is None and chat.state.step == "review"


def test_a_quiet_owner_with_changes_not_sent_is_reminded_of_them():
    chat = Chat(sent())
    chat(payload="change:price")
    chat("170 DH le litre")
    chat.state, effects = step(chat.state, Input(event={"kind": "reminder", "n": 1}), chat.ctx)
    assert [e.key for e in effects] == ["change_reminder", "change_menu"]


def test_the_review_time_setting_is_a_number_and_a_unit(monkeypatch, tmp_path, capsys):
    from bot.cli import main
    from bot.settings import Settings

    assert Settings(_env_file=None, review_time_hint="2 working days").review_time == (
        2, "working_days")
    assert Settings(_env_file=None, review_time_hint="48h").review_time == (48, "hours")
    assert Settings(_env_file=None).review_time is None
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("REVIEW_TIME_HINT", "bientôt")
    try:
        code = main(["serve"])
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("REVIEW_TIME_HINT: ") and err.count("\n") == 1 and "bientôt" in err
