"""What one Twilio WhatsApp webhook means for Tijara. Pure: no I/O, no clock, no logging.

Twilio posts `application/x-www-form-urlencoded` forms and adds fields without
notice, so every field is read leniently and the whole form is kept as `raw`.

Inbound message (`POST /whatsapp/twilio`):

| form                                             | becomes                                     |
|--------------------------------------------------|---------------------------------------------|
| `Body`                                           | text (at most 4096 characters)              |
| `ButtonPayload` (quick-reply tap), else `ListId` | payload; `Body` (the title) stays the text  |
| (list-picker pick)                               |                                             |
| `MediaUrl{N}` / `MediaContentType{N}` image/*,   | media `{url, content_type}`, in order,      |
| audio/* (N < `NumMedia`, at most 10)             | at most 10                                  |
| images only (one or several)                     | group `PHOTO_GROUP`                         |
| `Latitude`, `Longitude` (a location share)       | place (the nearest town,                    |
|                                                  | bot.channels.location); Latitude,           |
|                                                  | Longitude, Address, Label left out of raw   |
| video, document, vCard, sticker...               | notice unsupported, unless the message also |
|                                                  | has text, a payload or usable media         |
| `WaId` (digits)                                  | channel_phone "+<WaId>"; else `From` when   |
|                                                  | it is E.164; a BSUID gives none             |
| `ProfileName`                                    | profile_name (None when empty)              |
| `From`                                           | user_ref, the conversation's address        |
| any message                                      | reopens (an owner who unsubscribed writes   |
|                                                  | again: they are answered again)             |
| `MessageSid` (else `SmsMessageSid`)              | external_id (Twilio's redelivery has the    |
|                                                  | same one)                                   |
| `InteractiveData` (a WhatsApp Flow's answer, a   | form `{"flow_token", "values"}` (see        |
| JSON string)                                     | `parse_flow_reply`); no text (`Body` is     |
|                                                  | WhatsApp's "Sent"); unusable: notice        |
|                                                  | flow_refused                                |
| no `MessageSid` or no `From`, or absurdly long   | None: not a message                         |

WhatsApp sends a multi-photo pick as one webhook per photo, with no album id:
every message made only of images has the same group key per conversation, so
the dispatcher waits a moment, keeps every photo, and only the last of a burst
answers. A message with `NumMedia` > 1 is one inbound already.

Status callback (`POST /whatsapp/twilio/status`):

| form                                                 | becomes                               |
|------------------------------------------------------|---------------------------------------|
| `MessageSid` (else `SmsSid`) and `MessageStatus`     | MessageStatus(message_sid, status     |
| (else `SmsStatus`, lowercased)                       | lowercased, to, error_code,           |
| `To`, `ErrorCode`, `ErrorMessage`                    | error_message)                        |
| no sid or no status                                  | None                                  |

Callbacks come out of order (a late "sent" after "read"); each (message,
status) is kept once, so none hides another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.channels.base import InboundMessage
from bot.channels.location import shared_place
from bot.channels.untrusted import Malformed, clean_text, parse_json
from flows import forms

CHANNEL = "whatsapp"
PHOTO_GROUP = "wa-photos"  # one debounce key per conversation for photo-only messages
MAX_MEDIA = 10  # MediaUrl0..9: Twilio's own bound
TEXT_LIMIT = 4096
# Where the owner stands (a location share, a named place): read once, never stored.
LOCATION_FIELDS = frozenset({"Latitude", "Longitude", "Address", "Label"})
# A Flow's answer: our own fields (docs/whatsapp-flows/, generated from flows.forms), each
# at most the chat's limit; the whole at most FLOW_DATA_LIMIT characters.
FLOW_FIELDS = frozenset((*forms.BUSINESS, *forms.PRODUCT, forms.MOQ_UNIT)) - {"photos", "phone"}
FLOW_DATA_LIMIT = 32 * 1024
FLOW_TOKEN_LIMIT = 64


def parse_form(form: Mapping[str, str]) -> InboundMessage | None:
    """One Twilio webhook form as one message, or None when it names no message."""
    sid = (form.get("MessageSid") or form.get("SmsMessageSid") or "").strip()
    sender = (form.get("From") or "").strip()
    if not sid or not sender or len(sid) > 64 or len(sender) > 128:
        return None
    media = media_refs(form)
    text = (form.get("Body") or "")[:TEXT_LIMIT] or None
    payload = (form.get("ButtonPayload") or form.get("ListId") or "").strip() or None
    place = None
    if form.get("Latitude") is not None or form.get("Longitude") is not None:
        place = shared_place(form.get("Latitude"), form.get("Longitude"))
    flow, notice = None, None
    if form.get("InteractiveData") is not None:
        reply = parse_flow_reply(form["InteractiveData"])
        text, payload = None, None  # the Body is WhatsApp's own "Sent"
        if reply is None:
            notice = "flow_refused"
        else:
            flow = {"flow_token": reply.token, "values": reply.values}
    # A video, a contact card...: the owner hears what we can read.
    if not notice and not text and not payload and not media and not place and not flow:
        notice = "unsupported"
    photos_only = bool(media) and all(m["content_type"].startswith("image/") for m in media)
    return InboundMessage(
        channel=CHANNEL, user_ref=sender, external_id=sid, text=text, payload=payload,
        media=media, channel_phone=channel_phone(form),
        profile_name=(form.get("ProfileName") or "").strip() or None,
        group=PHOTO_GROUP if photos_only else None, notice=notice,
        reopens=True,  # an owner who unsubscribed (Twilio 21610) and writes is answered again
        place=place, raw={key: form[key] for key in form if key not in LOCATION_FIELDS},
        form=flow,
    )


@dataclass(frozen=True)
class FlowReply:
    """A WhatsApp Flow's answer: its `flow_token` (checked by the webhook, which knows the
    key) and the fields the owner filled in, as the form mode takes them (flows.forms)."""

    token: str
    values: dict[str, str]


def parse_flow_reply(data: str) -> FlowReply | None:
    """`InteractiveData`, the Flow's `response_json`, or None when it is not one of ours.

    | InteractiveData                                   | becomes                        |
    |---------------------------------------------------|--------------------------------|
    | over FLOW_DATA_LIMIT, not JSON, not an object,    | None (the owner is told the    |
    | nested absurdly deep                              | form could not be read)        |
    | `{"flow_token": ..., "<field>": "..."}` (the      | FlowReply(token, values)       |
    | Flow's `complete` payload, docs/whatsapp-flows/)  |                                |
    | the same under `response_json` (an object or a    | the same (Meta's `nfm_reply`   |
    | JSON string), or under `nfm_reply`                | shape, should Twilio pass it)  |
    | no flow_token, or one not a short ASCII string    | None                           |
    | a field not in FLOW_FIELDS                        | left out                       |
    | a field not a string (or null: left empty)        | left out                       |
    | a string                                          | cleaned (controls, bidi marks) |
    |                                                   | and cut to TEXT_LIMIT          |
    """
    if not isinstance(data, str) or len(data) > FLOW_DATA_LIMIT:
        return None
    try:
        answer = parse_json(data)
        if isinstance(answer, dict) and isinstance(answer.get("nfm_reply"), dict):
            answer = answer["nfm_reply"]
        if isinstance(answer, dict) and "response_json" in answer:
            inner = answer["response_json"]
            answer = parse_json(inner) if isinstance(inner, str) else inner
    except Malformed:
        return None
    if not isinstance(answer, dict):
        return None
    token = answer.get("flow_token")
    if not isinstance(token, str) or not token or len(token) > FLOW_TOKEN_LIMIT \
            or not token.isascii():
        return None
    values = {name: clean_text(value)[:TEXT_LIMIT] for name, value in answer.items()
              if name in FLOW_FIELDS and isinstance(value, str)}
    return FlowReply(token, values)


def media_refs(form: Mapping[str, str]) -> tuple[dict, ...]:
    """The images and voice notes of a message (video, documents, vCards: nothing the
    onboarding can use)."""
    try:
        count = int(form.get("NumMedia") or 0)
    except ValueError:
        count = 0
    refs: list[dict] = []
    for i in range(max(0, min(count, MAX_MEDIA))):
        url = (form.get(f"MediaUrl{i}") or "").strip()
        kind = (form.get(f"MediaContentType{i}") or "").split(";")[0].strip().lower()
        if url and kind.startswith(("image/", "audio/")):
            refs.append({"url": url, "content_type": kind})
    return tuple(refs)


def channel_phone(form: Mapping[str, str]) -> str | None:
    """The sender's number in E.164, as WhatsApp vouches for it (WaId, else From)."""
    wa_id = (form.get("WaId") or "").strip()
    if re.fullmatch(r"\d{6,15}", wa_id):
        return f"+{wa_id}"
    sender = (form.get("From") or "").strip().removeprefix("whatsapp:")
    return sender if re.fullmatch(r"\+\d{6,15}", sender) else None


@dataclass(frozen=True)
class MessageStatus:
    """One Twilio status callback: a row of the `whatsapp_status` table."""

    message_sid: str
    status: str
    to: str = ""
    error_code: str | None = None  # 63016: outside the 24-hour window
    error_message: str = ""


def parse_status(form: Mapping[str, str]) -> MessageStatus | None:
    """One status callback form, or None when it names no message or no status."""
    sid = (form.get("MessageSid") or form.get("SmsSid") or "").strip()
    status = (form.get("MessageStatus") or form.get("SmsStatus") or "").strip().lower()
    if not sid or not status:
        return None
    return MessageStatus(sid[:64], status[:24], (form.get("To") or "")[:128],
                         (form.get("ErrorCode") or "").strip()[:16] or None,
                         (form.get("ErrorMessage") or "")[:500])
