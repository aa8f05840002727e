"""Who may log in and post to the admin pages, on SQLite and on PostgreSQL: a stranger
cannot lock an admin out, the admin hears of the attempts, and a POST must come from a
page of this site (bot.admin.throttle, bot.admin.auth.same_site)."""

from __future__ import annotations

import asyncio
import html as entities
from datetime import timedelta

import sqlalchemy as sa

from bot.admin import throttle
from storage.models import LoginFailure, Submission
from tests.integration import test_admin
from tests.integration.test_admin import (
    PEER,
    SAME_SITE,
    Desk,
    add_user,
    onboard,
    plain,
    submission_ids,
    token,
)

# The admin tests' fixtures: an app behind one proxy, PUBLIC_BASE_URL http://testserver.
client, settings = test_admin.client, test_admin.settings

EMAIL = "amina@tijara.ma"
HOME, FRESH = "203.0.113.7", "192.0.2.50"  # where the admin logged in before; a new place
GUESSERS = ("198.51.100.1", "198.51.100.2")


async def age_failures(db, seconds: float) -> None:
    """As if `seconds` had passed since the failures (no sleeping in tests)."""
    async with db.transaction() as session:
        for row in (await session.execute(sa.select(LoginFailure))).scalars():
            row.at -= timedelta(seconds=seconds)


async def guess(desk: Desk, address: str, times: int = 1) -> list[int]:
    """A stranger's wrong passwords, with no cookie of the admin's."""
    desk.logout_cookies()
    return [(await desk.login(EMAIL, "guess", address=address)).status for _ in range(times)]


def device_cookie(client) -> str:
    return next(c.value for c in client.session.cookie_jar if c.key == throttle.DEVICE_COOKIE)


def test_the_account_delay_doubles_then_stays_capped():
    delays = [throttle.account_delay(n) for n in range(18)]
    assert delays[:throttle.ACCOUNT_FREE] == [0] * throttle.ACCOUNT_FREE
    assert delays[throttle.ACCOUNT_FREE:] == [2, 4, 8, 16, 30, 30, 30, 30]


async def test_failures_from_two_addresses_do_not_lock_the_admin_out(client, db):
    """Issue 13: five failures from each of two addresses made the right password answer 429
    for fifteen minutes, from anywhere."""
    await add_user(db, EMAIL, name="Amina")
    desk = Desk(client)
    assert (await desk.login(EMAIL, address=HOME)).status == 303  # the admin's browser
    known = device_cookie(client)
    for address in GUESSERS:
        assert await guess(desk, address, 5) == [401] * 5

    # Her own browser gets in at once, from a third address ...
    desk.logout_cookies()
    client.session.cookie_jar.update_cookies({throttle.DEVICE_COOKIE: known},
                                             client.make_url("/admin/login"))
    assert (await desk.login(EMAIL, address=FRESH)).status == 303
    # ... and is told of the attempts, once.
    page = entities.unescape(await desk.text("/admin/submissions"))
    assert ("10 tentatives de connexion à votre compte ont échoué depuis votre dernière "
            "connexion, la dernière depuis l'adresse 198.51.100.2") in page
    assert 'id="missed-logins"' not in await desk.text("/admin/submissions")


async def test_a_new_browser_waits_seconds_never_minutes(client, db):
    await add_user(db, EMAIL)
    desk = Desk(client)
    for address in GUESSERS:
        assert await guess(desk, address, 5) == [401] * 5
    desk.logout_cookies()
    early = await desk.login(EMAIL, address=FRESH)  # right after the tenth failure
    assert early.status == 429
    wait = int(early.headers["Retry-After"])
    assert 0 < wait <= throttle.account_delay(10)
    assert "réessayez dans 2 secondes" in entities.unescape(await early.text())
    await age_failures(db, wait)
    assert (await desk.login(EMAIL, address=FRESH)).status == 303

    # Many more failures from many addresses: still at most DELAY_CAP seconds each time.
    desk.logout_cookies()
    for n in range(12):
        await age_failures(db, throttle.DELAY_CAP)
        assert await guess(desk, f"198.51.100.{10 + n}") == [401]
    early = await desk.login(EMAIL, address=FRESH)
    assert early.status == 429
    assert 0 < int(early.headers["Retry-After"]) <= throttle.DELAY_CAP
    await age_failures(db, throttle.DELAY_CAP)
    assert (await desk.login(EMAIL, address=FRESH)).status == 303


async def test_too_early_is_not_a_guess(client, db):
    """An attempt refused for the wait is not checked, not counted, tells nothing."""
    await add_user(db, EMAIL)
    desk = Desk(client)
    for address in GUESSERS:
        await guess(desk, address, 5)
    async with db.transaction() as session:
        before = (await session.execute(sa.select(sa.func.count(LoginFailure.id)))).scalar()
    assert await guess(desk, "198.51.100.3", 3) == [429] * 3
    async with db.transaction() as session:
        assert (await session.execute(sa.select(sa.func.count(LoginFailure.id)))
                ).scalar() == before
    # The same for an e-mail without an account: nothing tells the two apart.
    for address in GUESSERS:
        desk.logout_cookies()
        for _ in range(5):
            assert (await desk.login("nobody@tijara.ma", "guess", address=address)
                    ).status == 401
    assert (await desk.login("nobody@tijara.ma", "guess", address="198.51.100.3")
            ).status == 429


async def test_parallel_guesses_take_turns(client, db):
    """A burst of guesses at once gets one password check, not one each."""
    await add_user(db, EMAIL)
    desk = Desk(client)
    for address in GUESSERS:
        await guess(desk, address, 5)
    await age_failures(db, 60)  # the wait is over: the next attempt may be checked
    desk.logout_cookies()
    page = await client.get("/admin/login")
    csrf = token(await page.text())

    async def attempt(n: int) -> int:
        response = await client.post(
            "/admin/login", data={"email": EMAIL, "password": "guess", "csrf": csrf},
            headers={PEER: f"198.51.100.{20 + n}", **SAME_SITE}, allow_redirects=False)
        return response.status

    statuses = await asyncio.gather(*(attempt(n) for n in range(6)))
    assert sorted(statuses) == [401] + [429] * 5


async def test_the_address_throttle_stays(client, db):
    """Many failures from one address still close that address, even to a known browser:
    the known browser skips the account's wait only."""
    await add_user(db, EMAIL)
    desk = Desk(client)
    assert (await desk.login(EMAIL, address=GUESSERS[0])).status == 303
    known = device_cookie(client)
    assert await guess(desk, GUESSERS[0], 5) == [401] * 5
    client.session.cookie_jar.update_cookies({throttle.DEVICE_COOKIE: known},
                                             client.make_url("/admin/login"))
    assert (await desk.login(EMAIL, address=GUESSERS[0])).status == 429
    assert (await desk.login(EMAIL, address=HOME)).status == 303


async def test_a_device_cookie_is_for_one_user_and_cannot_be_forged(client, db):
    await add_user(db, EMAIL)
    await add_user(db, "karim@tijara.ma")
    desk = Desk(client)
    assert (await desk.login("karim@tijara.ma", address=HOME)).status == 303
    karims = device_cookie(client)
    for address in GUESSERS:
        await guess(desk, address, 5)
    for cookie in (karims, "eyJ1IjoxfQ.forged.signature"):
        desk.logout_cookies()
        client.session.cookie_jar.update_cookies({throttle.DEVICE_COOKIE: cookie},
                                                 client.make_url("/admin/login"))
        assert (await desk.login(EMAIL, address=FRESH)).status == 429


async def test_the_arabic_pages_tell_of_failed_attempts(client, db):
    await add_user(db, EMAIL)
    desk = Desk(client)
    await guess(desk, GUESSERS[0], 3)
    await desk.get("/admin/lang/ar")
    assert (await desk.login(EMAIL, address=HOME)).status == 303
    page = plain(await desk.text("/admin/submissions"))
    assert "فشلت 3 محاولات دخول إلى حسابك منذ آخر دخول لك" in page
    assert "198.51.100.1" in page


# --- where a POST comes from -------------------------------------------------------------


async def test_a_post_from_another_site_is_refused(client, db):
    await add_user(db, EMAIL)
    await onboard(client)
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    assert (await desk.login(EMAIL)).status == 303
    html = await desk.text("/admin/submissions")
    own = str(client.make_url("")).rstrip("/")  # http://127.0.0.1:port, loopback

    async def decide(headers: dict) -> int:
        response = await client.post(
            f"/admin/submissions/{sid}/decision", allow_redirects=False, headers=headers,
            data={"decision": "reject", "note": "x", "csrf": token(html)})
        if response.status == 403:
            assert "ne vient pas de ce site" in entities.unescape(await response.text())
        return response.status

    refused = [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {},  # neither Origin nor Referer: a browser always sends Origin on a POST
        {"Referer": "https://evil.example/admin/submissions"},
        {"Origin": "https://evil.example", "Referer": "http://testserver/admin/"},
        {"Origin": "http://testserver.evil.example"},
        {"Origin": "https://testserver"},  # another scheme is another origin
        # Its own host counts only on loopback (development), not a name it was sent to.
        {"Origin": "http://attacker.example", "Host": "attacker.example"},
    ]
    for headers in refused:
        assert await decide(headers) == 403, headers
    async with db.transaction() as session:
        assert (await session.get(Submission, sid)).status == "submitted"
    assert await decide({"Referer": "http://testserver/admin/submissions"}) == 303
    async with db.transaction() as session:
        assert (await session.get(Submission, sid)).status == "rejected"

    # The login form too (no logging a victim in to an attacker's account).
    desk.logout_cookies()
    page = await client.get("/admin/login")
    login = {"email": EMAIL, "password": "correct horse battery",
             "csrf": token(await page.text())}
    forged = await client.post("/admin/login", data=login, allow_redirects=False,
                               headers={"Origin": "https://evil.example"})
    assert forged.status == 403
    mine = await client.post("/admin/login", data=login, allow_redirects=False,
                             headers={"Origin": own})
    assert mine.status == 303
    assert mine.headers["Referrer-Policy"] == "same-origin"
    assert forged.headers["Referrer-Policy"] == "same-origin"


async def test_every_admin_answer_says_referrer_policy_and_frames(client, db):
    for path in ("/admin/login", "/admin/submissions", "/admin/nothing-here"):
        response = await client.get(path, allow_redirects=False)
        assert response.headers["Referrer-Policy"] == "same-origin", path
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path
