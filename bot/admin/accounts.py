"""`tijara admin create EMAIL`: an account for the admin pages (admin or field agent)."""

from __future__ import annotations

import asyncio
import getpass
import re
import sys

from bot.admin.auth import MIN_PASSWORD, hash_password
from bot.runtime import open_database
from bot.settings import Settings
from storage import accounts

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != password:
            print("error: the two passwords differ", file=sys.stderr)
            return None
    if len(password) < MIN_PASSWORD:
        print(f"error: a password has at least {MIN_PASSWORD} characters", file=sys.stderr)
        return None
    return password


async def _create(settings: Settings, email: str, password: str, name: str, role: str,
                  update: bool) -> int:
    db = open_database(settings)
    try:
        password_hash = await asyncio.to_thread(hash_password, password)
        async with db.transaction() as session:
            user = await accounts.user_by_email(session, email)
            if user is not None and not update:
                print(f"error: {email} already has an account (--update changes its password,"
                      " name and role)", file=sys.stderr)
                return 1
            if user is None:
                user = await accounts.create_user(session, email=email,
                                                  password_hash=password_hash, name=name,
                                                  role=role)
                print(f"created {role} {user.email} (id {user.id})")
            else:
                user.password_hash, user.role = password_hash, role
                user.name = name or user.name
                print(f"updated {role} {user.email} (id {user.id})")
        return 0
    finally:
        await db.close()


def create(args, settings: Settings) -> int:
    """The account, created or updated (`main` has brought the embedded database up
    to date first)."""
    email = args.email.strip().lower()
    if not EMAIL.match(email) or len(email) > 254:
        print(f"error: {args.email!r} is not an e-mail address", file=sys.stderr)
        return 2
    password = read_password(args.password_stdin)
    if password is None:
        return 2
    return asyncio.run(_create(settings, email, password, args.name.strip(), args.role,
                               args.update))
