"""The ready-made reasons a reviewer ticks when sending a submission back or turning it
down, kept as data: the key is stable (stored with the decision, counted later), the
words live in the locales (the owner's `review_reason_<key>`, the desk's
`admin_review_reason_<key>`), so each owner reads them in their own language and script.

A free note may go with them; the owner gets it as typed, marked as the reviewer's own
words (flows.events). Per-field items ("product 2, photos: too dark") are another tool:
flows.events.REASONS.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.model import Button, Expect, Msg, Reply, Turn

CHANGES, REJECT = "request_changes", "reject"


@dataclass(frozen=True)
class ReviewReason:
    key: str
    decisions: tuple[str, ...] = (CHANGES, REJECT)  # the forms that offer it


REVIEW_REASONS: tuple[ReviewReason, ...] = (
    ReviewReason("photo_quality"),        # a photo too dark or blurry
    ReviewReason("photo_not_product"),    # the photos do not show the product
    ReviewReason("price_unclear"),        # a price unclear or missing
    ReviewReason("moq_unclear"),          # the minimum order unclear
    ReviewReason("description_short"),    # a description missing or too short
    ReviewReason("product_name_unclear"),
    ReviewReason("ice_invalid"),
    ReviewReason("business_incomplete"),  # the business's name or city missing
    ReviewReason("phone_unreachable"),    # nobody answered at the number given
    ReviewReason("product_not_allowed", (REJECT,)),  # not sold on the marketplace
    ReviewReason("duplicate", (REJECT,)),            # the same business sent twice
)
KEYS = tuple(r.key for r in REVIEW_REASONS)


def offered(decision: str) -> tuple[str, ...]:
    """The reasons a decision's form offers, in the order shown."""
    return tuple(r.key for r in REVIEW_REASONS if decision in r.decisions)


def chosen(decision: str, values) -> list[str]:
    """The known reasons among `values` that this decision offers, each once, in the
    form's order (anything else is dropped: a key is never made up)."""
    wanted = set(values)
    return [key for key in offered(decision) if key in wanted]


def reason_lines(keys) -> list[Msg]:
    """Ready-made reasons in the owner's words, one line each (unknown keys dropped)."""
    return [Msg("review_point", {"reason": Msg(f"review_reason_{k}")})
            for k in dict.fromkeys(k for k in keys or () if k in KEYS)]


def reviewer_note(note: str) -> Msg | str:
    """The reviewer's free note, as typed, marked as their own words."""
    return Msg("review_note", {"note": note}) if note else ""


def rejected(t: Turn, key: str) -> Reply:
    """A rejection, now or asked about later: why, and what the owner can do next."""
    return Reply(Msg(key, {"business_name": t.s.draft.business_name or "",
                           "reasons": reason_lines(t.s.decision_reasons),
                           "note": reviewer_note(t.s.decision_note or "")}),
                 (Button(Msg("btn_revise"), "change"),), Expect.CHOICE)
