"""Every concept of the conversation on one page.

The engine (`flows.engine.step`) is a pure function:

    step(state, input, ctx) -> (state, effects)

`Input` is what the owner sent, already made channel-neutral; `Effect`s are
what the caller must do afterwards (send a `Reply`, record a submission).
`Turn` is what a step's handler may do with the input being read (the engine
implements it; flows.steps, flows.commands and flows.events only know this page).
Nothing here knows about HTTP, databases or any channel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, Field, model_serializer

from flows.hours import Hours

LANGUAGES = ("ary", "fr", "ar")
SCRIPTS = ("Arab", "Latn")
MAX_PHOTOS = 8
# The consent's text (ask_consent, every locale): bumped when its meaning changes, so that
# every owner who agreed to an older one is asked again (flows.privacy). 1: the text before
# versions (no ICE, e-mail or voice notes named; the marketplace "sees" the data in French,
# "publishes" it in Arabic and Darija).
CONSENT_VERSION = 2
NOTICES = ("edited", "file_too_large", "contact_not_yours", "unsupported", "agent_linked",
           "referral_invalid", "flow_refused")


class Expect(StrEnum):
    """What the bot waits for after a message."""

    TEXT = "text"
    PHOTO = "photo"
    CHOICE = "choice"
    NONE = "none"


def locale_for(language: str | None, script: str | None) -> str:
    """The locale a conversation is answered in: Darija follows the owner's script."""
    if language == "ary":
        return "ary-Latn" if script == "Latn" else "ary-Arab"
    if language in ("fr", "ar"):
        return language
    return "ary-Arab"


# --- what the owner sent -------------------------------------------------


@dataclass(frozen=True)
class MediaRef:
    """A file the channel adapter already stored (or refused)."""

    media_id: int | None
    kind: str  # "photo", "audio" or "invalid"
    sha256: str = ""
    width: int = 0
    height: int = 0
    reason: str = ""  # for "invalid": why it was refused
    advice: tuple[str, ...] = ()  # photo quality: "too_small", "blurry", "dark", "bright"
    phash: str = ""  # perceptual hash, to spot the same photo sent twice


@dataclass(frozen=True)
class Input:
    text: str | None = None
    payload: str | None = None
    media: tuple[MediaRef, ...] = ()
    contact_phone: str | None = None  # a phone the channel vouches for
    locale_hint: str | None = None  # e.g. Telegram's language_code
    is_start: bool = False  # a new session (web chat opened, /start)
    profile_name: str | None = None  # the name on the owner's account (WhatsApp ProfileName)
    referral: str | None = None  # deep-link code ("/start agent-<code>"), checked by channel
    # Something the channel noticed that the owner should hear about:
    # "edited", "file_too_large", "contact_not_yours", "unsupported" (see NOTICES).
    notice: str | None = None
    event: dict[str, Any] | None = None  # from outside the chat: a decision, a reminder
    # A shared location, already reduced by the channel (flows.parsing.nearby.place_of) to
    # the nearest town's id, "abroad" or "unreadable": coordinates never reach the state.
    place: str | None = None
    # Messages held for the owner (WhatsApp's window) go out with this turn, ending with the
    # open question: a mere greeting needs no answer of its own.
    released: bool = False
    # A form's submission (web chat's form mode, the Telegram Mini App): flows.forms.step.
    form: dict[str, Any] | None = None


@dataclass(frozen=True)
class PrivacyTerms:
    """What the consent tells owners about their data, from the settings (law 09-08)."""

    contact: str = ""  # PRIVACY_CONTACT: whom to write to; "" this chat
    draft_days: int = 180  # DRAFT_RETENTION_DAYS: an abandoned draft is erased after
    rejected_days: int = 365  # REJECTED_RETENTION_DAYS: a rejected submission, after


@dataclass(frozen=True)
class Context:
    """What the engine may know about the world, passed in so it stays pure."""

    now: datetime
    channel: str
    lexicon: Lexicon
    channel_phone: str | None = None  # WhatsApp gives the number; web does not
    # A field agent is answering for the owner (flows.console): the owner confirms later.
    assisting: bool = False
    privacy: PrivacyTerms = field(default_factory=PrivacyTerms)
    support_hours: Hours | None = None  # SUPPORT_HOURS: when a person answers (flows.support)
    # How long a review usually takes (REVIEW_TIME_HINT): (count, "hours"|"days"|"working_days").
    review_time: tuple[int, str] | None = None
    # How that owner is asked to agree (bot/assist.py); None: by WhatsApp alone.
    owner_reach: OwnerReach | None = None


@dataclass(frozen=True)
class OwnerReach:
    """The ways to the owner of a draft an agent filled in: their own WhatsApp when it is
    configured and the draft is theirs there; always a signed link (and its QR code) that
    opens the draft in the owner's own web chat."""

    whatsapp: bool
    link: str
    qr: str
    days: int  # how long the link works


@dataclass(frozen=True)
class Lexicon:
    """Words owners may type back, in every language, by intent.

    Built from the locale files (`words_*` keys and button labels), so
    translators own them; matching is done on normalised text.
    """

    words: dict[str, frozenset[str]] = field(default_factory=dict)  # normalised -> intents

    def intents_for(self, normalised: str) -> frozenset[str]:
        return self.words.get(normalised, frozenset())


# --- what the bot does ---------------------------------------------------


@dataclass(frozen=True)
class Msg:
    """A locale key with its parameters; parameters may nest other Msgs."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Button:
    label: Msg
    payload: str


@dataclass(frozen=True)
class Reply:
    msg: Msg
    buttons: tuple[Button, ...] = ()
    expects: Expect = Expect.NONE
    asks_contact: bool = False  # a channel that can share the owner's number offers it
    asks_location: bool = False  # a channel that can share a location offers it (a button)
    image: str | None = None  # a picture sent with the words (absolute URL of a PNG)
    link: str | None = None  # a web address in the words: the web chat offers open/copy/share
    # Choices on another page of a long list (flows.choices.page): still chosen by their words.
    more: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.msg.key


@dataclass(frozen=True)
class DraftSubmitted:
    """The owner confirmed the draft: storage records a submission."""

    revision: int


@dataclass(frozen=True)
class OwnerConfirmation:
    """An agent finished a draft for an owner: ask the owner, on their own phone, to
    agree and send it (the submission waits for their answer). `whatsapp`: it goes to
    their WhatsApp; otherwise the agent shows them the link (`Context.owner_reach`)."""

    whatsapp: bool = True


@dataclass(frozen=True)
class TellAgent:
    """News for the field agent who helped with this draft, in their own chat."""

    msg: Msg


@dataclass(frozen=True)
class EraseOwner:
    """The owner confirmed "delete my data": storage erases them (storage.erasure); the
    replies of this turn are the last the bot sends them."""


@dataclass(frozen=True)
class OwnerDataAsked:
    """The owner asked for their data ("my data"): the caller, who can read the database
    and sign links, puts the summary and the download link here (flows.privacy.summary)."""


@dataclass(frozen=True)
class SupportRequested:
    """The owner asked for a person: storage opens a support request staff see in /admin."""


Effect = (Reply | DraftSubmitted | OwnerConfirmation | TellAgent | EraseOwner | OwnerDataAsked
          | SupportRequested)


# --- the state kept between messages (stored as JSON) --------------------


class Photo(BaseModel):
    media_id: int
    sha256: str = ""
    width: int = 0
    height: int = 0
    phash: str = ""


class Amount(BaseModel):
    amount: Decimal
    amount_max: Decimal | None = None
    unit: str | None = None


class Capacity(BaseModel):
    """How much the owner can make (flows.buyerq): a quantity of a unit per period."""

    quantity: Decimal
    unit: str
    per: str = "month"  # day, week, month, year (flows.parsing.periods)


class LeadTime(BaseModel):
    """How long a first order takes, as said ("3 simanat") and in days."""

    quantity: Decimal
    unit: str  # day, week, month
    days: int


class Certification(BaseModel):
    kind: str  # flows.buyerq.CERTIFICATIONS
    body: str | None = None  # the issuing body, when the owner named one we know
    number: str | None = None
    expires: date | None = None
    asked: bool = False  # its details were asked (answered or skipped)


def _without_unset(data, names: tuple[str, ...]):
    """Fields added later, written only when they hold something: a state that never
    used them is stored exactly as before (golden transcripts, older processes)."""
    if isinstance(data, dict):
        for name in names:
            if data.get(name) in (None, [], {}):
                data.pop(name, None)
    return data


class DocPhoto(Photo):
    """A photo of a paper or of the packaging, from the same media pipeline as a product's
    photos: `of` says what it shows ("certificate:organic", "packaging"; flows.buyerq)."""

    of: str


class BuyerAnswers(BaseModel):
    """The business's answers to the buyers' questions (flows.buyerq); None: not asked."""

    certifications: list[Certification] = Field(default_factory=list)
    certified: bool | None = None  # None: skipped; False: none; True: the list above
    fda: str | None = None  # yes, no, unknown (food and cosmetics only)
    export: str | None = None  # never, few, regular
    export_countries: list[str] = Field(default_factory=list)
    packaging: str | None = None
    photos: list[DocPhoto] = Field(default_factory=list)  # certificates, packaging

    @model_serializer(mode="wrap")
    def _written(self, handler):
        return _without_unset(handler(self), ("photos",))

    def photos_of(self, of: str) -> list[DocPhoto]:
        return [p for p in self.photos if p.of == of]


class ProductDraft(BaseModel):
    name: str | None = None
    photos: list[Photo] = Field(default_factory=list)
    description: str | None = None
    voice_media_id: int | None = None  # a spoken description (a voice note)
    price: Amount | None = None
    moq: Amount | None = None
    capacity: Capacity | None = None
    lead_time: LeadTime | None = None
    # The type the owner chose when the matcher was unsure (flows.producttype; None with
    # type_asked set: "none of these"), and the words it was chosen for: a new name or
    # description asks again.
    type: str | None = None
    type_asked: str | None = None

    @model_serializer(mode="wrap")
    def _written(self, handler):
        return _without_unset(handler(self), ("capacity", "lead_time", "type", "type_asked"))


class Draft(BaseModel):
    business_name: str | None = None
    owner_name: str | None = None
    city: str | None = None
    city_id: str | None = None
    region: str | None = None
    sector: str | None = None
    ice: str | None = None
    phone: str | None = None
    email: str | None = None
    products: list[ProductDraft] = Field(default_factory=list)
    buyer: BuyerAnswers | None = None

    @model_serializer(mode="wrap")
    def _written(self, handler):
        return _without_unset(handler(self), ("buyer",))


# --- a question asked inside a step (state.pending; flows.steps.PENDING asks each) ---
# Stored with the state: a kind and the fields below are read back from saved JSON.


class ConfirmRestart(BaseModel):
    """"Start again?" after the owner said restart: yes or no."""

    kind: Literal["restart"] = "restart"


class ConfirmErase(BaseModel):
    """"Delete everything about you? It cannot be undone": yes or no (flows.erasure)."""

    kind: Literal["erase"] = "erase"


class ConfirmConsent(BaseModel):
    """The consent's text changed since the owner agreed: do they agree to this one?"""

    kind: Literal["consent"] = "consent"


class ChooseLanguage(BaseModel):
    """The owner asked to change language: any step's "2" or "français" answers it."""

    kind: Literal["language"] = "language"


class CitySuggestions(BaseModel):
    """A town we do not know by that spelling: did they mean one of these?"""

    kind: Literal["city"] = "city"
    typed: str = ""
    suggested: list[str] = Field(default_factory=list)  # city ids (flows.parsing.places)


class NearestTown(BaseModel):
    """A town or village nobody listed: which big town is it near? (then the regions)"""

    kind: Literal["nearest_town"] = "nearest_town"
    typed: str = ""


class ConfirmPlace(BaseModel):
    """A shared location's nearest town: is that right? (`typed`: the village the owner
    named before, kept as the city; the town then only gives the region)"""

    kind: Literal["place"] = "place"
    city_id: str
    typed: str = ""


class ConfirmPrice(BaseModel):
    """A price said in ryals or francs, converted: is this it, in dirhams?"""

    kind: Literal["price"] = "price"
    price: Amount
    said: str = ""
    currency: str = "ryal"


class EditMenu(BaseModel):
    """From the review: which field of the business, or of one product, to correct."""

    kind: Literal["edit_menu"] = "edit_menu"
    scope: Literal["business", "product"] = "business"


class PhotoAdvice(BaseModel):
    """The newest photo is kept, with what would make it better: replace it or keep it?"""

    kind: Literal["photo_advice"] = "photo_advice"
    media_id: int | None = None
    tips: list[str] = Field(default_factory=list)  # advice ids (flows.photos.ADVICE)


class MoqUnit(BaseModel):
    """A minimum order said without its unit ("100"): 100 of what?"""

    kind: Literal["moq_unit"] = "moq_unit"
    amount: Decimal


class PhotoFix(BaseModel):
    """The review asked for a better photo: the next one replaces one of those kept."""

    kind: Literal["photo_fix"] = "photo_fix"


class PhotoChoice(BaseModel):
    """A new photo came while the admin's advice was about one of several: which one
    does it replace? (media_id: the new photo, already in the draft)."""

    kind: Literal["photo_choice"] = "photo_choice"
    media_id: int


class ChangeProduct(BaseModel):
    """A change after sending (flows.changes) to one of several products: which one?"""

    kind: Literal["change_product"] = "change_product"
    change: str  # a change kind (flows.changes.KINDS)
    page: int = 0  # more products than one WhatsApp list shows: the page open


class ChangePhotos(BaseModel):
    """The photos of a sent product: replace one, add some, or remove one?"""

    kind: Literal["change_photos"] = "change_photos"


class PhotoRemove(BaseModel):
    """Which photo of the product to remove (at least one stays)."""

    kind: Literal["photo_remove"] = "photo_remove"


class TypeChoice(BaseModel):
    """The matcher is unsure which product this is: one of these types (flows.producttype)?"""

    kind: Literal["product_type"] = "product_type"
    options: list[str] = Field(default_factory=list)  # taxonomy keys, likeliest first


class DocPhotoWanted(BaseModel):
    """A photo of a certificate or of the packaging, if the owner has one (flows.buyerq)."""

    kind: Literal["doc_photo"] = "doc_photo"
    of: str  # DocPhoto.of


class MoreChoices(BaseModel):
    """A list longer than WhatsApp shows at once: the step's question, at this page."""

    kind: Literal["more"] = "more"
    page: int = 1


Pending = Annotated[
    ConfirmRestart | ConfirmErase | ConfirmConsent | ChooseLanguage | CitySuggestions
    | ConfirmPrice | EditMenu | PhotoAdvice | MoqUnit | PhotoFix | PhotoChoice | MoreChoices
    | NearestTown | ConfirmPlace | ChangeProduct | ChangePhotos | PhotoRemove | TypeChoice
    | DocPhotoWanted,
    Field(discriminator="kind"),
]


class Console(BaseModel):
    """A field agent's chat (flows.console): whom they are helping, what they were asked."""

    agent_id: int
    target: int | None = None  # the owner's conversation the agent is filling in
    asking: str | None = None  # "phone" (the owner's number), "list", "language"


class ChangeSession(BaseModel):
    """Changes to a sent draft being made (flows.changes), not yet sent for review."""

    made: list[str] = Field(default_factory=list)  # what changed so far ("price", ...)


class ConversationState(BaseModel):
    step: str = "start"
    language: str | None = None
    script: str = "Arab"
    consent_at: datetime | None = None
    # The consent text agreed to (CONSENT_VERSION when agreed): an older one is asked again
    # at the next turn (flows.privacy). States stored before versions existed are read as 1
    # (storage.conversations.state_of).
    consent_version: int = CONSENT_VERSION
    draft: Draft = Field(default_factory=Draft)
    product: int = 0  # index of the product being described
    history: list[str] = Field(default_factory=list)  # steps behind us, for "back"
    editing: bool = False  # answering one question from the review, then back to it
    pending: Pending | None = None  # a question inside a step (confirm, suggestions)
    revision: int = 0
    profile_name: str | None = None
    referral: str | None = None
    fix: list[str] = Field(default_factory=list)  # fields an admin sent back, in order
    # The review's last word on the submitted draft ("approved", "rejected", "live"), so an
    # owner asking later hears where it stands, not "under review".
    decision: str | None = None
    decision_note: str | None = None  # the rejection's reason, or the storefront's link
    decision_reasons: list[str] = Field(default_factory=list)  # a rejection's (flows.reasons)
    assisted_by: int | None = None  # the agent who filled the draft in with the owner
    # Who last typed in a draft an agent helps with: one side at a time (flows.engine.HOLD).
    agent_at: datetime | None = None
    owner_at: datetime | None = None
    console: Console | None = None  # set on a field agent's own chat
    # Since when a person is on (flows.support): the bot stays quiet until staff close it.
    support: datetime | None = None
    change: ChangeSession | None = None  # changing a sent draft (flows.changes)
    # A WhatsApp Flow's offers taken, per scope: when the last was made (ms; flows.forms).
    forms_taken: dict[str, int] = Field(default_factory=dict)

    @model_serializer(mode="wrap")
    def _written(self, handler):
        return _without_unset(handler(self), ("decision_reasons", "support", "change",
                                              "forms_taken"))

    @property
    def locale(self) -> str:
        return locale_for(self.language, self.script)

    def set_language(self, language: str) -> bool:
        """Answer in this language from now on (False: not one we speak). Darija keeps
        the script the owner writes in; French and Arabic have one each."""
        if language not in LANGUAGES:
            return False
        self.language = language
        if language != "ary":
            self.script = "Latn" if language == "fr" else "Arab"
        return True

    @property
    def current_product(self) -> ProductDraft | None:
        products = self.draft.products
        return products[self.product] if 0 <= self.product < len(products) else None


# --- what a handler may do with the input being read ---------------------


@runtime_checkable
class Turn(Protocol):
    """One input being read, as the handlers in flows.steps, flows.commands and
    flows.events see it. flows.engine implements it, so the engine imports the
    handlers and they never import the engine."""

    s: ConversationState  # replaced whole by a restart
    inp: Input
    ctx: Context
    effects: list[Effect]
    choice: str | None  # a button's payload, or the payload the owner's words name

    def say(self, reply: Reply) -> None:
        """Send this after what was already said."""

    def ask(self) -> Reply:
        """The current step's question."""

    def question(self) -> Reply:
        """The question open now: a pending sub-question, or the step's."""

    def invalid(self, key: str, **params: Any) -> None:
        """Explain what is expected, keeping the question's buttons, and stay."""

    def text_answer(self, limit: int, *, letters: bool = True) -> str | None:
        """The owner's free text, or None after explaining why it can't be used."""

    def product(self) -> ProductDraft:
        """The product being described (started if there is none)."""

    def target(self, field: str) -> Draft | ProductDraft:
        """Where a field is stored: the draft, or the product being described."""

    def product_params(self) -> dict[str, Any]:
        """The product's number and name, for the product questions."""

    def goto(self, target: str, *, remember: bool = True) -> None:
        """Ask step `target` next (remembered for "back" unless told not to)."""

    def advance(self) -> None:
        """On to the next step that applies (or back to the review after an edit)."""

    def next_fix(self) -> bool:
        """Open the next field an admin sent back; False when none is left."""

    def language_found(self, language: str, script: str, *, welcome: bool = False) -> None:
        """Go on in the language the owner writes in, offering another one."""

    def new_product(self) -> None:
        """Start describing one more product."""

    def edit(self, field: str) -> None:
        """From the review: ask this one field again, then come back."""

    def submit(self) -> None:
        """Send the draft for review (or, for an agent, to the owner to confirm)."""
