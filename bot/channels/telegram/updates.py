"""What one Telegram update means for Tijara. Pure: no I/O, no PTB objects.

The update is read as the JSON Telegram sent (webhook body or a getUpdates
item) and checked field by field: anything malformed gives `None`, and the
caller answers 200 anyway so that Telegram does not resend it forever.

| update                               | becomes                                             |
|--------------------------------------|-----------------------------------------------------|
| message: text                        | text                                                |
| message: `/start [code]`             | is_start, reopens, referral (<= 64 of `[A-Za-z0-9_-]`) |
| message: photo                       | media: the largest size                             |
| message: document with an image MIME | media, as a photo                                   |
| message: other document              | media (refused when fetched: not an image)          |
| message: voice, audio                | media, kind audio                                   |
| message: album item                  | media + group (media_group_id)                      |
| message: file over 20 MB             | notice file_too_large (nothing downloaded)          |
| message: contact                     | contact_phone if it is the sender's own, else       |
|                                      | notice contact_not_yours                            |
| message: location, venue             | place (the nearest town, bot.channels.location);    |
|                                      | the coordinates are taken out of raw                |
| message: sticker, video, poll...     | notice unsupported                                  |
| message: service (pinned, ...)       | nothing                                             |
| edited_message                       | notice edited (a live location moving: nothing)     |
| callback_query                       | payload (its data); always answered by the caller   |
| my_chat_member kicked / member       | the chat blocked / unblocked the bot                |

Only private chats are served: the contact button and the onboarding itself
are one person's. External ids are message-level ("m:<chat>:<message_id>"),
not `update_id`: Telegram restarts update ids at random after a quiet week,
while a message id is never reused in a chat. A redelivered update carries
the same message, hence the same id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.channels.base import InboundMessage
from bot.channels.location import shared_place

CHANNEL = "telegram"
FILE_LIMIT = 20_000_000  # getFile downloads "up to 20 MB" (PTB FileSizeLimit.FILESIZE_DOWNLOAD)
TEXT_LIMIT = 8192  # Telegram sends at most 4096; anything longer is not from Telegram
CALLBACK_DATA_MAX = 64  # bytes
GROUP_MAX = 64
REFERRAL = re.compile(r"[A-Za-z0-9_-]{1,64}")
START = re.compile(r"/start(?:@[A-Za-z0-9_]{1,64})?(?:\s+(.*))?", re.S)

# Messages Telegram makes on its own (no answer expected from us).
SERVICE = frozenset({
    "new_chat_members", "left_chat_member", "new_chat_title", "new_chat_photo",
    "delete_chat_photo", "group_chat_created", "supergroup_chat_created",
    "channel_chat_created", "message_auto_delete_timer_changed", "migrate_to_chat_id",
    "migrate_from_chat_id", "pinned_message", "successful_payment", "refunded_payment",
    "connected_website", "write_access_allowed", "proximity_alert_triggered", "boost_added",
    "chat_background_set", "forum_topic_created", "forum_topic_edited", "forum_topic_closed",
    "forum_topic_reopened", "general_forum_topic_hidden", "general_forum_topic_unhidden",
    "giveaway_created", "giveaway_completed", "video_chat_scheduled", "video_chat_started",
    "video_chat_ended", "video_chat_participants_invited", "users_shared", "chat_shared",
    "web_app_data", "passport_data",
})


@dataclass(frozen=True)
class Callback:
    """A pressed inline button: answered at once, its keyboard taken off the old message."""

    query_id: str
    chat_id: int | None
    message_id: int | None


@dataclass(frozen=True)
class Parsed:
    update_id: int
    message: InboundMessage | None = None
    callback: Callback | None = None
    membership: tuple[str, str] | None = None  # (user_ref, "blocked" | "unblocked")
    ignored: str = ""  # why nothing is done, for the log


def parse_update(data: Any) -> Parsed | None:
    """The meaning of one update, or None if it is not a well-formed update."""
    if not isinstance(data, dict):
        return None
    update_id = _int(data.get("update_id"))
    if update_id is None:
        return None
    if "message" in data:
        return _message(update_id, data["message"], data, edited=False)
    if "edited_message" in data:
        return _message(update_id, data["edited_message"], data, edited=True)
    if "callback_query" in data:
        return _callback(update_id, data["callback_query"], data)
    if "my_chat_member" in data:
        return _membership(update_id, data["my_chat_member"])
    return Parsed(update_id, ignored="update type not handled")


def _message(update_id: int, msg: Any, raw: dict, *, edited: bool) -> Parsed | None:
    if not isinstance(msg, dict):
        return None
    chat = _dict(msg.get("chat"))
    chat_id, message_id = _int(chat.get("id")), _int(msg.get("message_id"))
    if chat_id is None or message_id is None:
        return None
    if chat.get("type") != "private":
        return Parsed(update_id, ignored="not a private chat")
    sender = _dict(msg.get("from"))
    if sender.get("is_bot") is True:
        return Parsed(update_id, ignored="sent by a bot")

    def inbound(external_id: str, **fields) -> Parsed:
        fields.setdefault("raw", raw)
        return Parsed(update_id, InboundMessage(
            channel=CHANNEL, user_ref=str(chat_id), external_id=external_id,
            locale_hint=_language(sender), profile_name=_name(sender), **fields))

    if edited:
        if "location" in msg:  # a live location moving is sent as edits
            return Parsed(update_id, ignored="live location")
        edit_date = _int(msg.get("edit_date")) or 0
        return inbound(f"e:{chat_id}:{message_id}:{edit_date}", notice="edited")
    if any(msg.get(key) for key in SERVICE):  # (PTB's to_dict adds some flags as False)
        return Parsed(update_id, ignored="service message")
    external_id = f"m:{chat_id}:{message_id}"

    text = msg.get("text")
    if isinstance(text, str):
        start = START.fullmatch(text.strip())
        if start:
            code = (start.group(1) or "").strip()
            # /start is what Telegram sends when a blocked bot is restarted.
            return inbound(external_id, is_start=True, reopens=True,
                           referral=code if REFERRAL.fullmatch(code) else None)
        return inbound(external_id, text=text[:TEXT_LIMIT])

    if "contact" in msg:
        contact = _dict(msg.get("contact"))
        phone = _phone(contact.get("phone_number"))
        owner = _int(contact.get("user_id"))
        if phone and owner is not None and owner == _int(sender.get("id")):
            return inbound(external_id, contact_phone=phone)
        return inbound(external_id, notice="contact_not_yours")

    if "location" in msg or "venue" in msg:  # a venue carries its location too
        spot = _dict(msg.get("location")) or _dict(_dict(msg.get("venue")).get("location"))
        return inbound(external_id, place=shared_place(spot.get("latitude"),
                                                       spot.get("longitude")),
                       raw=without_location(raw))

    ref = _media(msg)
    if ref is not None:
        if ref.get("size") is not None and ref["size"] > FILE_LIMIT:
            return inbound(external_id, notice="file_too_large")
        group = msg.get("media_group_id")
        group = str(group)[:GROUP_MAX] if isinstance(group, str | int) and group else None
        return inbound(external_id, media=(ref,), group=group)
    return inbound(external_id, notice="unsupported")  # sticker, video, location, poll...


def _media(msg: dict) -> dict | None:
    """The file reference fetch_media will download, or None if the message has none we take."""
    if "animation" in msg or "sticker" in msg or "video" in msg or "video_note" in msg:
        return None  # a GIF also carries a `document`: it is not a photo
    photo = msg.get("photo")
    if isinstance(photo, list):
        sizes = [p for p in photo if isinstance(p, dict) and _str(p.get("file_id"))]
        if sizes:
            best = max(sizes, key=lambda p: (_int(p.get("width")) or 0) * (_int(p.get("height"))
                                                                         or 0))
            return _ref(best, "photo", "image/jpeg")
        return None
    document = msg.get("document")
    if isinstance(document, dict) and _str(document.get("file_id")):
        mime = (_str(document.get("mime_type")) or "").lower()[:100]
        return _ref(document, "photo" if mime.startswith("image/") else "document", mime)
    for key in ("voice", "audio"):
        item = msg.get(key)
        if isinstance(item, dict) and _str(item.get("file_id")):
            return _ref(item, "audio", (_str(item.get("mime_type")) or "")[:100])
    return None


def _ref(item: dict, kind: str, mime: str) -> dict:
    return {"file_id": item["file_id"], "file_unique_id": _str(item.get("file_unique_id")),
            "kind": kind, "mime": mime, "size": _int(item.get("file_size"))}


def _callback(update_id: int, query: Any, raw: dict) -> Parsed | None:
    if not isinstance(query, dict):
        return None
    query_id = _str(query.get("id"))
    sender = _dict(query.get("from"))
    user_id = _int(sender.get("id"))
    if not query_id or user_id is None:
        return None
    message = _dict(query.get("message"))
    chat = _dict(message.get("chat"))
    chat_id = _int(chat.get("id"))
    callback = Callback(query_id, chat_id if chat_id is not None else user_id,
                        _int(message.get("message_id")))
    if chat and chat.get("type") not in (None, "private"):
        return Parsed(update_id, callback=callback, ignored="not a private chat")
    data = _str(query.get("data"))
    if not data or len(data.encode()) > CALLBACK_DATA_MAX:
        return Parsed(update_id, callback=callback, ignored="callback without usable data")
    if sender.get("is_bot") is True:
        return Parsed(update_id, callback=callback, ignored="sent by a bot")
    message = InboundMessage(
        channel=CHANNEL, user_ref=str(callback.chat_id), external_id=f"cb:{query_id}"[:128],
        payload=data, locale_hint=_language(sender), profile_name=_name(sender), raw=raw)
    return Parsed(update_id, message, callback=callback)


def _membership(update_id: int, change: Any) -> Parsed | None:
    if not isinstance(change, dict):
        return None
    chat = _dict(change.get("chat"))
    chat_id = _int(chat.get("id"))
    status = _dict(change.get("new_chat_member")).get("status")
    if chat_id is None or not isinstance(status, str):
        return None
    if chat.get("type") != "private":
        return Parsed(update_id, ignored="not a private chat")
    if status == "kicked":
        return Parsed(update_id, membership=(str(chat_id), "blocked"))
    if status == "member":
        return Parsed(update_id, membership=(str(chat_id), "unblocked"))
    return Parsed(update_id, ignored=f"membership {status[:20]}")


def without_location(value: Any) -> Any:
    """The update with every location and venue taken out (a quoted one too): where an
    owner stands is read once, never stored."""
    if isinstance(value, dict):
        return {k: without_location(v) for k, v in value.items()
                if k not in ("location", "venue")}
    if isinstance(value, list):
        return [without_location(v) for v in value]
    return value


# --- checked field access ---------------------------------------------------


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _language(sender: dict) -> str | None:
    code = _str(sender.get("language_code"))
    return code[:16] if code else None


def _name(sender: dict) -> str | None:
    parts = [_str(sender.get("first_name")), _str(sender.get("last_name"))]
    name = " ".join(p.strip() for p in parts if p and p.strip())
    return name[:120] or None


def _phone(value: Any) -> str | None:
    """Telegram sends the number with or without its "+": always give E.164's "+"."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    digits = "".join(ch for ch in value if ch.isdigit())
    if not 6 <= len(digits) <= 15:
        return None
    return f"+{digits}"
