"""What the queue page shows about field agents' work that is not a submission yet: drafts
waiting for their owner's agreement (with the owner's link and QR code, for the agent who
filled them in), and an agent's own referral link, as buttons to open, copy or share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot import agent_links as links
from bot.settings import Settings
from storage import agents
from storage.models import User


@dataclass(frozen=True)
class Waiting:
    conversation_id: int
    name: str
    phone: str
    since: datetime
    link: str | None  # the owner's link and its QR code: only for the agent who filled it in
    qr: str | None


@dataclass(frozen=True)
class Referral:
    link: str
    qr: str


async def panel(session, settings: Settings, user: User, now: datetime) -> dict:
    """`waiting` (drafts waiting for their owner: an agent's own, or all for an admin) and
    `referral` (an agent's link), for the queue page's template."""
    mine = user.role == "agent"
    waiting = []
    for cid, _, user_ref, state, updated_at in await agents.waiting_owner(
            session, user.id if mine else None, limit=50):
        draft = (state or {}).get("draft") or {}
        phone = draft.get("phone") or (user_ref.removeprefix("whatsapp:")
                                       if user_ref.startswith("whatsapp:") else "")
        token = links.owner_token(settings, cid, now.timestamp()) if mine else None
        waiting.append(Waiting(cid, draft.get("business_name") or "", phone, updated_at,
                               links.owner_link(settings, token) if token else None,
                               links.owner_qr_url(settings, token) if token else None))
    referral = None
    if mine:
        code = await agents.referral_code(session, user.id)
        referral = Referral(links.preferred_link(settings, code), links.qr_url(settings, code))
    return {"waiting": waiting, "referral": referral}
