"""`tijara`: the command line of ARCHITECTURE.md.

`main` reads the settings (one line per wrong setting, exit 2), sets up logging
(bot/logs.py), checks that the settings of a starting process agree
(bot/preflight.py) and runs the command; a database that cannot be reached ends a
command with one line and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import gc as collector
import logging
import sys
from importlib.metadata import version
from pathlib import Path

import orjson
from pydantic import ValidationError
from pydantic_settings import SettingsError

from bot import logs, preflight
from bot.database import open_database
from bot.outbox.body import listings
from bot.settings import Settings
from bot.signing import Signer
from flows import reasons as review_reasons
from flows.listing import Rate
from storage import submissions
from storage.db import Database, is_sqlite, unavailable

# Each command imports what only it needs in its own function: a command's start is the
# imports of what it runs, not of the whole bot (`submissions list` skips the web app, the
# channels and the outbox: about 0.5 s of CPU).

log = logging.getLogger(__name__)


def _services_away(settings: Settings) -> None:
    """The database and Redis, looked at once: each one away is a warning line. They may
    be back in a moment: the process starts (/readyz answers 503 until the database is;
    replies wait for Redis)."""
    for problem in (asyncio.run(preflight.database_problem(settings)),
                    asyncio.run(preflight.redis_problem(settings))):
        if problem:
            log.warning(problem)


def serve(args, settings: Settings) -> None:
    from aiohttp import web

    from bot.app import create_app
    from storage.photoproc import start_photo_workers

    _services_away(settings)
    url = f"http://{args.host}:{args.port}"
    print(f"Tijara on {url}  (web chat: {url}/chat, admin: {url}/admin; Ctrl-C stops)")
    start_photo_workers()  # the first owner's photo does not wait for their imports
    try:
        web.run_app(create_app(settings), host=args.host, port=args.port, print=None,
                    access_log_class=logs.AccessLog)
    except OSError as error:  # the address is taken or not ours (the database's never are)
        print(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}",
              file=sys.stderr)
        sys.exit(2)


def db_upgrade(args, settings: Settings) -> None:
    from storage.migrate import upgrade

    upgrade(settings.database_url)
    print("database is up to date")


def worker(args, settings: Settings) -> None:
    from bot.runtime import run_worker
    from storage.photoproc import start_photo_workers

    _services_away(settings)  # the worker waits for them (bot/outbox/worker.py)
    start_photo_workers()
    asyncio.run(run_worker(settings))


async def _media_gc(settings: Settings) -> int:
    from bot.runtime import open_files
    from storage.media import gc

    db = open_database(settings)
    try:
        async with open_files(settings) as (media, _):
            return await gc(db, media)
    finally:
        await db.close()


def media_gc(args, settings: Settings) -> None:
    print(f"{asyncio.run(_media_gc(settings))} orphan files removed")


def poll(args, settings: Settings) -> None:
    from bot.runtime import run_polling

    problem = asyncio.run(preflight.redis_problem(settings))
    if problem:
        log.warning(problem)
    asyncio.run(run_polling(settings))


def telegram_set_webhook(args, settings: Settings) -> None:
    from bot.channels.telegram import set_webhook

    asyncio.run(set_webhook(settings, drop_pending=args.drop_pending_updates))


def chat(args, settings: Settings) -> None:
    from bot.channels.terminal import run as run_terminal
    from storage.migrate import upgrade

    upgrade(settings.database_url)
    asyncio.run(run_terminal(settings, lang=args.lang, user=args.user))


async def _submissions(args, settings: Settings) -> int:
    db = open_database(settings)
    try:
        if args.action == "list":
            await _list(db, args, Signer(settings.secret, settings.public_base_url),
                        rate=settings.usd_rate)
            return 0
        from storage import audit

        decision = args.action.replace("-", "_")
        items = [dict(zip(("field", "reason"), f.split("=", 1), strict=False))
                 for f in getattr(args, "field", None) or ()]
        try:
            async with db.transaction() as session:
                s = await submissions.decide(session, args.id, decision, actor="cli",
                                             reason=args.reason or "", items=items,
                                             reasons=getattr(args, "because", None) or [])
                await audit.record(session, actor="cli", action="decision",
                                   subject=f"submission:{s.id}",
                                   detail={"decision": decision, "status": s.status,
                                           "revision": s.revision,
                                           "fields": [i.get("field", "") for i in items],
                                           "reasons": getattr(args, "because", None) or []})
        except submissions.InvalidDecision as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"submission {s.id} is now {s.status}")
        return 0
    finally:
        await db.close()


def json_bytes(values: list) -> bytes:
    """The items of `json.dumps(values, ensure_ascii=False, indent=2)` without its
    brackets, UTF-8, byte for byte for what a listing holds (str, int, bool, None, lists
    and dicts with str keys), through orjson (json's indenting encoder is pure Python)."""
    return orjson.dumps(values, option=orjson.OPT_INDENT_2)[2:-2]


def json_items(values: list) -> str:
    return json_bytes(values).decode()


def _writer(out):
    """Write bytes to `out`: to the bytes under a text stream that has them (stdout),
    else decoded."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        return lambda data: out.write(data.decode())
    out.flush()
    return buffer.write


async def _list(db: Database, args, signer: Signer, out=None, *,
                rate: Rate | None = None) -> None:
    """The queue, written as it is read: a page of submissions at a time, each read in a
    short transaction of its own (a slow reader of the output holds no lock). The next
    page is read while this one is turned into text and written in a thread (the
    database works while Python does, and the reader of the output while both do)."""
    out = out or sys.stdout
    write = _writer(out)

    async def read(after: int):
        async with db.transaction() as session:
            rows = await submissions.page(session, status=args.status, after=after)
            # The certificate and packaging photos: one more statement a page.
            return rows, (await submissions.page_documents(session, rows) if args.json else {})

    def text(rows, documents, first: bool) -> int:
        """Write the page; how many it showed."""
        if not args.json:
            lines = _lines(rows)
            write("".join(lines).encode())
            return len(lines)
        # The same objects as the handoff, plus id and status.
        items = listings(rows, signer, rate, documents)
        data = json_bytes(items)
        write(b"[\n" if first else b",\n")
        write(data)
        return len(items)

    shown = 0
    # A page makes a few hundred thousand objects that reference counting frees, none of
    # them in a cycle; the cyclic collector would walk every object the imports left
    # (about 180,000) again and again for nothing: a third of the listing's time. So it is
    # off while the listing runs, the imports' objects frozen out of its sight.
    collecting, frozen = collector.isenabled(), collector.get_freeze_count()
    collector.freeze()
    collector.disable()
    try:
        rows, documents = await read(0)
        while rows:
            following = asyncio.ensure_future(read(rows[-1].id))
            try:
                shown += await asyncio.to_thread(text, rows, documents, not shown)
            except BaseException:
                following.cancel()
                raise
            rows, documents = await following
    finally:
        if collecting:
            collector.enable()
        if not frozen:  # what a caller froze before stays frozen
            collector.unfreeze()
    if args.json:
        write(b"\n]\n" if shown else b"[]\n")
    elif not shown:
        write(b"no submissions yet\n" if args.status is None
              else f"no submissions in status {args.status}\n".encode())


def _lines(rows) -> list[str]:
    """The plain listing's line of each submission in `submissions.page`'s rows."""
    products: dict[int, set] = {}
    first = {}
    for row in rows:
        first.setdefault(row.id, row)
        products.setdefault(row.id, set()).add(row.product_id)
    return [f"{r.id:>5}  {r.status:<18} {r.name}  ({r.city or '?'}, {r.channel}, "
            f"{len(products[i] - {None})} products)\n" for i, r in first.items()]


async def _owner_erase(args, settings: Settings) -> int:
    from bot.erasure import erase_now
    from bot.runtime import open_files
    from storage import erasure

    db = open_database(settings)
    try:
        async with db.transaction() as session:
            try:
                ids = await erasure.find(session, args.who)
            except erasure.NotFound as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
        if not args.yes:
            print(f"{args.who}: {len(ids)} conversation(s) (ids {', '.join(map(str, ids))}) and "
                  "everything of theirs will be erased, for good.")
            if input("Erase? Type yes: ").strip().lower() != "yes":
                print("nothing erased")
                return 1
        async with open_files(settings) as (media, exports):
            erased, removed = await erase_now(db, ids, media=media, exports=exports,
                                              cause="cli", actor="cli", reason=args.reason,
                                              rate=settings.usd_rate)
        rows = ", ".join(f"{table} {n}" for table, n in sorted(erased.rows.items()) if n)
        print(f"erased {len(erased.conversations)} conversation(s): {rows}")
        print(f"media files removed: {removed} of {erased.files}; export folders: "
              f"{erased.exports}; storefront deletions queued: {erased.storefronts}")
        return 0
    finally:
        await db.close()


async def _owner_export(args, settings: Settings) -> int:
    """Every conversation of the owner named (a phone number or a submission id), one ZIP
    each (bot/owner_export.py), each audited as the CLI's."""
    from bot import owner_export
    from bot.runtime import open_files
    from storage import erasure

    db = open_database(settings)
    try:
        async with db.transaction() as session:
            try:  # the same people `owner erase` would find
                found = await erasure.find(session, args.who)
            except erasure.NotFound as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
        async with open_files(settings) as (media, _):
            for conversation_id in found:
                result = await owner_export.export(db, media, conversation_id, actor="cli",
                                                   via="cli")
                if result is None:
                    continue
                out = Path(args.out or result.filename)
                if args.out and len(found) > 1:  # one file per conversation, side by side
                    out = out.with_name(f"{out.stem}-{conversation_id}{out.suffix or '.zip'}")
                out.write_bytes(result.body)
                print(f"{out}: conversation {conversation_id}, {result.files} files"
                      + (f" ({result.missing} missing from the store)" if result.missing else ""))
        return 0
    finally:
        await db.close()


def admin_create(args, settings: Settings) -> None:
    from bot.admin.accounts import create as create_account

    sys.exit(create_account(args, settings))


async def _agent_invite(args, settings: Settings) -> int:
    from bot.agent_links import links, qr_png
    from storage import agents

    db = open_database(settings)
    try:
        async with db.transaction() as session:
            agent = await agents.create_agent(session, args.name, args.email)
            invite = await agents.issue_code(session, agent.id, "invite")
            referral = await agents.referral_code(session, agent.id)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        await db.close()
    invite_links, referral_links = links(settings, invite, "invite"), links(settings, referral,
                                                                            "referral")
    qr = qr_png(referral_links.get("whatsapp") or referral_links.get("telegram")
                or referral_links["web"], settings.var_dir / "agents" / f"{referral}.png")
    print(f"agent {agent.id}: {agent.name}")
    print(f"invite code (one use, links the agent's own chat): {invite}")
    for where, url in invite_links.items():
        print(f"  {where}: {url}")
    print(f"referral code (for owners; they are attributed to {agent.name}): {referral}")
    for where, url in referral_links.items():
        print(f"  {where}: {url}")
    print(f"  QR code: {qr}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="tijara", description="Chat onboarding of Moroccan businesses onto a B2B "
        "export marketplace. Settings come from the environment or a .env file.")
    top.add_argument("--version", action="version", version=f"%(prog)s {version('tijara')}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("serve", help="the web app: webhooks, web chat, admin, health, metrics",
                       description="The web app. Creates or upgrades the embedded SQLite "
                       "database on first run; starts even when PostgreSQL is away "
                       "(/readyz answers 503 until it is back).")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (%(default)s)")
    p.add_argument("--port", type=int, default=8080, help="port to listen on (%(default)s)")
    p.set_defaults(run=serve, embedded=True)

    p = sub.add_parser("worker", help="the outbox: replies, notifications, storefront handoff",
                       description="Carries out the outbox until SIGTERM; any number may run "
                       "at once. Serves GET /healthz and /metrics on WORKER_PORT.")
    p.set_defaults(run=worker)

    p = sub.add_parser("media", help="the media store")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("gc", help="remove files no row refers to, older than a day")
    a.set_defaults(run=media_gc, embedded=True)

    p = sub.add_parser("poll", help="Telegram long polling, for development without a public URL")
    p.set_defaults(run=poll)

    p = sub.add_parser("telegram", help="Telegram webhook registration")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("set-webhook", help="register PUBLIC_BASE_URL/telegram/webhook "
                                               "with TELEGRAM_WEBHOOK_SECRET, and the menu "
                                               "button that opens the form (https only)")
    a.add_argument("--drop-pending-updates", action="store_true",
                   help="forget the updates Telegram holds for the bot")
    a.set_defaults(run=telegram_set_webhook)

    p = sub.add_parser("db", help="database migrations")
    p.add_argument("action", choices=["upgrade"], help="upgrade: Alembic migrations to head")
    p.set_defaults(run=db_upgrade)

    p = sub.add_parser("chat", help="a conversation in the terminal, same engine and database")
    p.add_argument("--lang", choices=["ary", "fr", "ar"],
                   help="the conversation's language (else it is asked)")
    p.add_argument("--user", default="local", help="who you are (one conversation per user)")
    p.set_defaults(run=chat)

    p = sub.add_parser("admin", help="accounts for the admin pages")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("create", help="an admin or field-agent account")
    a.add_argument("email", help="the login")
    a.add_argument("--password-stdin", action="store_true",
                   help="read the password from stdin (else it is asked twice)")
    a.add_argument("--name", default="", help="the name shown in the admin pages")
    a.add_argument("--role", choices=["admin", "agent"], default="admin",
                   help="admin (every page) or agent (their own owners); %(default)s")
    a.add_argument("--update", action="store_true",
                   help="change an existing account's password, name and role")
    a.set_defaults(run=admin_create, embedded=True)

    p = sub.add_parser("agent", help="field agents")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("invite", help="a new field agent: invite code, links, QR code")
    a.add_argument("name", help="the agent's name")
    a.add_argument("--email", help="their login for the web pages: an existing agent "
                                   "account, or a new one (give it a password with "
                                   "`tijara admin create EMAIL --role agent --update`)")
    a.set_defaults(run=lambda args, settings: sys.exit(asyncio.run(_agent_invite(args,
                                                                                 settings))),
                   embedded=True)

    p = sub.add_parser("owner", help="an owner's personal data (law 09-08)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("export", help="everything held about an owner, as a ZIP "
                                          "(data.json, photos, voice notes); audited")
    a.add_argument("who", metavar="PHONE|ID",
                   help="the owner's phone number (as they gave it, or their WhatsApp "
                        "number) or their submission's id")
    a.add_argument("--out", metavar="FILE",
                   help="where to write it (default: tijara-data-<conversation>.zip here)")
    a.set_defaults(run=lambda args, settings: sys.exit(asyncio.run(_owner_export(args,
                                                                                 settings))),
                   embedded=True)
    a = actions.add_parser(
        "erase", help="erase everything about an owner, everywhere",
        description="Erases an owner's conversations and all that hangs off them (drafts, "
        "submissions, messages, photos, voice notes, exports; a storefront is asked to come "
        "down). WHO is a phone number (every conversation tied to it), a submission id "
        "(12), or a conversation id (conversation:12).")
    a.add_argument("who", metavar="PHONE|ID", help="+212661234567, 0661234567, 12 or "
                                                   "conversation:12")
    a.add_argument("--yes", action="store_true", help="do not ask to confirm (scripts)")
    a.add_argument("--reason", default="", help="why, kept in the audit trail")
    a.set_defaults(run=lambda args, settings: sys.exit(asyncio.run(_owner_erase(args,
                                                                                settings))),
                   embedded=True)

    p = sub.add_parser("submissions", help="the review queue, for scripts")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("list", help="submissions, newest first")
    a.add_argument("--status", choices=submissions.STATUSES, help="only those in this status")
    a.add_argument("--json", action="store_true",
                   help="the storefront handoff's objects, plus id and status")
    helps = {"approve": "approve a submission (the storefront handoff follows)",
             "request-changes": "send a submission back to its owner with what to fix",
             "reject": "reject a submission"}
    for name, text in helps.items():
        a = actions.add_parser(name, help=text)
        a.add_argument("id", type=int, help="the submission's id")
        if name == "approve":
            a.add_argument("--reason", help="what the owner is told")
        else:
            a.add_argument("--reason", help="a note the owner gets as typed, as the "
                                            "reviewer's own words (or give --because)")
            a.add_argument("--because", action="append", metavar="KEY",
                           choices=review_reasons.offered(name.replace("-", "_")),
                           help="a ready-made reason, said in the owner's language "
                                "(repeatable): %(choices)s")
        if name == "request-changes":
            a.add_argument("--field", action="append", metavar="FIELD[=REASON]",
                           help="a field to fix, e.g. city=city_unclear or "
                                "product:1:photos=photo_dark (repeatable)")
    p.set_defaults(run=lambda args, settings: sys.exit(asyncio.run(_submissions(args, settings))),
                   embedded=True)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings()
    except (ValidationError, SettingsError) as error:
        print("\n".join(preflight.setting_errors(error)), file=sys.stderr)
        return 2
    logs.configure(settings.log_level, settings.log_format)
    problems = preflight.problems(settings, args.command)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    try:
        if getattr(args, "embedded", False) and is_sqlite(settings.database_url):
            from storage.migrate import upgrade

            upgrade(settings.database_url)  # the embedded database brings itself up to date
        args.run(args, settings)
    except Exception as error:
        if not unavailable(error):
            raise
        print(preflight.unreachable(settings, error), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
