"""Telegram offers the Mini App's form under the first business and product questions."""

from __future__ import annotations

from telegram import Bot, InlineKeyboardMarkup, ReplyKeyboardRemove

from bot.channels.telegram.channel import TelegramChannel
from bot.i18n import Rendered

TOKEN = "123456789:TEST-token_for-the-stand-in"


def markup(base: str, key: str, buttons=()):
    channel = TelegramChannel(Bot(TOKEN), store=None, public_base_url=base)
    return channel._markup(Rendered(key, "…", tuple(buttons), "text"), "fr")


def test_the_form_button_opens_the_mini_app_under_the_first_questions():
    found = markup("https://tijara.ma", "ask_business_name", [("Autre langue", "language")])
    assert isinstance(found, InlineKeyboardMarkup)
    rows = found.inline_keyboard
    assert rows[0][0].callback_data == "language"  # the question's own buttons first
    assert rows[-1][0].web_app.url == "https://tijara.ma/telegram/form"
    assert rows[-1][0].text == "Remplir comme un formulaire"
    assert markup("https://tijara.ma", "ask_product_name").inline_keyboard[0][0].web_app


def test_no_form_button_elsewhere_or_without_https():
    assert isinstance(markup("http://127.0.0.1:8080", "ask_business_name"), ReplyKeyboardRemove)
    assert isinstance(markup("https://tijara.ma", "ask_city"), ReplyKeyboardRemove)
