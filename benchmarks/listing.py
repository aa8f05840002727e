"""How well the English listing understands owners (flows.taxonomy, flows.listing).

    python -m benchmarks.listing [--show]

Over owner-style descriptions written for this benchmark in the four locales
(benchmarks/data/listing_descriptions.tsv, never read to build flows/langdata):
  * type: share of products whose type is matched, confidently, to the right one;
  * attributes: share of the expected attributes recognised (and the share of recognised
    ones that were expected, for the record);
  * evidence: share of generated English sentences whose evidence is the owner's own words
    (or their price and minimum order) - must be 100%.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from flows.listing import Rate, build_listing
from flows.model import Amount, ProductDraft
from flows.taxonomy import match_type, read_attributes

DATA = Path(__file__).resolve().parent / "data" / "listing_descriptions.tsv"
RATE = Rate(Decimal("0.1"), "2026-12-01")


@dataclass(frozen=True)
class Case:
    locale: str
    type: str
    attributes: frozenset[str]
    name: str
    description: str


def cases() -> list[Case]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        locale, key, attrs, name, description = line.split("\t")
        out.append(Case(locale, key, frozenset(a for a in attrs.split(",") if a), name,
                        description))
    return out


def _attribute_ids(found) -> set[str]:
    return {f"{f.kind}:{f.key}" for f in found}


def supported(sentence_evidence: tuple[str, ...], words: str) -> bool:
    return bool(sentence_evidence) and all(
        e in words or e.startswith(("price:", "minimum order:")) for e in sentence_evidence)


def run(show: bool = False) -> dict[str, dict[str, float]]:
    rows: dict[str, list[tuple[bool, int, int, int, int, int]]] = {}
    for c in cases():
        match = match_type(c.name, c.description)
        right = match.sure and match.type.key == c.type
        words = f"{c.name}\n{c.description}"
        got = _attribute_ids(read_attributes(words, match.type if match.sure else None))
        product = ProductDraft(name=c.name, description=c.description,
                               price=Amount(amount=Decimal(100), unit="piece"),
                               moq=Amount(amount=Decimal(10), unit="piece"))
        listing = build_listing(product, rate=RATE)
        good = sum(supported(e, words) for _, e in listing.sentences)
        rows.setdefault(c.locale, []).append(
            (right, len(c.attributes & got), len(c.attributes), len(got), good,
             len(listing.sentences)))
        if show and (not right or c.attributes - got):
            print(f"{c.locale}\t{c.type}\t-> {match.type.key if match.type else None} "
                  f"({match.confidence})\tmissed {sorted(c.attributes - got)}\t"
                  f"extra {sorted(got - c.attributes)}")
    rows["all"] = [r for rs in list(rows.values()) for r in rs]
    out = {}
    for locale, rs in rows.items():
        hit, expected = sum(r[1] for r in rs), sum(r[2] for r in rs)
        recognised = sum(r[3] for r in rs)
        out[locale] = {
            "n": len(rs),
            "type": sum(r[0] for r in rs) / len(rs),
            "attributes": hit / expected if expected else 1.0,
            "attribute_precision": hit / recognised if recognised else 1.0,
            "evidence": sum(r[4] for r in rs) / max(1, sum(r[5] for r in rs)),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    results = run(args.show)
    print("| locale | products | type right | attributes recognised | of which expected "
          "| sentences with evidence |")
    print("|---|---|---|---|---|---|")
    for locale, r in results.items():
        print(f"| {locale} | {r['n']} | {r['type']:.0%} | {r['attributes']:.0%} "
              f"| {r['attribute_precision']:.0%} | {r['evidence']:.0%} |")


if __name__ == "__main__":
    main()
