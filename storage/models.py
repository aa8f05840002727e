"""The tables. Every change goes through a migration in storage/migrations.

Times are stored in UTC and always come back timezone-aware (SQLite keeps
no zone, so `UTCDateTime` puts it back).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def when(*, nullable: bool = False, index: bool = False) -> Any:
    default = {} if nullable else {"default_factory": utcnow}
    return Field(sa_type=UTCDateTime, nullable=nullable, index=index, **default)


def json_field(default_factory=dict) -> Any:
    return Field(default_factory=default_factory, sa_type=sa.JSON, nullable=False)


class User(SQLModel, table=True):
    """Admins and field agents (who log in to the web pages)."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True)
    name: str = Field(default="", max_length=120)
    role: str = Field(max_length=16)  # "admin" | "agent"
    password_hash: str = Field(default="", max_length=255)
    # Bumped at logout: a session cookie signed with an older value no longer opens the
    # pages (bot.admin.auth), even a copy kept from before.
    session_epoch: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = when()
    # Failed logins at this account since its last good one, told to its owner at the
    # next (bot.admin.views): how many, the last one's address and time.
    failed_logins: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    last_failed_ip: str | None = Field(default=None, max_length=64)
    last_failed_at: datetime | None = when(nullable=True)
    # A password check of this account under way until then: one at a time, so that a
    # burst of parallel guesses cannot slip past the progressive delay (bot.admin.throttle).
    login_busy_until: datetime | None = when(nullable=True)


class Conversation(SQLModel, table=True):
    """One owner on one channel; the engine's state lives in `state` (JSON)."""

    __table_args__ = (
        sa.UniqueConstraint("channel", "user_ref"),
        # The funnel's: the period's conversations and all it reads of them, from the index
        # alone (an index-only scan, not the rows and their states).
        sa.Index("ix_conversation_funnel", "created_at", "funnel_stage", "funnel_region",
                 "funnel_agent", "agent_id", "channel", "user_ref"),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)  # telegram | whatsapp | web | terminal
    user_ref: str = Field(max_length=128)  # chat id, phone, web session id
    locale: str = Field(default="ary-Arab", max_length=16)
    language: str | None = Field(default=None, max_length=8)
    script: str = Field(default="Arab", max_length=8)
    step: str = Field(default="start", max_length=32, index=True)
    state: dict = json_field()
    version: int = Field(default=0)
    status: str = Field(default="active", max_length=16)  # active | submitted | unreachable
    agent_id: int | None = Field(default=None, foreign_key="user.id")
    last_inbound_at: datetime | None = when(nullable=True)
    created_at: datetime = when()  # the funnel's period (ix_conversation_funnel)
    updated_at: datetime = when()
    # How far it got, its region and its business's agent, as storage/funnel.py counts
    # them, kept with every change of the rows they are computed from: the funnel reads
    # them, not those rows.
    funnel_stage: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    funnel_region: str = Field(default="", sa_column_kwargs={"server_default": ""})
    funnel_agent: int | None = None  # its business's agent (Business.agent_id)


class Inbound(SQLModel, table=True):
    """Every message received, raw, once: (channel, external_id) makes redelivery a no-op."""

    __table_args__ = (
        sa.UniqueConstraint("channel", "external_id"),
        # A conversation's messages still to process, oldest first: read under the lock on
        # every turn (storage.conversations.oldest_waiting), and by recovery.
        sa.Index("ix_inbound_waiting", "conversation_id", "received_at", "id",
                 postgresql_where=sa.text("processed_at IS NULL"),
                 sqlite_where=sa.text("processed_at IS NULL")),
        # Bodies still kept, oldest first: the retention chore reads only these.
        sa.Index("ix_inbound_raw_kept", "received_at", "id",
                 postgresql_where=sa.text("raw_dropped_at IS NULL"),
                 sqlite_where=sa.text("raw_dropped_at IS NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    external_id: str = Field(max_length=128)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    group_key: str | None = Field(default=None, max_length=128)  # album: answered once
    raw: dict = json_field()
    received_at: datetime = when()
    processed_at: datetime | None = when(nullable=True)
    # When `raw` was emptied (RAW_RETENTION_DAYS after the message, once processed): the
    # row stays for the turn order and redelivery, its body goes (bot/outbox/retention.py).
    raw_dropped_at: datetime | None = when(nullable=True)


class Media(SQLModel, table=True):
    """A stored file; the bytes live under MEDIA_ROOT at a path named by their sha256.

    For a photo, `sha256`/`size`/`width`/`height` describe the normalised JPEG the
    storefront gets; the original is not kept, only its hash and size."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    sha256: str = Field(max_length=64, index=True)
    kind: str = Field(max_length=16)  # photo | audio
    content_type: str = Field(max_length=64)
    size: int
    width: int = 0
    height: int = 0
    thumbnail_sha256: str | None = Field(default=None, max_length=64)  # photos
    original_sha256: str | None = Field(default=None, max_length=64, index=True)
    original_size: int | None = None
    phash: str | None = Field(default=None, max_length=16)  # flows.photos.is_near_duplicate
    advice: list = json_field(list)  # "too_small", "blurry", "dark", "bright"
    duration_s: float | None = None  # audio
    created_at: datetime = when()


class Business(SQLModel, table=True):
    # The admin search's folded text (storage.search): a trigram index on PostgreSQL
    # (migration 0014 finds pg_trgm's schema for the operator class); SQLite scans it.
    __table_args__ = (sa.Index("ix_business_search_text", "search_text",
                               postgresql_using="gin",
                               postgresql_ops={"search_text": "gin_trgm_ops"}),
                      sa.Index("ix_business_search_phone", "search_phone",
                               postgresql_using="gin",
                               postgresql_ops={"search_phone": "gin_trgm_ops"}))

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", unique=True)
    name: str = Field(max_length=200)
    owner_name: str = Field(max_length=200)
    phone: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=254)
    city: str | None = Field(default=None, max_length=200)
    region: str | None = Field(default=None, max_length=64)
    sector: str | None = Field(default=None, max_length=32)
    ice: str | None = Field(default=None, max_length=15)
    language: str = Field(max_length=8)
    script: str = Field(max_length=8)
    channel: str = Field(max_length=16)
    agent_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    consent_at: datetime | None = when(nullable=True)
    # The consent text the owner agreed to (flows.model.CONSENT_VERSION), shown to admins.
    consent_version: int | None = None
    created_at: datetime = when()
    updated_at: datetime = when()
    search_text: str = Field(default="", sa_type=sa.Text,
                             sa_column_kwargs={"server_default": ""})
    search_phone: str | None = Field(default=None, max_length=32)
    search_city: str | None = Field(default=None, max_length=32, index=True)
    # The buyers' questions (flows.buyerq): null when skipped or never asked.
    # certifications: [{"kind", "body", "number", "expires" (ISO date)}]; [] when none.
    certifications: list | None = Field(default=None, sa_type=sa.JSON)
    fda_registered: str | None = Field(default=None, max_length=8)  # yes, no, unknown
    export_experience: str | None = Field(default=None, max_length=8)  # never, few, regular
    export_countries: list | None = Field(default=None, sa_type=sa.JSON)
    packaging: str | None = Field(default=None, max_length=500)
    # The buyers' questions were asked (answered or skipped): the listing's readiness
    # then counts the certificate and packaging photos (flows.readiness), as the owner's.
    buyer_asked: bool | None = None


class Product(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    position: int
    name: str = Field(max_length=200)
    description: str = Field(default="", max_length=4000)
    price_amount: str | None = Field(default=None, max_length=32)  # decimal as text: exact
    price_max: str | None = Field(default=None, max_length=32)
    price_unit: str | None = Field(default=None, max_length=16)
    moq_quantity: str | None = Field(default=None, max_length=32)
    moq_unit: str | None = Field(default=None, max_length=16)
    # The buyers' questions (flows.buyerq): how much a period, and a first order's delay.
    capacity_quantity: str | None = Field(default=None, max_length=32)
    capacity_unit: str | None = Field(default=None, max_length=16)
    capacity_per: str | None = Field(default=None, max_length=8)  # day, week, month, year
    lead_time_quantity: str | None = Field(default=None, max_length=32)
    lead_time_unit: str | None = Field(default=None, max_length=8)  # day, week, month
    lead_time_days: int | None = None
    # The type the owner chose when the matcher was unsure (flows.producttype: a taxonomy
    # key, null for "none of these") and the digest of the words it answered.
    owner_type: str | None = Field(default=None, max_length=64)
    owner_type_asked: str | None = Field(default=None, max_length=32)
    # Its English listing as handed on, but for what the USD rate changes
    # (flows.published.kept), kept by storage.listings with every change of what it is
    # made of, and the version that made it (flows.published.version): null, or another
    # version, and readers compute it instead.
    listing: dict | None = Field(default=None, sa_type=sa.JSON(none_as_null=True),
                                 nullable=True)
    listing_version: str | None = Field(default=None, max_length=40)


class ProductMedia(SQLModel, table=True):
    product_id: int = Field(foreign_key="product.id", primary_key=True)
    media_id: int = Field(foreign_key="media.id", primary_key=True)
    position: int


class BusinessMedia(SQLModel, table=True):
    """A photo of a certificate or of the packaging (flows.model.DocPhoto), with the
    business: `of` says what it shows ("certificate:organic", "packaging")."""

    __tablename__ = "business_media"

    business_id: int = Field(foreign_key="business.id", primary_key=True)
    media_id: int = Field(foreign_key="media.id", primary_key=True, index=True)
    of: str = Field(max_length=32)
    position: int


class Submission(SQLModel, table=True):
    """A draft sent for review; `revision` grows each time the owner resubmits."""

    # The queue's pages: a status, in the order of submission (storage.queue._order).
    __table_args__ = (sa.Index("ix_submission_status_submitted_at", "status", "submitted_at",
                               "id"),
                      sa.Index("ix_submission_submitted_at", "submitted_at", "id"))

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", unique=True)
    status: str = Field(max_length=24)
    revision: int = 1
    submitted_at: datetime = when()
    decided_at: datetime | None = when(nullable=True)
    updated_at: datetime = when()
    # The storefront handoff (bot/outbox/handoff.py): what the backend answered, for admins.
    storefront_id: str | None = Field(default=None, max_length=128)
    storefront_url: str | None = Field(default=None, max_length=2000)
    handoff_error: str | None = Field(default=None, max_length=2000)
    # First attempt of the current handoff try: retries stop 24 h after it, and the
    # image links in the body are anchored on it so every retry sends the same bytes.
    handoff_started_at: datetime | None = when(nullable=True)
    live_at: datetime | None = when(nullable=True)


class StatusChange(SQLModel, table=True):
    """Who moved a submission, when, and why: the history is never rewritten."""

    # The funnel: which submissions were ever approved or live.
    __table_args__ = (sa.Index("ix_statuschange_to_status_submission_id", "to_status",
                               "submission_id"),)

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    from_status: str | None = Field(default=None, max_length=24)
    to_status: str = Field(max_length=24)
    actor: str = Field(max_length=120)  # "owner", "admin:<email>", "cli", "worker"
    reason: str = Field(default="", max_length=2000)
    # A request for changes: what was asked, [{field, reason}], as the owner was told it.
    items: list = json_field(list)
    # The ready-made reasons a reviewer ticked (flows.reasons keys), for any decision that
    # sends a submission back or turns it down; counted by later views and the funnel.
    reasons: list = json_field(list)
    revision: int = 1
    at: datetime = when()


class RevisionSnapshot(SQLModel, table=True):
    """A revision as it stood when the owner sent the next one (storage.revisions): the
    rows of `record` are replaced, this is what the next review compares against."""

    __table_args__ = (sa.UniqueConstraint("submission_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id")
    revision: int
    snapshot: dict = json_field()
    at: datetime = when()


class Outbox(SQLModel, table=True):
    """Work to do after a commit (notifications, storefront handoff), done by `tijara worker`."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32, index=True)
    dedupe_key: str = Field(max_length=128, unique=True)
    # The owner a "send" row speaks to: their waiting or held messages are found by it.
    conversation_id: int | None = Field(default=None, index=True)
    payload: dict = json_field()
    # What a "send" row has delivered so far (the channel's own record: parts sent, the
    # facts its plan was made from), committed after each part, so a retry in any process
    # goes on from the next part. None: nothing sent yet.
    progress: dict | None = Field(default=None, sa_type=sa.JSON(none_as_null=True),
                                  nullable=True)
    status: str = Field(default="pending", max_length=16, index=True)
    attempts: int = 0
    due_at: datetime = when(index=True)
    lease_until: datetime | None = when(nullable=True)
    last_error: str = Field(default="", max_length=2000)
    created_at: datetime = when()


# --- admin ---


class LoginFailure(SQLModel, table=True):
    """A failed admin-page login: within 15 minutes, five per (email, address) or ten per
    address close that address's door; past ten per email, each further attempt at the
    account waits longer (bot.admin.throttle)."""

    __table_args__ = (sa.Index("ix_loginfailure_email_ip", "email", "ip"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254)
    ip: str = Field(max_length=64, index=True)
    at: datetime = when(index=True)


class FieldEdit(SQLModel, table=True):
    """A correction made on the review pages: who changed which field, from what, to what.

    `field` is a business field ("city") or a product's ("product:2:price_amount",
    "product:2:title_en"), numbered like flows.events fields."""

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    field: str = Field(max_length=64)
    old: str = Field(default="", max_length=4000)
    new: str = Field(default="", max_length=4000)
    actor: str = Field(max_length=120)  # "admin:<email>"
    at: datetime = when()


class ProductTranslation(SQLModel, table=True):
    """A reviewer's edits of a product's generated English listing (flows.published):
    its title and description (blank: the generated text) and the type they chose from
    the taxonomy (null: the one recognised from the owner's words).

    Keyed by (business, position), not by product id: a resubmission replaces the
    product rows (storage.submissions.record), and the edits must survive it."""

    __table_args__ = (sa.UniqueConstraint("business_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    position: int
    title_en: str = Field(default="", max_length=200)
    description_en: str = Field(default="", max_length=4000)
    type_key: str | None = Field(default=None, max_length=64)  # flows.taxonomy's key
    updated_by: str = Field(default="", max_length=120)
    updated_at: datetime = when()


# --- agents ---


class AgentCode(SQLModel, table=True):
    """Codes that tie a chat to a field agent.

    kind "invite": one-time, links the agent's own Telegram/WhatsApp chat to their account.
    kind "referral": lasting, printed as a link and QR code; owners who start with it are
    attributed to the agent.
    """

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    kind: str = Field(max_length=16)  # invite | referral
    agent_id: int = Field(foreign_key="user.id", index=True)
    used_at: datetime | None = when(nullable=True)
    created_at: datetime = when()


class AgentChat(SQLModel, table=True):
    """An agent's own chat identity (channel, user), linked by an invite code."""

    __table_args__ = (sa.UniqueConstraint("channel", "user_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    user_ref: str = Field(max_length=128)
    agent_id: int = Field(foreign_key="user.id", index=True)
    linked_at: datetime = when()


# --- whatsapp ---


class WhatsAppStatus(SQLModel, table=True):
    """Twilio's delivery reports for WhatsApp messages we sent: one row per (message, status)."""

    __tablename__ = "whatsapp_status"
    __table_args__ = (sa.UniqueConstraint("message_sid", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    message_sid: str = Field(max_length=64, index=True)
    status: str = Field(max_length=24)
    error_code: str | None = Field(default=None, max_length=16)  # 63016: window closed
    error_message: str = Field(default="", max_length=500)
    recipient: str = Field(default="", max_length=128)  # the owner's whatsapp: address
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    received_at: datetime = when(index=True)


# --- throttling ---


class ThrottleWindow(SQLModel, table=True):
    """How many requests one client made in one fixed window (storage/throttle.py)."""

    bucket: str = Field(primary_key=True, max_length=80)  # scope:window start:hash of who
    hits: int = 0
    expires: int = Field(index=True)  # epoch seconds: the row can go after this


class AuditEntry(SQLModel, table=True):
    """Who did what to personal data, when and from where (storage.audit). Append-only:
    the database refuses updates and deletes (migration 0016), and nothing here holds an
    owner's personal data, so an owner's erasure leaves these rows as they are."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = when(index=True)
    actor: str = Field(max_length=160)  # "admin:<email>", "agent:<email>", "owner", "cli", "worker"
    action: str = Field(max_length=40, index=True)
    subject: str = Field(default="", max_length=80)  # "submission:12", "conversation:3", "user:4"
    remote: str = Field(default="", max_length=64)  # the client's address, "" when none
    detail: dict = json_field()


class ErasedCount(SQLModel, table=True):
    """What stays of erased conversations (storage.erasure): how many, by the day they
    began, how far they got (an index into storage.funnel.STAGES), why they went and the
    funnel's groups, so the funnel's totals keep their history. No id of anything erased."""

    __tablename__ = "erased_count"
    __table_args__ = (sa.UniqueConstraint("day", "stage", "cause", "channel", "language",
                                          "region", "agent_id"),)

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(sa_type=sa.Date, index=True)  # the conversation's created_at (UTC)
    stage: int
    cause: str = Field(max_length=24)  # storage.erasure.CAUSES
    channel: str = Field(default="", max_length=16)
    language: str = Field(default="", max_length=8)
    region: str = Field(default="", max_length=64)
    agent_id: int = 0  # no foreign key: an agent's account may go, the count stays
    count: int = 0
# --- support (a person to talk to: flows/support.py, bot/admin/support.py) ---


class SupportRequest(SQLModel, table=True):
    """An owner asked for a person. Open until staff close it; the bot is quiet meanwhile.
    Keyed by conversation: erasing an owner deletes their requests with the conversation."""

    __tablename__ = "support_request"
    # The inbox: a status's requests, the newest activity first.
    __table_args__ = (sa.Index("ix_support_request_status_updated", "status", "updated_at"),)

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    status: str = Field(default="open", max_length=16)  # open | closed
    # The owner wrote last (or just asked): staff owe an answer.
    waiting: bool = Field(default=True)
    opened_at: datetime = when()
    updated_at: datetime = when()  # the last message either way, or the close
    closed_at: datetime | None = when(nullable=True)
    closed_by: str = Field(default="", max_length=120)  # "admin:<email>"


class SupportReply(SQLModel, table=True):
    """What staff wrote to the owner from the inbox, and which way it went."""

    __tablename__ = "support_reply"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="support_request.id", index=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    author: str = Field(max_length=120)  # "admin:<email>"
    author_name: str = Field(default="", max_length=120)  # as the owner reads it
    text: str = Field(max_length=2000)
    # telegram | web | whatsapp_window | whatsapp_template | whatsapp_held | terminal
    via: str = Field(max_length=24)
    at: datetime = when()
