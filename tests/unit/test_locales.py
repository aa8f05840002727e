"""Every sentence exists in all four locales, with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, FluentSerializer, ast

from bot.i18n import LOCALES, LOCALES_DIR, catalog
from flows.choices import ANSWERS, LABELS, SECTORS, UNITS
from flows.commands import COMMANDS
from flows.events import REASONS
from flows.model import NOTICES, Msg
from flows.photos import ADVICE
from flows.steps import BUSINESS_FIELDS, PRODUCT_FIELDS, STEPS

ROOT = Path(__file__).resolve().parent.parent.parent
VARIABLE = re.compile(r"\$([A-Za-z][\w-]*)")


# The admin and agent pages are in French and Arabic only (owners never see them): their
# words are in admin.ftl and admin_<topic>.ftl.
STAFF_FILES = re.compile(r"admin(_[a-z0-9_]+)?\.ftl")
STAFF_LOCALES = ("fr", "ar")


def messages(locale: str, staff: bool = False) -> dict[str, set[str]]:
    """id -> the variables it uses, for one locale; fails on any syntax error."""
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        if bool(STAFF_FILES.fullmatch(path.name)) != staff:
            continue
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [e.content[:60] for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, f"{path}: cannot parse {junk}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                text = FluentSerializer().serialize_entry(entry)
                found[entry.id.name] = set(VARIABLE.findall(text))
    return found


def keys_used_in_code() -> set[str]:
    keys: set[str] = set()
    for path in (ROOT / "flows").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'(?:Msg|btn|invalid|ask_text)\(\s*"([a-z_]+)"', source))
    keys |= set(LABELS) | {f"words_{w}" for w in (*COMMANDS, *ANSWERS)}
    keys |= {f"field_{f}" for f in (*BUSINESS_FIELDS, *PRODUCT_FIELDS)}
    keys |= {f"section_{s.section}" for s in STEPS.values()}
    keys |= {f"sector_{s}" for s in SECTORS} | {f"unit_{u}" for u in UNITS}
    keys |= {f"currency_{c}" for c in ("ryal", "franc", "MAD")}
    keys |= {f"notice_{n}" for n in NOTICES} | {f"reason_{r}" for r in REASONS}
    keys |= {f"advice_{a}" for a in (*ADVICE, "duplicate", "send_as_file")}
    keys |= {f"ui_{k}" for k in ("title", "placeholder", "send", "photo", "restart", "error")}
    return keys


# Messages given one value per script: a town's French and Arabic names.
SCRIPT_PICKS = {"place_name": {"fr", "ar"}}


def test_french_has_every_key_the_code_uses():
    missing = keys_used_in_code() - set(messages("fr"))
    assert not missing


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "fr"])
def test_locale_matches_french(locale):
    reference, translated = messages("fr"), messages(locale)
    assert sorted(set(reference) - set(translated)) == []
    assert sorted(set(translated) - set(reference)) == []
    for key, variables in reference.items():
        if key in SCRIPT_PICKS:  # each locale uses the one its script reads
            assert translated[key] and translated[key] <= SCRIPT_PICKS[key], (locale, key)
            continue
        # A language without plural forms may leave a plural-only $count unused.
        assert translated[key] in (variables, variables - {"count"}), (locale, key)


def test_staff_pages_have_french_and_arabic():
    french, arabic = messages("fr", staff=True), messages("ar", staff=True)
    assert sorted(set(french) ^ set(arabic)) == []
    for key, variables in french.items():
        assert arabic[key] == variables, key


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_renders_without_errors(locale):
    cat = catalog()
    for key, variables in messages(locale).items():
        params = {v: 2 for v in variables}
        text = cat.text(locale, Msg(key, params))
        assert text and text != key


def test_typed_words_map_to_one_meaning_each():
    """'la' must not mean both yes and no in some locale, or a typed answer flips."""
    lexicon = catalog().lexicon()
    for word, intents in lexicon.words.items():
        assert not {"yes", "no"} <= intents, word
        assert not {"back", "skip"} <= intents, word


def test_owners_can_answer_yes_in_their_own_words():
    lexicon = catalog().lexicon()
    for word in ("oui", "wakha", "نعم", "ah", "واخا"):
        from flows.text import normalise

        assert "yes" in lexicon.intents_for(normalise(word)), word
