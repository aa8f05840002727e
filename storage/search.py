"""The admin pages' text search, through an index instead of a scan in Python.

Neither SQLite's lower()/LIKE nor PostgreSQL's ILIKE folds accents ("fes" vs "Fès"), and
SQLite folds no case beyond ASCII ("FÈS"), so each business keeps its searchable text
already folded with the chat's own folding (flows.parsing.numbers.fold: case, accents,
Arabic letter forms and diacritics, tatweel), written with the business
(`fill`/`refresh`, from storage.submissions.record and storage.corrections) and backfilled
by migration 0014:

- `Business.search_text`: the business, owner and product names, the e-mail, the phone,
  the city as typed and, for a city the chat knows, its French and Arabic names, one per
  line, each folded;
- `Business.search_phone`: the phone's digits;
- `Business.search_city`: the id of the known city (flows.parsing.places), else null.

A search is then one `LIKE '%word%'` per word on the folded column: a trigram index
(pg_trgm, GIN) answers it on PostgreSQL, a scan of one narrow column on SQLite.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from flows.parsing.numbers import fold
from flows.parsing.places import CITIES, City, match_city
from storage.models import Business, Product, Submission


@functools.lru_cache(maxsize=65_536)
def folded(text: str) -> str:
    return " ".join(fold(text, 5000).split())


_CITY_NAMES = {folded(name): city for city in CITIES.values()
               for name in (city.name_fr, city.name_ar)}


@functools.lru_cache(maxsize=8192)
def city_of(text: str | None) -> City | None:
    """The known city a stored city name is (its French or Arabic name, or what the chat
    would take for it without asking), else None."""
    if not text:
        return None
    return _CITY_NAMES.get(folded(text)) or match_city(text).city


def columns(name: str | None, owner: str | None, email: str | None, phone: str | None,
            city: str | None, products: Iterable[str | None]) -> dict[str, str | None]:
    """The search columns of a business with these fields and product names."""
    known = city_of(city)
    texts = [name, owner, email, *products, phone, city]
    if known is not None:
        texts += [known.name_fr, known.name_ar]
    digits = re.sub(r"\D", "", phone or "")
    return {"search_text": "\n".join(folded(t) for t in texts if t),
            "search_phone": digits or None,
            "search_city": known.id if known is not None else None}


def fill(business: Business, products: Iterable[str | None]) -> None:
    """Set the business's search columns from its fields and these product names."""
    for column, value in columns(business.name, business.owner_name, business.email,
                                 business.phone, business.city, products).items():
        setattr(business, column, value)


async def refresh(session: AsyncSession, business: Business) -> None:
    """`fill` with the business's product names as stored (after a correction)."""
    names = (await session.execute(select(Product.name).where(
        Product.business_id == business.id).order_by(Product.position))).scalars().all()
    fill(business, names)


class Needle:
    """What the admin typed in the search box: every word must be in a name (business,
    owner, product), the city (in French or Arabic), the phone or the e-mail; a word, or
    the whole text, that names a city in any spelling ("casa", "الصويرة", "dar lbida")
    also finds the businesses of that city. Digits find a phone however it is written
    (a text of digits and separators only is one phrase, not words), "#12" or "12" the
    submission."""

    def __init__(self, q: str):
        text = " ".join(q.split())[:100]
        digits = re.sub(r"\D", "", text)
        self.digits = (digits.removeprefix("0") if len(digits) >= 4
                       and not re.search(r"[^\d\s+().-]", text) else "")
        # A phone typed in pieces ("06 12 34") is one phrase, not words: each piece alone
        # ("06") is in a thousand phones, and too short for the trigram index.
        raw = [text] if self.digits else text.split()
        self.words = [folded(w) for w in raw]
        self.cities: list[str | None] = [None] * len(raw)
        whole = match_city(text).city if 1 < len(raw) <= 4 else None
        single = [match_city(w).city if len(self.words[i]) >= 3 else None
                  for i, w in enumerate(raw)]
        if whole is not None and not any(single):
            self.cities = [whole.id] * len(raw)  # "dar lbida": no word alone is the city
        else:
            self.cities = [c.id if c else None for c in single]
        number = text.lstrip("#")
        self.id = int(number) if number.isdigit() and len(text) <= 9 else None

    def __bool__(self) -> bool:
        return bool(self.words)

    def condition(self) -> sa.ColumnElement[bool]:
        """The WHERE clause (over Submission joined to Business) of the rows it finds. The
        words, the submission id and the phone digits are each looked up through their own
        index and the ids found united (an OR of them in one WHERE read every row)."""
        words = sa.and_(*(sa.or_(_contains(Business.search_text, word),
                                 Business.search_city == cid)
                          if cid is not None else _contains(Business.search_text, word)
                          for word, cid in zip(self.words, self.cities, strict=True)))
        if self.id is None and not self.digits:
            return words
        found = [_ids(words)]
        if self.id is not None:
            found.append(sa.select(Submission.id).where(Submission.id == self.id))
        if self.digits:
            found.append(_ids(_contains(Business.search_phone, self.digits)))
        return Submission.id.in_(sa.union(*found))


def _ids(condition: sa.ColumnElement[bool]):
    return (sa.select(Submission.id).join(Business, Business.id == Submission.business_id)
            .where(condition))


def _contains(column, text: str) -> sa.ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")
