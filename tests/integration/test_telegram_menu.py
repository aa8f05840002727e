"""The bot's menu button opens the form (the Mini App) in every chat: set where the bot is
configured with Telegram, only when it differs, against the local Bot API stand-in."""

from __future__ import annotations

from bot.channels import telegram
from tests.integration.test_telegram import fake, tg_settings  # noqa: F401

HTTPS = "https://bot.example.ma"


async def test_set_webhook_puts_the_form_in_the_menu_once(tg_settings, fake):  # noqa: F811
    settings = tg_settings.model_copy(update={"public_base_url": HTTPS + "/"})
    await telegram.set_webhook(settings)
    (call,) = fake.called("setChatMenuButton")
    button = call.params["menu_button"]
    assert button["type"] == "web_app"
    assert button["web_app"] == {"url": HTTPS + "/telegram/form"}
    assert button["text"] == "Formulaire · الفورمولير"
    assert "chat_id" not in call.params  # the default button, for every private chat
    # Configured again (a redeploy): Telegram already has it, nothing is set twice.
    await telegram.set_webhook(settings)
    assert len(fake.called("setChatMenuButton")) == 1
    assert len(fake.called("getChatMenuButton")) == 2


async def test_without_https_the_menu_goes_back_to_telegrams_default(tg_settings,  # noqa: F811
                                                                     fake):  # noqa: F811
    fake.menu_button = {"type": "web_app", "text": "Formulaire",
                        "web_app": {"url": "https://old.example.ma/telegram/form"}}
    await telegram.set_webhook(tg_settings)  # http://127.0.0.1:...: no Mini App there
    (call,) = fake.called("setChatMenuButton")
    assert call.params["menu_button"] == {"type": "default"}
    await telegram.set_webhook(tg_settings)
    assert len(fake.called("setChatMenuButton")) == 1
