"""What is checked before a command runs, each problem said in one line (no traceback).

    settings that do not parse   SETTING_NAME: what is wrong (got 'value')     exit 2
    settings that do not agree   SETTING_NAME: what is wrong                    exit 2
    a database that is away      database unreachable at URL: reason            serve and
                                 worker: a warning, they start and wait for it (/readyz
                                 answers 503 meanwhile); any other command: exit 2
    a REDIS_URL that is away     redis unreachable at URL: reason               serve, worker
                                 and poll: a warning, they start; replies wait (retried by
                                 the outbox) until it answers, never sent unpaced

Secret values are never printed, nor a database password.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re

from pydantic import ValidationError
from pydantic_settings import SettingsError
from yarl import URL

from bot.database import open_database
from bot.settings import SECRETS, Settings, reveal
from storage.db import is_sqlite, shown

# The commands that start a long-running process: their settings must agree.
STARTS = ("serve", "worker", "poll")
LOOPBACK_NAMES = ("localhost",)


def setting_errors(error: ValidationError | SettingsError) -> list[str]:
    """One line per setting Settings() refused."""
    if isinstance(error, SettingsError):
        field = re.search(r'field "(\w+)"', str(error))
        name = field.group(1).upper() if field else "a setting"
        return [f"{name}: not valid JSON"]
    lines: dict[str, str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "settings"
        message = item["msg"].removeprefix("Value error, ")
        message = message[:1].lower() + message[1:]
        lines.setdefault(field, f"{field.upper()}: {message}{_got(field, item.get('input'))}")
    return list(lines.values())


def _got(field: str, value: object) -> str:
    if field in SECRETS or field == "redis_url" or not isinstance(value, str | int | float):
        return ""
    text = shown(value) if field == "database_url" and isinstance(value, str) else value
    return f" (got {text!r})"


def problems(settings: Settings, command: str) -> list[str]:
    """Settings that parse but cannot work together, for a process about to start."""
    if command not in STARTS:
        return []
    found = []
    if not is_sqlite(settings.database_url) and not reveal(settings.secret_key):
        found.append("SECRET_KEY: required with PostgreSQL (every process of a deployment "
                     "signs sessions and links with the same key)")
    if command != "serve":
        return found
    # Imported here: every command runs these checks, only serving needs Telegram's.
    from bot.channels.telegram.webhook import SECRET_FORMAT

    if settings.telegram_bot_token and not settings.telegram_webhook_secret:
        found.append("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_BOT_TOKEN is set "
                     "(the webhook refuses every update without it; `tijara poll` needs none)")
    elif settings.telegram_webhook_secret and not SECRET_FORMAT.fullmatch(
            reveal(settings.telegram_webhook_secret)):
        found.append("TELEGRAM_WEBHOOK_SECRET: 1-256 characters of A-Z a-z 0-9 _ -")
    messaging = settings.telegram_bot_token or settings.twilio_auth_token
    if messaging and not _https_or_loopback(settings.public_base_url):
        found.append("PUBLIC_BASE_URL: must be https:// when Telegram or WhatsApp is "
                     f"configured (got {settings.public_base_url!r})")
    return found


def _https_or_loopback(url: str) -> bool:
    parsed = URL(url)
    if parsed.scheme == "https":
        return True
    host = parsed.host or ""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def database_problem(settings: Settings) -> str | None:
    """None when the database answers, else the one line that says why not."""
    db = open_database(settings)
    try:
        await db.probe(settings.db_connect_timeout + 1)
        return None
    except Exception as error:  # noqa: BLE001 - every failure is reported the same way
        return unreachable(settings, error)
    finally:
        await db.close()


def unreachable(settings: Settings, error: BaseException) -> str:
    return f"database unreachable at {shown(settings.database_url)}: {reason(error)}"


def reason(error: BaseException) -> str:
    """The driver's own words, first line, without the exception class SQLAlchemy adds."""
    inner = getattr(error, "orig", None) or error
    text = str(inner).strip().splitlines()[0] if str(inner).strip() else type(inner).__name__
    return re.sub(r"^<class '[\w.]+'>: ", "", text)


async def redis_problem(settings: Settings) -> str | None:
    """None when REDIS_URL is unset or answers, else the one line that says why not."""
    if not settings.redis_url:
        return None
    from bot.channels.pacing import REDIS_TIMEOUT, redis_client  # only a starting process

    client = redis_client(settings.redis_url)
    try:
        await asyncio.wait_for(client.ping(), REDIS_TIMEOUT + 1)
        return None
    except Exception as error:  # noqa: BLE001 - every failure is reported the same way
        return f"redis unreachable at {_redis_shown(settings.redis_url)}: {reason(error)}"
    finally:
        await client.aclose()


def _redis_shown(url: str) -> str:
    """A Redis URL without its password."""
    parsed = URL(url)
    return str(parsed.with_password("***")) if parsed.password else url
