"""What happens to a conversation from outside it: review decisions, reminders.

An admin's decision or the reminder clock arrives as `Input(event=...)`; the
engine answers in the owner's language like any other turn, so the same
outbox and channels carry it.

| event             | fields                                   | the owner hears              |
|-------------------|------------------------------------------|------------------------------|
| changes_requested | items [{field, reason}], reasons, note   | what to fix, then each field |
| approved          | update (a storefront exists: updated)    | decision_(changes_)approved  |
| rejected          | reasons, note                            | decision_rejected, next step |
| live              | url                                      | decision_live                |
| updated           | url                                      | decision_updated             |
| reminder          | n (1, 2)                                 | reminder + the question      |
|                   |                                          | (none while a person is on)  |
| retention_notice  | days                                     | retention_notice (erased in  |
|                   |                                          | `days` unless they write)    |
| support_answer    | text, name                               | a person's words (support)   |
| support_closed    |                                          | the bot again (flows.support)|

A field is a business field ("city") or a product's ("product:2:photos"). `reasons` are
ready-made reasons (flows.reasons keys), said in the owner's language; `note` is the
reviewer's own words, passed on as typed and marked as theirs.
"""

from __future__ import annotations

from flows import support
from flows.model import Msg, PhotoFix, Reply, Turn
from flows.reasons import KEYS as REVIEW_REASONS
from flows.reasons import reason_lines, rejected, reviewer_note
from flows.steps import BUSINESS_FIELDS, FIELD_STEP, PRODUCT_FIELDS

# Why an admin sends a field back; each has a locale key reason_<id>.
REASONS = ("photo_dark", "photo_blurry", "photo_small", "photo_missing", "price_unit",
           "price_unclear", "moq_unclear", "ice_invalid", "description_short", "name_unclear",
           "city_unclear", "other")
EVENTS = ("changes_requested", "approved", "rejected", "live", "updated", "reminder",
          "retention_notice", *support.EVENTS)


def valid_field(t: Turn, field: str) -> bool:
    if field in BUSINESS_FIELDS:
        return True
    kind, _, rest = field.partition(":")
    number, _, name = rest.partition(":")
    return (kind == "product" and number.isdigit()
            and 1 <= int(number) <= len(t.s.draft.products) and name in PRODUCT_FIELDS)


def field_label(field: str) -> Msg:
    if field.startswith("product:"):
        _, number, name = field.split(":")
        return Msg("fix_product_field", {"number": int(number), "field": Msg(f"field_{name}")})
    return Msg(f"field_{field}")


def apply(t: Turn, event: dict) -> None:
    kind = event.get("kind")
    if kind == "changes_requested":
        items = [i for i in event.get("items", ())
                 if isinstance(i, dict) and valid_field(t, str(i.get("field", "")))]
        lines = [Msg("fix_item", {"field": field_label(i["field"]),
                                  "reason": Msg(f"reason_{i.get('reason')}")
                                  if i.get("reason") in REASONS else Msg("reason_other")})
                 for i in items]
        t.say(Reply(Msg("decision_changes_requested", {
            "items": lines + reason_lines(event.get("reasons")),
            "note": reviewer_note(str(event.get("note") or "")[:1000])})))
        t.s.fix = list(dict.fromkeys(i["field"] for i in items))
        t.s.decision = t.s.decision_note = None
        if not t.next_fix():
            t.goto("review", remember=False)
    elif kind == "approved":
        t.s.decision, t.s.decision_note = "approved", None
        # A change to a storefront already made: it is updated, not created.
        key = "decision_changes_approved" if event.get("update") else "decision_approved"
        t.say(Reply(Msg(key, {"business_name": t.s.draft.business_name or ""})))
    elif kind == "rejected":
        t.s.decision, t.s.decision_note = "rejected", str(event.get("note") or "")[:1000]
        t.s.decision_reasons = [k for k in event.get("reasons") or () if k in REVIEW_REASONS]
        t.say(rejected(t, "decision_rejected"))
    elif kind == "live":
        t.s.decision, t.s.decision_note = "live", str(event.get("url") or "")[:500]
        t.say(Reply(Msg("decision_live", {"url": t.s.decision_note})))
    elif kind == "updated":
        t.s.decision, t.s.decision_note = "live", str(event.get("url") or "")[:500]
        t.say(Reply(Msg("decision_updated", {"url": t.s.decision_note})))
    elif kind == "retention_notice":  # the draft goes in `days` (bot/outbox/retention.py)
        t.say(Reply(Msg("retention_notice", {"days": int(event.get("days", 14))})))
    elif kind in support.EVENTS:
        support.apply(t, event)
    elif kind == "reminder" and t.s.step not in ("start", "submitted") and t.s.support is None:
        # Changes begun on a sent draft are not a registration left half way.
        key = "change_reminder" if t.s.change is not None else "reminder"
        t.say(Reply(Msg(key, {"business_name": t.s.draft.business_name or ""})))
        t.say(t.question())


def open_fix(t: Turn, field: str) -> None:
    """Take the owner straight to one field the admin sent back."""
    if field.startswith("product:"):
        _, number, name = field.split(":")
        t.s.product = int(number) - 1
        step = FIELD_STEP[name]
    else:
        step = FIELD_STEP[field]
    t.s.editing = True
    t.goto(step, remember=False)
    if step == "photos" and t.product().photos:
        # The admin asked for a better photo: the next one replaces one, the rest stay.
        t.s.pending = PhotoFix()
        t.effects[-1] = t.question()
