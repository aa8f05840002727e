"""Everything held about one owner, read for them ("my data"), an admin or the CLI.

`gather` returns every row of the owner's conversation as plain JSON-ready values: the
conversation and its state (the draft as they typed it), the business, products,
submission, its history, the corrections and English texts, the media rows (the files
themselves are read from the media store by bot/owner_export.py), the messages received
(raw bodies still kept) and the replies queued. `find` turns a phone number or a
submission id into the conversations to export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from storage.models import (
    Business,
    BusinessMedia,
    Conversation,
    FieldEdit,
    Inbound,
    Media,
    Outbox,
    Product,
    ProductMedia,
    ProductTranslation,
    StatusChange,
    Submission,
    User,
    WhatsAppStatus,
)

# Columns that are ours, not the owner's (search helpers, locks, leases).
SKIP = {"search_text", "search_phone", "search_city", "version", "lease_until", "progress"}


@dataclass
class OwnerData:
    conversation_id: int
    record: dict[str, Any]  # the JSON file of the export
    media: list[Media]  # photos and voice notes, to put in the archive
    business: Business | None
    submission: Submission | None
    agent: User | None


def plain(row: SQLModel) -> dict[str, Any]:
    return {k: _value(v) for k, v in row.model_dump().items() if k not in SKIP}


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


async def _all(session: AsyncSession, query) -> list:
    return list((await session.execute(query)).scalars())


async def gather(session: AsyncSession, conversation_id: int) -> OwnerData | None:
    conv = await session.get(Conversation, conversation_id)
    if conv is None:
        return None
    business = (await session.execute(sa.select(Business).where(
        Business.conversation_id == conversation_id))).scalar_one_or_none()
    submission = products = None
    history: list[StatusChange] = []
    edits: list[FieldEdit] = []
    texts: list[ProductTranslation] = []
    links: list[ProductMedia] = []
    documents: list[BusinessMedia] = []
    if business is not None:
        submission = (await session.execute(sa.select(Submission).where(
            Submission.business_id == business.id))).scalar_one_or_none()
        products = await _all(session, sa.select(Product).where(
            Product.business_id == business.id).order_by(Product.position))
        links = await _all(session, sa.select(ProductMedia).where(
            ProductMedia.product_id.in_([p.id for p in products])))
        documents = await _all(session, sa.select(BusinessMedia).where(
            BusinessMedia.business_id == business.id).order_by(BusinessMedia.position))
        texts = await _all(session, sa.select(ProductTranslation).where(
            ProductTranslation.business_id == business.id))
    if submission is not None:
        history = await _all(session, sa.select(StatusChange).where(
            StatusChange.submission_id == submission.id).order_by(StatusChange.id))
        edits = await _all(session, sa.select(FieldEdit).where(
            FieldEdit.submission_id == submission.id).order_by(FieldEdit.id))
    agent_id = (business.agent_id if business else None) or conv.agent_id \
        or conv.state.get("assisted_by")
    agent = await session.get(User, agent_id) if agent_id else None
    media = await _all(session, sa.select(Media).where(
        Media.conversation_id == conversation_id).order_by(Media.id))
    inbound = await _all(session, sa.select(Inbound).where(
        Inbound.conversation_id == conversation_id).order_by(Inbound.id))
    sent = await _all(session, sa.select(Outbox).where(
        Outbox.conversation_id == conversation_id).order_by(Outbox.id))
    statuses = await _all(session, sa.select(WhatsAppStatus).where(
        WhatsAppStatus.conversation_id == conversation_id).order_by(WhatsAppStatus.id))
    by_product: dict[int, list[int]] = {}
    for link in sorted(links, key=lambda ln: ln.position):
        by_product.setdefault(link.product_id, []).append(link.media_id)
    record = {
        "conversation": plain(conv),
        "business": plain(business) if business else None,
        "products": [{**plain(p), "media_ids": by_product.get(p.id, [])}
                     for p in products or ()],
        # The photos of the certificates and the packaging (their files are under media).
        "document_photos": [{"of": d.of, "media_id": d.media_id} for d in documents],
        "english_texts": [plain(t) for t in texts],
        "submission": plain(submission) if submission else None,
        "status_history": [plain(h) for h in history],
        "corrections": [plain(e) for e in edits],
        "agent": {"id": agent.id, "name": agent.name} if agent else None,
        "media": [{**plain(m), "file": file_name(m)} for m in media],
        "messages_received": [plain(i) for i in inbound],
        "messages_sent": [plain(o) for o in sent],
        "whatsapp_delivery": [plain(w) for w in statuses],
    }
    return OwnerData(conversation_id, record, media, business, submission, agent)


def file_name(media: Media) -> str:
    """Where a file goes in the archive: photos/12-<sha>.jpg, voice/13-<sha>.ogg."""
    folder = "photos" if media.kind == "photo" else "voice"
    ext = {"image/jpeg": "jpg", "image/png": "png", "audio/ogg": "ogg", "audio/mpeg": "mp3",
           "audio/mp4": "m4a", "audio/amr": "amr"}.get(media.content_type, "bin")
    return f"{folder}/{media.id}-{media.sha256[:16]}.{ext}"
