"""The WhatsApp channel through Twilio (plain HTTP with aiohttp; twilio-python only for
its signature check).

- `form`: what a webhook form means (pure): one `InboundMessage`, or a
  `MessageStatus` from a status callback.
- `compose`: replies as WhatsApp bodies (pure): joined, numbered choices, split
  at 1600, images as `MediaUrl`, template variables.
- `channel`: the Messages API (the 24-hour window, Content API templates, errors),
  media downloads into the media pipeline.
- `webhook`: `POST /whatsapp/twilio` and `/whatsapp/twilio/status` (signature
  checked against PUBLIC_BASE_URL, empty TwiML answer).
"""

from bot.channels.whatsapp.channel import STATUS_PATH, OutsideWindow, WhatsAppChannel, open_whatsapp
from bot.channels.whatsapp.compose import WithMedia, compose, messages, split_body
from bot.channels.whatsapp.form import CHANNEL, PHOTO_GROUP, MessageStatus, parse_form, parse_status
from bot.channels.whatsapp.webhook import TWIML_EMPTY, WEBHOOK_PATH, routes

__all__ = [
    "CHANNEL", "PHOTO_GROUP", "STATUS_PATH", "TWIML_EMPTY", "WEBHOOK_PATH", "MessageStatus",
    "OutsideWindow", "WhatsAppChannel", "WithMedia", "compose", "messages", "open_whatsapp",
    "parse_form", "parse_status", "routes", "split_body",
]
