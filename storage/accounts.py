"""Accounts of the admin pages (admins and field agents), their sessions and the login
throttle's failures. Functions take a session and never commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from storage.models import Business, LoginFailure, User, utcnow

ROLES = ("admin", "agent")


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    return (await session.execute(
        select(User).where(User.email == email.strip().lower()))).scalar_one_or_none()


async def create_user(session: AsyncSession, *, email: str, password_hash: str, name: str = "",
                      role: str = "admin") -> User:
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    user = User(email=email.strip().lower(), name=name, role=role, password_hash=password_hash)
    session.add(user)
    await session.flush()
    return user


async def end_sessions(session: AsyncSession, user_id: int) -> None:
    """Log the user out everywhere: every session cookie signed before now stops working
    (bot.admin.auth checks the epoch), a copy kept from before included."""
    await session.execute(sa.update(User).where(User.id == user_id).values(
        session_epoch=sa.func.coalesce(User.session_epoch, 0) + 1))


async def agents(session: AsyncSession) -> list[User]:
    """Everyone a business may be attributed to, for the agent filter."""
    attributed = select(Business.agent_id).where(Business.agent_id.is_not(None))
    return list((await session.execute(select(User).where(
        sa.or_(User.role == "agent", User.id.in_(attributed))).order_by(User.name, User.email)
    )).scalars())


@dataclass(frozen=True)
class Failures:
    """Failed logins since a moment: of one (email, address) pair, of the account from any
    address, and from the address for any account; when the account's last one was."""

    pair: int
    account: int
    address: int
    account_last: datetime | None = None


@dataclass(frozen=True)
class Missed:
    """The failed logins at an account since its last good one, for its owner to see."""

    count: int
    last_ip: str
    last_at: datetime | None


async def failures(session: AsyncSession, email: str, ip: str, since: datetime) -> Failures:
    """One query over the rows of the account or of the address (ix_loginfailure_email_ip
    finds the first, ix_loginfailure_ip the second)."""
    of_account, of_address = LoginFailure.email == email, LoginFailure.ip == ip

    def count(condition):
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    row = (await session.execute(
        select(count(sa.and_(of_account, of_address)), count(of_account), count(of_address),
               sa.func.max(sa.case((of_account, LoginFailure.at))))
        .where(sa.or_(of_account, of_address), LoginFailure.at >= since))).one()
    return Failures(*(int(n) for n in row[:3]), account_last=row[3])


async def claim_check(session: AsyncSession, user_id: int, *, now: datetime, until: datetime,
                      ) -> bool:
    """Take the account's one password check at a time (`User.login_busy_until`), unless
    another is under way; it ends with `record_failure`, `clear_failures` or
    `release_check`, or at `until` if its process died. Row-locking, so two concurrent
    claims cannot both win, and a claim that waited sees the failure its rival recorded."""
    result = await session.execute(
        sa.update(User).where(User.id == user_id, sa.or_(
            User.login_busy_until.is_(None), User.login_busy_until <= now))
        .values(login_busy_until=until))
    return result.rowcount == 1


async def release_check(session: AsyncSession, user_id: int) -> None:
    await session.execute(sa.update(User).where(User.id == user_id).values(
        login_busy_until=None))


async def record_failure(session: AsyncSession, email: str, ip: str, *, keep_since: datetime,
                         ) -> None:
    """Remember a failed login (and tell the account, if there is one, for its owner's next
    login); rows older than `keep_since` are no longer needed."""
    now = utcnow()
    await session.execute(sa.delete(LoginFailure).where(LoginFailure.at < keep_since))
    session.add(LoginFailure(email=email[:254], ip=ip[:64], at=now))
    await session.execute(sa.update(User).where(User.email == email).values(
        failed_logins=sa.func.coalesce(User.failed_logins, 0) + 1, last_failed_ip=ip[:64],
        last_failed_at=now, login_busy_until=None))


async def clear_failures(session: AsyncSession, email: str) -> Missed:
    """After a good login: the account's failures, from every address, its pair's among them.
    The address's failures for other accounts stay, so that an account of one's own does not
    reset the count of an address trying many. Returns what failed since the last good
    login, which starts the count again."""
    await session.execute(sa.delete(LoginFailure).where(LoginFailure.email == email))
    row = (await session.execute(
        select(User.failed_logins, User.last_failed_ip, User.last_failed_at)
        .where(User.email == email))).one_or_none()
    await session.execute(sa.update(User).where(User.email == email).values(
        failed_logins=0, last_failed_ip=None, last_failed_at=None, login_busy_until=None))
    if row is None:
        return Missed(0, "", None)
    return Missed(int(row[0] or 0), row[1] or "", row[2])
