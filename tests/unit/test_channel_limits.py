"""Every question, in every locale, on every channel, fits what the channel accepts.

WhatsApp's interactive messages (a question's Content API template): quick replies hold
at most 3 buttons of at most 20 characters, a list picker at most 10 rows of at most 24.
Telegram's callback data is at most 64 bytes. A question that breaks one of these is
refused by WhatsApp or Telegram, so the owner would see nothing at all.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import LOCALES, catalog
from flows import console
from flows.choices import (
    LIST_ROWS,
    LIST_TITLE_MAX,
    PAYLOAD_MAX,
    QUICK_REPLIES,
    QUICK_TITLE_MAX,
)
from flows.engine import Reading, step
from flows.model import (
    MAX_PHOTOS,
    Amount,
    ChangePhotos,
    ChangeProduct,
    ChangeSession,
    CitySuggestions,
    ConfirmPrice,
    ConfirmRestart,
    Context,
    ConversationState,
    Draft,
    EditMenu,
    Input,
    MoqUnit,
    MoreChoices,
    Photo,
    PhotoAdvice,
    PhotoChoice,
    PhotoFix,
    PhotoRemove,
    ProductDraft,
    Reply,
)
from flows.steps import PENDING, STEPS

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
CHANNELS = ("whatsapp", "telegram", "web", "terminal")
LONG = "Huile d'argan cosmétique bio pressée à froid de la coopérative Tifawin " * 2


def full_state(products: int) -> ConversationState:
    """A draft as long as owners make them: names of 120 characters, many products."""
    draft = Draft(business_name=LONG[:120], owner_name="Fatima Zahra Ait Oufkir", city="Tafraout",
                  sector="argan", phone="+212612345678",
                  products=[ProductDraft(name=LONG[:120], description=LONG,
                                         photos=[Photo(media_id=1)],
                                         price=Amount(amount=150, unit="kg"),
                                         moq=Amount(amount=5, unit="piece"))
                            for _ in range(products)])
    return ConversationState(step="review", language="fr", draft=draft, product=0,
                             profile_name="Fatima Zahra Ait Oufkir Benali El Idrissi",
                             consent_at=NOW)


PENDINGS = (
    None,
    ConfirmRestart(),
    CitySuggestions(typed="Tafrawt", suggested=["tafraout", "taroudant", "tiznit"]),
    ConfirmPrice(price=Amount(amount=15, unit="kg"), said="300", currency="ryal"),
    EditMenu(scope="business"),
    EditMenu(scope="product"),
    PhotoAdvice(media_id=1, tips=["dark", "blurry"]),
    MoqUnit(amount=100),
    PhotoFix(),
    PhotoChoice(media_id=1),
    *(MoreChoices(page=n) for n in range(3)),
    *(ChangeProduct(change="remove_product", page=n) for n in range(2)),
    ChangePhotos(),
    PhotoRemove(),
)


def questions(channel: str) -> list[Reply]:
    """Every question an owner can be asked, with every sub-question and page of it."""
    ctx = Context(now=NOW, channel=channel, lexicon=catalog().lexicon())
    asked: list[Reply] = []
    for products, editing in ((1, False), (3, True), (12, False)):
        for step_id in STEPS:
            for pending in PENDINGS:
                state = full_state(products)
                state.step, state.pending, state.editing = step_id, pending, editing
                turn = Reading(state, Input(), ctx)
                kind = pending.kind if pending else None
                asked.append(PENDING[kind](turn) if kind else turn.ask())
    # The agent's console: the menu, the phone question, a long list of businesses.
    listings = [console.Listing(i, LONG[:120], "draft") for i in range(30)]
    asked += [console.menu(), console.ask_phone(), console.business_list(listings)]
    # A question's start after a sentence in another language: the offer to switch.
    state, effects = step(ConversationState(step="business_name", language="fr",
                                            consent_at=NOW),
                          Input(text="السلام عليكم، سميت الشركة ديالنا تعاونية الأمل للأركان"),
                          ctx)
    asked += [e for e in effects if isinstance(e, Reply)]
    # The first turn in a known language: consent with "other language" beside Yes and No.
    _, effects = step(ConversationState(), Input(text="Bonjour, je voudrais inscrire mon "
                                                      "entreprise"), ctx)
    asked += [e for e in effects if isinstance(e, Reply)]
    # A new photo beside the most a product keeps: which of them does it replace?
    state = full_state(1)
    state.step = "photos"
    state.draft.products[0].photos = [Photo(media_id=i) for i in range(1, MAX_PHOTOS + 2)]
    state.pending = PhotoChoice(media_id=MAX_PHOTOS + 1)
    asked.append(PENDING["photo_choice"](Reading(state, Input(), ctx)))
    # Changes after sending, once something changed: "send the changes" among the choices.
    state = full_state(3)
    state.step, state.change = "change", ChangeSession(made=["field_price"])
    asked.append(STEPS["change"].ask(Reading(state, Input(), ctx)))
    # One line after an edit, its choices those of the review with the summary among them.
    state = full_state(12)
    state.step, state.editing = "price", True
    _, effects = step(state, Input(text="350 DH le kilo"), ctx)
    asked += [e for e in effects if isinstance(e, Reply)]
    return asked


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_question_fits_whatsapp_and_telegram(locale, channel):
    cat = catalog()
    problems = []
    replies = questions(channel)
    assert any(len(r.buttons) > QUICK_REPLIES for r in replies)  # lists are checked too
    keys = {r.key for r in replies}  # firstturn's questions are among those checked
    assert {"ask_consent", "photo_which", "review_changed", "ask_moq_unit", "photo_fix",
            "change_menu", "change_which_product", "change_photos", "change_photo_which"} <= keys
    for reply in replies:
        rendered = cat.render(locale, reply)
        labels = [label for label, _payload in rendered.buttons]
        if len(labels) > LIST_ROWS:
            problems.append((reply.key, f"{len(labels)} choices"))
        limit = QUICK_TITLE_MAX if len(labels) <= QUICK_REPLIES else LIST_TITLE_MAX
        problems += [(reply.key, label) for label in labels if len(label) > limit]
        problems += [(reply.key, payload) for _label, payload in rendered.buttons
                     if len(payload.encode()) > PAYLOAD_MAX]
    assert not problems


def test_long_lists_offer_the_most_common_first_and_the_rest_on_a_second_page():
    ctx = Context(now=NOW, channel="whatsapp", lexicon=catalog().lexicon())
    state = ConversationState(step="sector", language="fr", consent_at=NOW)
    state, effects = step(state, Input(text="10"), ctx)  # the tenth row: "other choices…"
    page2 = [e for e in effects if isinstance(e, Reply)][-1]
    assert [b.payload for b in page2.buttons] == ["sector:wood_metal", "sector:other", "more"]
    state, _ = step(state, Input(text="1"), ctx)  # "1" is the first row of the page shown
    assert state.draft.sector == "wood_metal"


def test_a_choice_on_another_page_is_still_understood_by_its_words():
    ctx = Context(now=NOW, channel="whatsapp", lexicon=catalog().lexicon())
    state = ConversationState(step="sector", language="fr", consent_at=NOW)
    state, _ = step(state, Input(text="menuiserie"), ctx)
    assert state.draft.sector == "wood_metal"
    assert state.step == "ice"


def test_products_are_corrected_by_number_not_by_name():
    reply = Reading(full_state(2), Input(), Context(now=NOW, channel="whatsapp",
                                                    lexicon=catalog().lexicon())).ask()
    labels = [catalog().label("fr", b) for b in reply.buttons]
    assert "Corriger le produit 2" in labels
    assert not any("argan" in label.lower() for label in labels)
