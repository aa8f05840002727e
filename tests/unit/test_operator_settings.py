"""What an operator meets before anything runs: settings said wrong in one line each,
secrets kept out of sight, and a command line that explains itself."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot import preflight
from bot.cli import main, parser
from bot.settings import Settings

# Everything a developer's shell or CI might have set that these tests set themselves.
SETTINGS_ENV = ("DATABASE_URL", "FORWARDED_HOPS", "TWILIO_MEDIA_HOSTS", "TELEGRAM_BOT_TOKEN",
                "TELEGRAM_WEBHOOK_SECRET", "PUBLIC_BASE_URL", "SECRET_KEY", "LOG_LEVEL",
                "LOG_FORMAT", "TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID", "METRICS_TOKEN",
                "WORKER_PORT", "VAR_DIR", "MEDIA_ROOT", "REDIS_URL", "MEDIA_STORE",
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_ENDPOINT_URL")


@pytest.fixture
def env(monkeypatch, tmp_path):
    """A clean environment in an empty folder (no .env, ./var created there)."""
    for name in SETTINGS_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def run(*argv: str) -> int:
    try:
        return main(list(argv))
    except SystemExit as exit_:
        return exit_.code


def test_a_wrong_setting_is_one_line_and_exit_2(env, capsys):
    env.setenv("FORWARDED_HOPS", "abc")
    assert run("serve") == 2
    assert capsys.readouterr().err == ("FORWARDED_HOPS: input should be a valid integer, "
                                       "unable to parse string as an integer (got 'abc')\n")


def test_every_wrong_setting_is_said_and_no_password_printed(env, capsys):
    env.setenv("DATABASE_URL", "mysql://tijara:hunter2@db.internal/tijara")
    env.setenv("LOG_LEVEL", "loud")
    assert run("submissions", "list") == 2
    assert capsys.readouterr().err.splitlines() == [
        "DATABASE_URL: mysql is not supported (sqlite or postgresql) "
        "(got 'mysql://tijara:***@db.internal/tijara')",
        "LOG_LEVEL: input should be 'DEBUG', 'INFO', 'WARNING', 'ERROR' or 'CRITICAL' "
        "(got 'LOUD')"]


def test_a_bad_json_setting_is_one_line(env, capsys):
    env.setenv("TWILIO_CONTENT_SIDS", "notice:fr=HX1")
    assert run("worker") == 2
    assert capsys.readouterr().err == "TWILIO_CONTENT_SIDS: not valid JSON\n"


def test_list_settings_take_a_comma_separated_value_or_json(env):
    env.setenv("TWILIO_MEDIA_HOSTS", "api.twilio.com")
    assert Settings().twilio_media_hosts == ["api.twilio.com"]
    env.setenv("TWILIO_MEDIA_HOSTS", " api.twilio.com, media.twiliocdn.com ")
    assert Settings().twilio_media_hosts == ["api.twilio.com", "media.twiliocdn.com"]
    env.setenv("TWILIO_MEDIA_HOSTS", '["mms.twiliocdn.com"]')
    assert Settings().twilio_media_hosts == ["mms.twiliocdn.com"]


def test_secrets_stay_out_of_repr_and_copies(env):
    settings = Settings(telegram_bot_token="123:TOKENVALUE", telegram_webhook_secret="HOOKVALUE",
                        twilio_auth_token="TWILIOVALUE", storefront_api_token="APIVALUE",
                        storefront_signing_secret="SIGNVALUE", secret_key="KEYVALUE",
                        metrics_token="METRICSVALUE", aws_secret_access_key="AWSVALUE")
    copy = settings.model_copy(update={"telegram_webhook_secret": "OTHERVALUE"})
    for shown in (repr(settings), str(settings), repr(copy), repr(settings.model_dump())):
        assert "VALUE" not in shown
    assert settings.secret == "KEYVALUE"
    assert copy.telegram_webhook_secret.get_secret_value() == "OTHERVALUE"


def test_a_bot_token_without_its_webhook_secret_refuses_to_serve(env, capsys):
    env.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    assert run("serve") == 2
    assert capsys.readouterr().err == (
        "TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_BOT_TOKEN is set (the webhook "
        "refuses every update without it; `tijara poll` needs none)\n")
    assert preflight.problems(Settings(), "poll") == []


def test_public_base_url_must_be_https_outside_loopback_for_messaging(env):
    base = Settings(telegram_bot_token="123:abc", telegram_webhook_secret="s3cret")
    for url in ("http://127.0.0.1:8080", "http://localhost:8080", "https://bot.example.ma"):
        assert preflight.problems(base.model_copy(update={"public_base_url": url}),
                                  "serve") == []
    assert preflight.problems(base.model_copy(update={"public_base_url": "http://bot.example.ma"}),
                              "serve") == [
        "PUBLIC_BASE_URL: must be https:// when Telegram or WhatsApp is configured "
        "(got 'http://bot.example.ma')"]
    # Without a messaging channel, plain http is nobody's problem.
    assert preflight.problems(Settings(public_base_url="http://bot.example.ma"), "serve") == []


def test_postgresql_needs_a_shared_secret_key(env):
    settings = Settings(database_url="postgresql://tijara@db/tijara")
    assert preflight.problems(settings, "worker") == [
        "SECRET_KEY: required with PostgreSQL (every process of a deployment signs sessions "
        "and links with the same key)"]
    assert preflight.problems(settings.model_copy(update={"secret_key": "k"}), "worker") == []


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_postgresql_without_secret_key_refuses_to_start_in_one_line(env, capsys, tmp_path,
                                                                   command):
    env.setenv("DATABASE_URL", "postgresql://tijara@db.internal/tijara")
    assert run(command) == 2
    assert capsys.readouterr().err == (
        "SECRET_KEY: required with PostgreSQL (every process of a deployment signs sessions "
        "and links with the same key)\n")
    assert not (tmp_path / "var" / "secret_key").exists()  # only for the embedded SQLite


def test_media_store_is_empty_or_an_s3_url(env, capsys):
    assert Settings().media_store == ""
    assert Settings(media_store="s3://tijara-media/prod/").media_store == "s3://tijara-media/prod/"
    env.setenv("MEDIA_STORE", "/srv/media")
    assert run("serve") == 2
    assert capsys.readouterr().err == (
        "MEDIA_STORE: must be empty (local disk) or s3://bucket[/prefix] (got '/srv/media')\n")
    env.setenv("MEDIA_STORE", "s3://Tijara_Media")
    assert run("worker") == 2
    assert capsys.readouterr().err.startswith("MEDIA_STORE: the bucket name must be")


def test_the_production_example_is_complete_and_agrees(env):
    example = Path(__file__).resolve().parents[2] / ".env.example"
    settings = Settings(_env_file=example)
    assert not settings.database_url.startswith("sqlite")
    assert settings.media_store.startswith("s3://") and settings.aws_secret_access_key
    for command in ("serve", "worker"):
        assert preflight.problems(settings, command) == []
    names = {line.split("=", 1)[0] for line in example.read_text().splitlines()
             if line and not line.startswith("#")}
    assert {"DATABASE_URL", "SECRET_KEY", "PUBLIC_BASE_URL", "MEDIA_STORE", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_ENDPOINT_URL", "REDIS_URL",
            "TELEGRAM_BOT_TOKEN", "TWILIO_AUTH_TOKEN", "STOREFRONT_API_URL"} <= names


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_database_is_one_line_and_exit_2(env, capsys):
    env.setenv("DATABASE_URL", f"postgresql://tijara:hunter2@127.0.0.1:{closed_port()}/tijara")
    assert run("submissions", "list") == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("database unreachable at postgresql://tijara:***@127.0.0.1:")
    assert "Connect call failed" in line and "hunter2" not in line


async def test_serve_and_worker_are_told_the_database_is_away(env):
    settings = Settings(database_url=f"postgresql://tijara:pw@127.0.0.1:{closed_port()}/t",
                        secret_key="k")
    line = await preflight.database_problem(settings)
    assert line.startswith("database unreachable at postgresql://tijara:***@127.0.0.1:")
    assert await preflight.database_problem(Settings(database_url="sqlite://")) is None


async def test_an_unreachable_redis_is_one_line_without_its_password(env):
    url = f"redis://:hunter2@127.0.0.1:{closed_port()}/0"
    line = await preflight.redis_problem(Settings(redis_url=url))
    assert line.startswith("redis unreachable at redis://:***@127.0.0.1:")
    assert "\n" not in line and "hunter2" not in line
    assert await preflight.redis_problem(Settings()) is None  # unset: limits per process


def test_a_redis_url_that_is_not_one_is_refused(env, capsys):
    env.setenv("REDIS_URL", "http://:hunter2@cache:6379")
    assert run("serve") == 2
    assert capsys.readouterr().err == ("REDIS_URL: not a Redis URL (redis://host:6379/0, "
                                       "rediss:// or unix://)\n")


def test_version(env, capsys):
    assert run("--version") == 0
    assert capsys.readouterr().out.startswith("tijara 0.")


def every_parser(top: argparse.ArgumentParser, path=("tijara",)):
    yield path, top
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            helped = {a.dest for a in action._choices_actions if a.help}
            assert helped == set(action.choices), f"{path}: commands without help"
            for name, sub in action.choices.items():
                yield from every_parser(sub, (*path, name))


def test_every_command_and_option_says_what_it_does():
    for path, p in every_parser(parser()):
        for action in p._actions:
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            assert action.help, f"{' '.join(path)} {action.option_strings or action.dest}"


def test_a_status_that_does_not_exist_is_refused_with_the_list(env, capsys):
    assert run("submissions", "list", "--status", "bogus") == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'bogus'" in err and "'changes_requested'" in err


def test_submissions_list_on_a_fresh_sqlite_database(env, capsys):
    assert run("submissions", "list") == 0
    assert capsys.readouterr().out == "no submissions yet\n"
    assert run("submissions", "list", "--json") == 0
    assert capsys.readouterr().out == "[]\n"


def test_the_installed_command_prints_no_traceback(tmp_path):
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "serve"], cwd=tmp_path,
                          env=environ | {"FORWARDED_HOPS": "abc"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "FORWARDED_HOPS: input should be a valid integer, unable to parse string as an "
        "integer (got 'abc')"]


def test_listing_submissions_imports_neither_the_web_app_nor_the_channels(tmp_path):
    """`tijara submissions list` starts with the imports of what it runs (about 0.5 s of
    CPU less than the whole bot's): no web app, runtime, dispatcher or channel."""
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    heavy = ("bot.app", "bot.runtime", "bot.dispatch", "bot.channels.telegram",
             "bot.channels.whatsapp", "bot.outbox.worker", "telegram")
    script = ("import sys\nfrom bot.cli import main\n"
              "try:\n    main(['submissions', 'list', '--json'])\nexcept SystemExit:\n    pass\n"
              f"print([m for m in {heavy!r} if m in sys.modules], file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path,
                          env=environ | {"PYTHONPATH": str(Path(__file__).parents[2])},
                          capture_output=True, text=True, timeout=120)
    assert done.stdout == "[]\n"
    assert done.stderr.splitlines()[-1] == "[]"
