"""The Telegram channel (python-telegram-bot 22 as the Bot API client; no Application,
no ConversationHandler: the conversation lives in the database).

- `updates`: what an update means (pure): one `InboundMessage`, a button press to
  answer, or a block/unblock.
- `webhook`: `POST /telegram/webhook` (secret token checked in constant time), `accept`
  (every update's way in), `tijara telegram set-webhook`.
- `polling`: `tijara poll` (getUpdates into the same `accept`).
- `channel`: replies (paced per chat and per bot, 429/403 handled), button
  presses answered, files downloaded into the media pipeline.
"""

from bot.channels.telegram.channel import TelegramChannel, make_bot, open_telegram
from bot.channels.telegram.polling import poll_loop
from bot.channels.telegram.updates import CHANNEL, parse_update
from bot.channels.telegram.webhook import (
    ALLOWED_UPDATES,
    WEBHOOK_PATH,
    accept,
    routes,
    set_webhook,
)

__all__ = [
    "ALLOWED_UPDATES", "CHANNEL", "WEBHOOK_PATH", "TelegramChannel", "accept", "make_bot",
    "open_telegram", "parse_update", "poll_loop", "routes", "set_webhook",
]
