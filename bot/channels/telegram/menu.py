"""The bot's menu button: the form (the Mini App, bot/channels/forms.py) from the chat's
menu, beside the text field, whatever question is open, not only under the first
business and product questions.

Set where the bot is configured with Telegram: `tijara telegram set-webhook`, and
`tijara poll` when it starts. Idempotent: it asks Telegram for the button it has and sets
it only when it differs. A Mini App needs https, so with another PUBLIC_BASE_URL the menu
goes back to Telegram's default. One button for every chat (Telegram's default menu
button): its label says "form" in French and in Darija, the languages most owners read.
"""

from __future__ import annotations

import logging

from telegram import Bot, MenuButton, MenuButtonDefault, MenuButtonWebApp, WebAppInfo

from bot.i18n import Catalog
from flows.model import Msg

log = logging.getLogger(__name__)

FORM_PATH = "/telegram/form"
LABEL_LOCALES = ("fr", "ary-Arab")


def menu_button(public_base_url: str, texts: Catalog) -> MenuButton:
    """The button wanted for this PUBLIC_BASE_URL."""
    if not public_base_url.startswith("https://"):
        return MenuButtonDefault()
    label = " · ".join(texts.text(locale, Msg("tg_menu_form")) for locale in LABEL_LOCALES)
    return MenuButtonWebApp(label, WebAppInfo(public_base_url.rstrip("/") + FORM_PATH))


async def set_menu_button(bot: Bot, public_base_url: str, texts: Catalog) -> bool:
    """Make the bot's default menu button the form (or Telegram's default without https);
    True when it had to be changed."""
    wanted = menu_button(public_base_url, texts)
    current = await bot.get_chat_menu_button()
    if current is not None and current.to_dict() == wanted.to_dict():
        return False
    await bot.set_chat_menu_button(menu_button=wanted)
    log.info("telegram menu button set: %s", wanted.type)
    return True
