"""What changed between two revisions of a submission, for the review of a resubmission.

`storage.submissions.record` replaces a submission's business and product rows with each
new revision; just before, `keep` stores the old revision as it stood (the owner's draft
plus any admin correction) as a plain snapshot. The detail page compares the previous
snapshot with the current rows: `snapshot` and `diff` are pure functions over plain
dicts (no session), tested on their own.

A snapshot:
    {"business": {"business_name", "owner_name", "phone", "email", "city", "region",
                  "sector", "ice"},
     "products": [{"name", "description", "price_amount", "price_max", "price_unit",
                   "moq_quantity", "moq_unit",
                   "photos": [{"sha256", "thumbnail_sha256"}, ...]}, ...]}

Products carry no identity from one revision to the next (the chat keeps a list), so
they are paired by name, then by a photo they share, then by position; what is left is
added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from storage.models import RevisionSnapshot, utcnow

# Field ids as the admin pages name them (storage.review, bot.admin.forms), with the
# Business attribute each one reads.
BUSINESS = {"business_name": "name", "owner_name": "owner_name", "phone": "phone",
            "email": "email", "city": "city", "region": "region", "sector": "sector",
            "ice": "ice"}
PRODUCT = ("name", "description", "price_amount", "price_max", "price_unit", "moq_quantity",
           "moq_unit")


@dataclass(frozen=True)
class FieldChange:
    field: str  # a BUSINESS or PRODUCT field id
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ProductChange:
    kind: str  # "added", "removed" or "changed"
    number: int  # its place (1-based) in the revision it belongs to (the old one if removed)
    name: str
    fields: list[FieldChange] = field(default_factory=list)
    photos_added: list[dict] = field(default_factory=list)
    photos_removed: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class RevisionDiff:
    business: list[FieldChange]
    products: list[ProductChange]

    def __bool__(self) -> bool:
        return bool(self.business or self.products)


def snapshot(view) -> dict:
    """A submission (a storage.submissions.SubmissionView) as plain values."""
    b = view.business
    return {
        "business": {field: getattr(b, name) or None for field, name in BUSINESS.items()},
        "products": [
            {**{name: getattr(pv.product, name) or None for name in PRODUCT},
             "photos": [{"sha256": m.sha256,
                         "thumbnail_sha256": getattr(m, "thumbnail_sha256", None)}
                        for m in pv.media if m.kind == "photo"]}
            for pv in sorted(view.products, key=lambda pv: pv.product.position)],
    }


def _changes(old: dict, new: dict, names) -> list[FieldChange]:
    return [FieldChange(name, old.get(name), new.get(name)) for name in names
            if (old.get(name) or None) != (new.get(name) or None)]


def _key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def _pairs(old: list[dict], new: list[dict]) -> list[tuple[int | None, int | None]]:
    """(old index, new index) pairs; None on one side: added or removed."""
    left, right = set(range(len(old))), set(range(len(new)))
    pairs: list[tuple[int | None, int | None]] = []

    def pair(match) -> None:
        for j in sorted(right):
            i = next((i for i in sorted(left) if match(old[i], new[j], i, j)), None)
            if i is not None:
                left.discard(i)
                right.discard(j)
                pairs.append((i, j))

    def shas(p: dict) -> set[str]:
        return {ph["sha256"] for ph in p.get("photos") or ()}

    pair(lambda a, b, i, j: bool(_key(a.get("name"))) and _key(a.get("name"))
         == _key(b.get("name")))
    pair(lambda a, b, i, j: bool(shas(a) & shas(b)))
    pair(lambda a, b, i, j: i == j)
    pairs += [(i, None) for i in sorted(left)] + [(None, j) for j in sorted(right)]
    return sorted(pairs, key=lambda p: (p[1] if p[1] is not None else p[0] + 0.5))


def diff(old: dict, new: dict) -> RevisionDiff:
    """What changed from snapshot `old` to snapshot `new`."""
    business = _changes(old.get("business") or {}, new.get("business") or {}, BUSINESS)
    olds, news = old.get("products") or [], new.get("products") or []
    products = []
    for i, j in _pairs(olds, news):
        if j is None:
            products.append(ProductChange("removed", i + 1, olds[i].get("name") or "",
                                          photos_removed=list(olds[i].get("photos") or ())))
            continue
        if i is None:
            products.append(ProductChange("added", j + 1, news[j].get("name") or "",
                                          photos_added=list(news[j].get("photos") or ())))
            continue
        a, b = olds[i], news[j]
        before = {ph["sha256"] for ph in a.get("photos") or ()}
        after = {ph["sha256"] for ph in b.get("photos") or ()}
        change = ProductChange(
            "changed", j + 1, b.get("name") or "", _changes(a, b, PRODUCT),
            [ph for ph in b.get("photos") or () if ph["sha256"] not in before],
            [ph for ph in a.get("photos") or () if ph["sha256"] not in after])
        if change.fields or change.photos_added or change.photos_removed:
            products.append(change)
    return RevisionDiff(business, products)


async def keep(session: AsyncSession, submission_id: int, revision: int, view) -> None:
    """Store `view` as revision `revision` of the submission, unless it already is."""
    found = (await session.execute(select(RevisionSnapshot.id).where(
        RevisionSnapshot.submission_id == submission_id,
        RevisionSnapshot.revision == revision))).first()
    if found is None:
        session.add(RevisionSnapshot(submission_id=submission_id, revision=revision,
                                     snapshot=snapshot(view), at=utcnow()))


async def previous(session: AsyncSession, submission_id: int,
                   revision: int) -> RevisionSnapshot | None:
    """The latest snapshot before `revision`, or None (the first revision, or one sent
    before snapshots were kept)."""
    return (await session.execute(
        select(RevisionSnapshot)
        .where(RevisionSnapshot.submission_id == submission_id,
               RevisionSnapshot.revision < revision)
        .order_by(RevisionSnapshot.revision.desc()).limit(1))).scalar_one_or_none()


async def since_previous(session: AsyncSession, view) -> tuple[int, RevisionDiff] | None:
    """What changed in this submission since its previous revision: (that revision's
    number, the changes), or None when there is nothing to compare with."""
    s = view.submission
    if s.revision <= 1:
        return None
    before = await previous(session, s.id, s.revision)
    if before is None:
        return None
    return before.revision, diff(before.snapshot, snapshot(view))
