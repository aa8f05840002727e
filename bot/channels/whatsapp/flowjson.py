"""The form mode as WhatsApp Flows: the Flow JSON of each form (business, product) in each
locale, and the Twilio Content API request that sends it, written to docs/whatsapp-flows/
from flows.forms itself, so the Flow and the form can never disagree (the files are
checked against this module by tests/unit/test_whatsapp_flow_files.py).

    python -m bot.channels.whatsapp.flowjson      # writes docs/whatsapp-flows/*.json

A Flow is one screen: the form's fields in the conversation's order (text, long text,
a dropdown for a choice, whose ids are the choices' payloads: "sector:argan"), required
where the conversation requires them; photos stay in the conversation, and the phone is
never asked on WhatsApp. "Save" completes the Flow with every field under its own name
and the `flow_token`: that is the answer Twilio posts as `InteractiveData`
(bot/channels/whatsapp/form.parse_flow_reply).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.i18n import LOCALES, Catalog, catalog
from flows import forms
from flows.model import Context, ConversationState, Msg

FOLDER = Path(__file__).resolve().parents[3] / "docs" / "whatsapp-flows"
VERSION = "7.1"  # Flow JSON version (Meta's Flow JSON reference)
SCREENS = {"business": "BUSINESS", "product": "PRODUCT"}
# Meta's limits on what a Flow shows (characters).
LABEL_LIMIT = 20  # TextInput, TextArea, Dropdown label
TITLE_LIMIT = 30  # a dropdown option's title
CTA_LIMIT = 20  # the button that opens the Flow (no emoji)
# The language the Content API request names (Darija has no code of its own there).
CONTENT_LANGUAGE = {"ary-Arab": "ar", "ary-Latn": "ar", "fr": "fr", "ar": "ar"}
NOW = datetime(2026, 1, 1, tzinfo=UTC)  # the questions do not depend on the day


def fields(scope: str, locale: str) -> list[forms.Field]:
    """The form's fields as a WhatsApp owner has them (no phone: WhatsApp gives it; no
    photos: they are sent in the conversation)."""
    language, _, script = locale.partition("-")
    state = ConversationState(step=forms.BUSINESS[0], language=language,
                              script=script or ("Latn" if language == "fr" else "Arab"),
                              consent_at=NOW)
    ctx = Context(now=NOW, channel="whatsapp", lexicon=catalog().lexicon(),
                  channel_phone="+212600000000")
    return [f for f in forms.definition(state, ctx, scope).fields if f.kind != "photo"]


def _fit(text: str, limit: int) -> str:
    """A text within one of Meta's limits: a longer one is a wording to shorten (in
    locales/), never cut here, so a file never ships with a truncated word."""
    text = " ".join(text.split())
    if len(text) > limit:
        raise ValueError(f"{text!r} is over {limit} characters")
    return text


def flow(scope: str, locale: str, texts: Catalog) -> dict:
    """One form's Flow JSON in one locale."""
    def say(msg: Msg) -> str:
        return texts.text(locale, msg)

    children: list[dict] = []
    payload = {}
    for field in fields(scope, locale):
        component = {"name": field.name, "label": _fit(say(field.label), LABEL_LIMIT),
                     "required": not field.optional}
        if field.kind == "choice":
            component = {"type": "Dropdown", **component, "data-source": [
                {"id": value, "title": _fit(say(label), TITLE_LIMIT)}
                for value, label in field.choices]}
        elif field.multiline:
            component = {"type": "TextArea", **component}
        else:
            component = {"type": "TextInput", **component, "input-type":
                         "email" if field.name == "email" else "text"}
        children.append(component)
        payload[field.name] = f"${{form.{field.name}}}"
    children.append({"type": "Footer", "label": say(Msg("form_ui_save")),
                     "on-click-action": {"name": "complete", "payload": payload}})
    title = Msg("form_ui_business") if scope == "business" else Msg("flow_ui_product")
    return {"version": VERSION, "screens": [{
        "id": SCREENS[scope], "title": say(title), "terminal": True, "success": True,
        "layout": {"type": "SingleColumnLayout", "children": [
            {"type": "TextBody", "text": say(Msg("flow_ui_intro"))},
            {"type": "Form", "name": "form", "children": children}]},
    }]}


def content(scope: str, locale: str, texts: Catalog) -> dict:
    """The Content API request (POST https://content.twilio.com/v1/Content) of the
    `whatsapp/flows` content that offers it: its SID is the TWILIO_FLOW_SIDS entry
    `<scope>:<locale>`; the Flow's id is filled in once Meta has published it."""
    return {
        "friendly_name": f"tijara_{scope}_{locale.replace('-', '_').lower()}",
        "language": CONTENT_LANGUAGE[locale],
        "variables": {"1": "flow_token"},
        "types": {"whatsapp/flows": {
            "body": texts.text(locale, Msg("flow_offer_body")),
            "button_text": _fit(texts.text(locale, Msg("flow_offer_button")), CTA_LIMIT),
            "flow_id": "FLOW_ID_FROM_WHATSAPP_MANAGER",
            "flow_token": "{{1}}",
            "flow_first_page_id": SCREENS[scope],
        }},
    }


def documents(texts: Catalog | None = None) -> dict[str, str]:
    """Every file of docs/whatsapp-flows/ this module writes: name -> text."""
    texts = texts or catalog()
    out = {}
    for scope in SCREENS:
        for locale in LOCALES:
            for name, body in ((f"{scope}.{locale}.json", flow(scope, locale, texts)),
                               (f"{scope}.{locale}.content.json",
                                content(scope, locale, texts))):
                out[name] = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    return out


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, text in documents().items():
        (FOLDER / name).write_text(text, encoding="utf-8")
        print(FOLDER / name, file=sys.stderr)


if __name__ == "__main__":
    main()
