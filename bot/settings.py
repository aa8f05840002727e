"""One settings object, read from the environment or a `.env` file (ARCHITECTURE.md)."""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

TWILIO_MEDIA_HOSTS = ("api.twilio.com", "media.twiliocdn.com", "mms.twiliocdn.com")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./var/tijara.db"
    # PostgreSQL: seconds to wait (a stopped or stalled server fails fast, never hangs a
    # request or the worker), and connections per process: (pool size + overflow) times
    # the processes must stay under the server's max_connections (100 by default).
    db_connect_timeout: float = Field(default=5.0, gt=0)
    db_statement_timeout: float = Field(default=15.0, gt=0)
    db_pool_timeout: float = Field(default=10.0, gt=0)
    db_pool_size: int = Field(default=10, ge=1)
    db_max_overflow: int = Field(default=10, ge=0)
    media_root: Path = Path("./var/media")
    public_base_url: str = "http://127.0.0.1:8080"
    secret_key: str = ""
    var_dir: Path = Path("./var")
    # Webhook messages kept on local disk while the database is away (bot/receive.py).
    spool_dir: Path | None = None

    telegram_bot_token: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_file_base_url: str = "https://api.telegram.org/file/bot"
    telegram_bot_username: str | None = None  # for t.me deep links (agent invites, referrals)

    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_whatsapp_from: str | None = None
    twilio_api_base_url: str = "https://api.twilio.com"
    twilio_media_hosts: list[str] = Field(default_factory=lambda: list(TWILIO_MEDIA_HOSTS))
    # Content API templates, JSON: {"notice:<locale>": "HX…"} an approved one-variable
    # template for messages outside the 24-hour window; {"<key>:<locale>": "HX…"} a
    # quick-reply or list-picker content (button ids = our payloads) for that question.
    twilio_content_sids: dict[str, str] = Field(default_factory=dict)

    storefront_api_url: str | None = None
    storefront_api_token: str | None = None
    storefront_signing_secret: str | None = None
    storefront_timeout: float = 30.0  # seconds for one whole handoff request
    reminder_first_hours: float = 24  # a quiet draft's first reminder (bot/outbox/reminders.py)
    reminder_second_hours: float = 72  # and its second, the last

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
        if self.secret_key:
            return self.secret_key
        path = self.var_dir / "secret_key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()
