"""The review rules: what a decision on a submission needs before it is taken.

`storage.submissions.decide` applies them to every decision, so the admin pages and
`tijara submissions approve|request-changes|reject` obey the same ones; the submission's
page also lists `missing_fields` before the admin tries. No I/O: the rules read a
submission as `storage.submissions.views` loads it (a SubmissionView).
"""

from __future__ import annotations

# What the chat does not let an owner submit without (flows/steps.py: every step but the
# optional ICE and e-mail; the price's unit is asked whenever the price has none). A
# correction may not empty them, and a submission missing one cannot be approved.
REQUIRED_BUSINESS = ("business_name", "owner_name", "phone", "city", "sector")
REQUIRED_PRODUCT = ("name", "price_amount", "price_unit", "moq_quantity")


class InvalidDecision(Exception):
    """A decision (or a handoff retry) that cannot be taken. str() says why in one line;
    `problem` names the rule, as the admin page's error (admin_<problem> in
    locales/*/admin.ftl):
      decision_invalid     no such submission, or not from its status
      approve_missing      a required field is empty (`missing` lists them)
      reject_needs_reason  a rejection with neither a ready-made reason nor a note
      changes_need_items   a request for changes with no reason, note or field
      reject_live          a rejection of changes to a storefront already made (it stays
                           online: the changes are sent back with a request instead)
    """

    def __init__(self, message: str, problem: str = "decision_invalid",
                 missing: list[str] | None = None):
        super().__init__(message)
        self.problem = problem
        self.missing = list(missing or ())


def missing_fields(view) -> list[str]:
    """What a submission (a storage.submissions.SubmissionView) lacks that the chat
    requires, as field ids ("phone", "product:1:price_amount", "product:2:photos"):
    approving it would hand an incomplete storefront over."""
    b = view.business
    values = {"business_name": b.name, "owner_name": b.owner_name, "phone": b.phone,
              "city": b.city, "sector": b.sector}
    missing = [name for name in REQUIRED_BUSINESS if not (values[name] or "").strip()]
    if not view.products:
        missing.append("product_name")
    for pv in view.products:
        number = pv.product.position + 1
        missing += [f"product:{number}:{name}" for name in REQUIRED_PRODUCT
                    if not (getattr(pv.product, name) or "").strip()]
        if not any(m.kind == "photo" for m in pv.media):
            missing.append(f"product:{number}:photos")
    return missing


def check(decision: str, view, reason: str, items: list[dict],
          reasons: list[str] = ()) -> None:
    """Refuse (InvalidDecision) a decision its rules do not allow on this submission;
    whether its status allows it is `decide`'s check, made after this one. A ready-made
    reason (flows.reasons) counts as a reason, as a free note does."""
    sid = view.submission.id
    if decision == "request_changes" and not items and not reasons and not reason.strip():
        raise InvalidDecision(f"submission {sid}: a request for changes needs a reason or "
                              "a field to fix", "changes_need_items")
    if decision == "reject" and getattr(view.submission, "storefront_id", None):
        # A rejection ends in erasure after REJECTED_RETENTION_DAYS; a storefront is online.
        raise InvalidDecision(f"submission {sid}: its storefront is online; ask for changes "
                              "instead of rejecting them", "reject_live")
    if decision == "reject" and not reasons and not reason.strip():
        raise InvalidDecision(f"submission {sid}: a rejection needs a reason",
                              "reject_needs_reason")
    if decision == "approve" and (missing := missing_fields(view)):
        raise InvalidDecision(f"submission {sid} cannot be approved, it lacks: "
                              f"{', '.join(missing)}", "approve_missing", missing)
