## telegram_menu — the bot's menu button, opening the form (bot/channels/telegram/menu.py)

tg_menu_form = الفورمولير
