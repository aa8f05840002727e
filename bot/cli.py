"""`tijara`: the command line of ARCHITECTURE.md."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys

from bot.settings import Settings


def serve(args, settings: Settings) -> None:
    from aiohttp import web

    from bot.app import create_app
    from storage.db import is_sqlite
    from storage.migrate import upgrade

    if is_sqlite(settings.database_url):
        upgrade(settings.database_url)  # the embedded default brings itself up to date
    url = f"http://{args.host}:{args.port}"
    print(f"Tijara on {url}  (web chat: {url}/chat, admin: {url}/admin; Ctrl-C stops)")
    web.run_app(create_app(settings), host=args.host, port=args.port, print=None)


def db_upgrade(args, settings: Settings) -> None:
    from storage.migrate import upgrade

    upgrade(settings.database_url)
    print("database is up to date")


def worker(args, settings: Settings) -> None:
    from bot.runtime import run_worker

    asyncio.run(run_worker(settings))


async def _media_gc(settings: Settings) -> int:
    from storage.db import Database
    from storage.media import LocalMediaStore, gc

    db = Database(settings.database_url)
    try:
        return await gc(db, LocalMediaStore(settings.media_root))
    finally:
        await db.close()


def media_gc(args, settings: Settings) -> None:
    print(f"{asyncio.run(_media_gc(settings))} orphan files removed")


def poll(args, settings: Settings) -> None:
    from bot.runtime import run_polling

    asyncio.run(run_polling(settings))


def telegram_set_webhook(args, settings: Settings) -> None:
    from bot.channels.telegram import set_webhook

    asyncio.run(set_webhook(settings, drop_pending=args.drop_pending_updates))


def chat(args, settings: Settings) -> None:
    from bot.channels.terminal import run
    from storage.migrate import upgrade

    upgrade(settings.database_url)
    asyncio.run(run(settings, lang=args.lang, user=args.user))


async def _submissions(args, settings: Settings) -> int:
    from bot.outbox.body import listing
    from bot.signing import Signer
    from storage import submissions
    from storage.db import Database

    db = Database(settings.database_url)
    try:
        if args.action == "list":
            async with db.transaction() as session:
                views = await submissions.views(session, status=args.status)
                english = await submissions.english_texts(session, [v.business.id for v in views])
            signer = Signer(settings.secret, settings.public_base_url)
            if args.json:  # the same objects as the handoff, plus id and status
                print(json.dumps([listing(v, signer, translations=english[v.business.id])
                                  for v in views], ensure_ascii=False, indent=2))
            else:
                for v in views:
                    b = v.business
                    print(f"{v.submission.id:>5}  {v.submission.status:<18} {b.name}  "
                          f"({b.city or '?'}, {b.channel}, {len(v.products)} products)")
            return 0
        decision = args.action.replace("-", "_")
        items = [dict(zip(("field", "reason"), f.split("=", 1), strict=False))
                 for f in getattr(args, "field", None) or ()]
        try:
            async with db.transaction() as session:
                s = await submissions.decide(session, args.id, decision, actor="cli",
                                             reason=args.reason or "", items=items)
        except submissions.InvalidDecision as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"submission {s.id} is now {s.status}")
        return 0
    finally:
        await db.close()


def admin_create(args, settings: Settings) -> None:
    from bot.admin.accounts import create

    sys.exit(create(args, settings))


async def _agent_invite(args, settings: Settings) -> int:
    from bot.agent_links import links, qr_png
    from storage import agents
    from storage.db import Database

    db = Database(settings.database_url)
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


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    parser = argparse.ArgumentParser(prog="tijara")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="the web app: webhooks, web chat, health, metrics")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.set_defaults(run=serve)

    p = sub.add_parser("worker", help="the outbox: replies, notifications, storefront handoff")
    p.set_defaults(run=worker)

    p = sub.add_parser("media", help="the media store")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("gc", help="remove files no row refers to, older than a day")
    a.set_defaults(run=media_gc)

    p = sub.add_parser("poll", help="Telegram long polling, for development without a public URL")
    p.set_defaults(run=poll)

    p = sub.add_parser("telegram", help="Telegram webhook registration")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("set-webhook", help="register PUBLIC_BASE_URL/telegram/webhook")
    a.add_argument("--drop-pending-updates", action="store_true")
    a.set_defaults(run=telegram_set_webhook)

    p = sub.add_parser("db", help="database migrations")
    p.add_argument("action", choices=["upgrade"])
    p.set_defaults(run=db_upgrade)

    p = sub.add_parser("chat", help="a conversation in the terminal")
    p.add_argument("--lang", choices=["ary", "fr", "ar"])
    p.add_argument("--user", default="local", help="who you are (one conversation per user)")
    p.set_defaults(run=chat)

    p = sub.add_parser("admin", help="accounts for the admin pages")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("create", help="an admin or field-agent account")
    a.add_argument("email")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.add_argument("--name", default="")
    a.add_argument("--role", choices=["admin", "agent"], default="admin")
    a.add_argument("--update", action="store_true", help="change an existing account")
    a.set_defaults(run=admin_create)

    p = sub.add_parser("agent", help="field agents")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("invite", help="a new field agent: invite code, links, QR code")
    a.add_argument("name")
    a.add_argument("--email", help="their login for the web pages: an existing agent "
                                   "account, or a new one (give it a password with "
                                   "`tijara admin create EMAIL --role agent --update`)")
    a.set_defaults(run=lambda args, settings: sys.exit(asyncio.run(_agent_invite(args,
                                                                                 settings))))

    p = sub.add_parser("submissions", help="the review queue")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("list")
    a.add_argument("--status")
    a.add_argument("--json", action="store_true")
    for name in ("approve", "request-changes", "reject"):
        a = actions.add_parser(name)
        a.add_argument("id", type=int)
        a.add_argument("--reason", required=name != "approve")
        if name == "request-changes":
            a.add_argument("--field", action="append", metavar="FIELD[=REASON]",
                           help="a field to fix, e.g. city=city_unclear or "
                                "product:1:photos=photo_dark (repeatable)")
    p.set_defaults(run=lambda args, settings: sys.exit(asyncio.run(_submissions(args, settings))))

    args = parser.parse_args(argv)
    args.run(args, Settings())
    return 0


if __name__ == "__main__":
    sys.exit(main())
