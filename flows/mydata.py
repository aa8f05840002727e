""""My data": what an owner is told of everything held about them (law 09-08).

Pure, like the rest of flows/: the caller (bot/turns.py) reads what the state does not
hold (the submission's status, the agent's name, the voice notes kept) and signs the
download link, then sends these replies where the engine put `OwnerDataAsked`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.model import ConversationState, Msg, Reply
from flows.steps import draft_params_of

# A submission's status -> what the owner is told of it.
STATUS_KEYS = {
    None: "my_data_status_draft",
    "submitted": "my_data_status_review",
    "changes_requested": "my_data_status_changes",
    "approved": "my_data_status_approved",
    "exported": "my_data_status_approved",
    "handoff_failed": "my_data_status_approved",
    "rejected": "my_data_status_rejected",
    "live": "my_data_status_live",
}
MARKETPLACE = ("approved", "exported", "handoff_failed", "live")


@dataclass(frozen=True)
class Held:
    """What the database adds to the state."""

    status: str | None = None  # the submission's status, None: never sent
    revision: int = 0
    agent: str | None = None  # the name of the field agent who helped, or referred them
    storefront_url: str | None = None
    voice_notes: int = 0


def summary(state: ConversationState, held: Held, link: str, days: int) -> list[Reply]:
    """The summary, then the link to download it all."""
    d = state.draft
    # What was never given reads "—", not an empty line.
    params = {k: v if v not in ("", None) else Msg("value_missing")
              for k, v in draft_params_of(state).items()}
    photos = sum(len(p.photos) for p in d.products)
    seen = [Msg("my_data_seen_team" if held.status else "my_data_seen_nobody")]
    if held.agent:
        seen.append(Msg("my_data_seen_agent", {"name": held.agent}))
    if held.status in MARKETPLACE:
        seen.append(Msg("my_data_seen_marketplace"))
    if held.status == "live":
        seen.append(Msg("my_data_seen_public", {"url": held.storefront_url or ""}))
    status = Msg(STATUS_KEYS.get(held.status, "my_data_status_review"),
                 {"revision": held.revision})
    return [
        Reply(Msg("my_data_summary", {
            **params,
            "product_count": len(d.products),
            "photo_count": photos,
            "voice_count": held.voice_notes,
            "status": status,
            "seen_by": seen,
            "consent": Msg("my_data_consent", {"date": state.consent_at.date().isoformat()})
            if state.consent_at else Msg("my_data_no_consent"),
        })),
        Reply(Msg("my_data_link", {"url": link, "days": days})),
    ]
