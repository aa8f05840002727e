"""One settings object, read from the environment or a `.env` file (ARCHITECTURE.md)."""

from __future__ import annotations

import json
import re
import secrets
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.i18n import LOCALES
from flows.hours import parse as parse_hours
from flows.listing import Rate
from storage.s3 import parse_url

TWILIO_MEDIA_HOSTS = ("api.twilio.com", "media.twiliocdn.com", "mms.twiliocdn.com")
DATABASE_BACKENDS = ("sqlite", "postgresql")
# Held as SecretStr: repr() and error messages show '**********'; `reveal` gives the value.
SECRETS = frozenset({"secret_key", "telegram_bot_token", "telegram_webhook_secret",
                     "twilio_auth_token", "storefront_api_token", "storefront_signing_secret",
                     "metrics_token", "aws_secret_access_key"})


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./var/tijara.db"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # JSON lines for log collectors; `make run` asks for text, for the person at the terminal.
    log_format: Literal["json", "text"] = "json"
    # PostgreSQL: seconds to wait (a stopped or stalled server fails fast, never hangs a
    # request or the worker), and connections per process: (pool size + overflow) times
    # the processes must stay under the server's max_connections (100 by default).
    db_connect_timeout: float = Field(default=5.0, gt=0)
    db_statement_timeout: float = Field(default=15.0, gt=0)
    db_pool_timeout: float = Field(default=10.0, gt=0)
    db_pool_size: int = Field(default=10, ge=1)
    db_max_overflow: int = Field(default=10, ge=0)
    media_root: Path = Path("./var/media")
    # Photos, voice notes and the export folder: empty, on this machine (MEDIA_ROOT,
    # VAR_DIR/exports); s3://bucket[/prefix], in an S3-compatible bucket that every
    # machine shares (storage/s3.py). Unset AWS_* settings: botocore's own chain.
    media_store: str = ""
    aws_access_key_id: str | None = None
    aws_secret_access_key: SecretStr | None = None
    aws_region: str | None = None
    aws_endpoint_url: str | None = None  # MinIO, R2...; unset: AWS itself
    public_base_url: str = "http://127.0.0.1:8080"
    secret_key: SecretStr = SecretStr("")
    var_dir: Path = Path("./var")
    # Webhook messages kept on local disk while the database is away (bot/receive.py).
    spool_dir: Path | None = None

    telegram_bot_token: SecretStr | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_file_base_url: str = "https://api.telegram.org/file/bot"
    telegram_bot_username: str | None = None  # for t.me deep links (agent invites, referrals)

    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None
    twilio_whatsapp_from: str | None = None
    twilio_api_base_url: str = "https://api.twilio.com"
    # A JSON list or a comma-separated value, like every list setting.
    twilio_media_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(TWILIO_MEDIA_HOSTS))
    # Content API templates, JSON: {"notice:<locale>": "HX…"} an approved one-variable
    # template for messages outside the 24-hour window; {"<key>:<locale>": "HX…"} a
    # quick-reply or list-picker content (button ids = our payloads) for that question.
    twilio_content_sids: dict[str, str] = Field(default_factory=dict)
    # WhatsApp Flows (docs/whatsapp-flows/README.md), JSON: {"business:<locale>": "HX…",
    # "product:<locale>": "HX…"}, a `whatsapp/flows` content per form and locale, offered
    # under the form's first question; a locale without one goes on as a conversation.
    twilio_flow_sids: dict[str, str] = Field(default_factory=dict)

    storefront_api_url: str | None = None
    storefront_api_token: SecretStr | None = None
    storefront_signing_secret: SecretStr | None = None
    storefront_timeout: float = 30.0  # seconds for one whole handoff request
    # How long a review usually takes, told to owners in their language: a number and a
    # unit, "48h", "2d", "2 days", "2 working days" (unset: "we write to you once done").
    review_time_hint: str | None = None
    reminder_first_hours: float = 24  # a quiet draft's first reminder (bot/outbox/reminders.py)
    reminder_second_hours: float = 72  # and its second, the last
    # Personal data (law 09-08): how long things are kept, in days, and whom owners write
    # to about their data (said in the consent). Raw webhook bodies go once processed and
    # this old (bot/outbox/retention.py); a draft untouched DRAFT_RETENTION_DAYS gets a
    # last notice, then is erased 14 days later; a rejected submission is erased
    # REJECTED_RETENTION_DAYS after the decision.
    raw_retention_days: int = Field(default=30, ge=1, le=3650)
    draft_retention_days: int = Field(default=180, ge=1, le=3650)
    rejected_retention_days: int = Field(default=365, ge=1, le=3650)
    privacy_contact: str = Field(default="", max_length=200)
    # When a person answers a support request (flows.hours): "Mon-Fri 09:00-18:00", in
    # Africa/Casablanca unless a zone ends it. Unset: owners hear "as soon as possible".
    support_hours: str | None = None
    # The rate English listings show USD prices at (flows.listing), and the day it was
    # read, shown beside every USD price: set both when the rate is refreshed.
    usd_per_mad: Decimal = Field(default=Decimal("0.10"), gt=0, le=10)
    usd_per_mad_date: str = Field(default="2025-06-01", pattern=r"^\d{4}-\d{2}-\d{2}$")

    webchat_enabled: bool = True
    # Web-chat throttling (storage/throttle.py), generous: a real owner never meets it.
    # New sessions per client address per window, and messages per session per window.
    webchat_session_limit: int = Field(default=20, ge=1)
    webchat_session_window: int = Field(default=600, ge=1)  # seconds
    webchat_message_limit: int = Field(default=60, ge=1)
    webchat_message_window: int = Field(default=60, ge=1)  # seconds
    # Proxies in front of us that append to X-Forwarded-For (1 behind one load balancer).
    # 0 trusts no header: the peer is the client (else anyone could pick their address).
    forwarded_hops: int = Field(default=0, ge=0, le=5)
    # The outbox worker inside `tijara serve`: on by default for the embedded SQLite setup,
    # so `make run` is the whole thing; production runs `tijara worker` processes instead.
    embedded_worker: bool | None = None
    # /metrics (of `serve` and of the worker): this bearer token, or unset: loopback only.
    metrics_token: SecretStr | None = None
    # `tijara worker` answers GET /healthz and /metrics here; port 0: no server.
    worker_host: str = "127.0.0.1"
    worker_port: int = Field(default=9090, ge=0, le=65535)
    # Rate limits (Telegram, WhatsApp) shared by every process: redis:// rediss:// unix://.
    # Unset: each process paces alone, right only when one process sends.
    redis_url: str | None = None
    redis_key_prefix: str = "tijara:"  # deployments (or tests) sharing a Redis stay apart

    @field_validator("twilio_media_hosts", mode="before")
    @classmethod
    def _list(cls, value):
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("twilio_flow_sids")
    @classmethod
    def _flow_sids(cls, value: dict[str, str]) -> dict[str, str]:
        for key, sid in value.items():
            scope, _, locale = key.partition(":")
            if scope not in ("business", "product") or locale not in LOCALES:
                raise ValueError(f"{key!r}: a key is business:<locale> or product:<locale>, "
                                 f"locale one of {', '.join(LOCALES)}")
            if not re.fullmatch(r"HX[0-9a-fA-F]{32}", sid):
                raise ValueError(f"{key!r}: a Content SID, HX and 32 hex digits")
        return value

    @field_validator("support_hours")
    @classmethod
    def _support_hours(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parse_hours(value)  # BadHours (a ValueError) says what was expected
        return value.strip()

    @field_validator("review_time_hint")
    @classmethod
    def _review_time(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        review_time(value)  # refused here, once, rather than when an owner is told
        return value.strip()

    @property
    def review_time(self) -> tuple[int, str] | None:
        """REVIEW_TIME_HINT as (count, "hours" | "days" | "working_days")."""
        return review_time(self.review_time_hint) if self.review_time_hint else None

    @field_validator("log_level", mode="before")
    @classmethod
    def _level(cls, value):
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _format(cls, value):
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        try:
            backend = make_url(value).get_backend_name()
        except ArgumentError:
            raise ValueError("not a database URL (sqlite:///path or "
                             "postgresql://user:password@host/name)") from None
        if backend not in DATABASE_BACKENDS:
            raise ValueError(f"{backend} is not supported (sqlite or postgresql)")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("not a Redis URL (redis://host:6379/0, rediss:// or unix://)")
        return value

    @field_validator("media_store")
    @classmethod
    def _media_store(cls, value: str) -> str:
        value = value.strip()
        if value:
            parse_url(value)
        return value

    def model_copy(self, *, update: dict | None = None, deep: bool = False) -> Settings:
        """A copy with some settings changed; secrets given as plain strings are wrapped
        (model_copy does not validate)."""
        if update:
            update = {k: SecretStr(v) if k in SECRETS and isinstance(v, str) else v
                      for k, v in update.items()}
        return super().model_copy(update=update, deep=deep)

    @property
    def usd_rate(self) -> Rate:
        """USD_PER_MAD with its date, as English listings and the handoff use it."""
        return Rate(self.usd_per_mad, self.usd_per_mad_date)

    @property
    def spool(self) -> Path:
        return self.spool_dir or self.var_dir / "spool"

    @property
    def runs_embedded_worker(self) -> bool:
        if self.embedded_worker is not None:
            return self.embedded_worker
        return self.database_url.startswith("sqlite")

    @cached_property
    def secret(self) -> str:
        """SECRET_KEY, or one generated on first run and kept in ./var so restarts agree."""
        if self.secret_key.get_secret_value():
            return self.secret_key.get_secret_value()
        path = self.var_dir / "secret_key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()


# REVIEW_TIME_HINT's units, as people write them.
REVIEW_UNITS = {"h": "hours", "hour": "hours", "hours": "hours", "d": "days", "day": "days",
                "days": "days", "wd": "working_days", "working day": "working_days",
                "working days": "working_days", "business days": "working_days"}


def review_time(value: str) -> tuple[int, str]:
    """'2 working days' -> (2, "working_days"); ValueError for anything else."""
    match = re.fullmatch(r"\s*(\d{1,3})\s*([a-z ]+?)\s*", value.lower())
    unit = REVIEW_UNITS.get(" ".join(match.group(2).split())) if match else None
    if unit is None or int(match.group(1)) == 0:
        raise ValueError("a number and a unit: 48h, 2d, 2 days, 2 working days")
    return int(match.group(1)), unit


def reveal(secret: SecretStr | str | None) -> str:
    """A secret setting's value, "" when unset (a plain string passes as it is)."""
    if isinstance(secret, SecretStr):
        return secret.get_secret_value()
    return secret or ""
