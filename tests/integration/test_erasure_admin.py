"""Erasure from the submission page: admins only, confirmed, with a reason in the trail."""

from __future__ import annotations

from sqlmodel import select

from storage.models import AuditEntry, Business, Outbox
from tests.integration.test_admin import (  # noqa: F401 - fixtures
    PEER,
    Desk,
    add_user,
    client,
    onboard,
    settings,
)


async def submitted(db) -> int:
    async with db.transaction() as session:
        return (await session.execute(select(Business.id))).scalar()


async def test_an_admin_erases_an_owner_with_a_reason_and_an_agent_cannot(client, db):  # noqa: F811
    await onboard(client)
    await add_user(db, "agent@tijara.ma", role="agent")
    await add_user(db, "amina@tijara.ma")
    agent = Desk(client)
    await agent.login("agent@tijara.ma")
    assert (await agent.post("/admin/submissions/1/erase",
                             {"reason": "x", "confirm": "yes"})).status == 403
    agent.logout_cookies()

    desk = Desk(client)
    await desk.login("amina@tijara.ma", address="198.51.100.4")
    page = await desk.text("/admin/submissions/1")
    assert 'action="/admin/submissions/1/erase"' in page and "Effacer définitivement" in page
    # No reason, or not confirmed: nothing happens and the page says why.
    for form in ({"reason": "", "confirm": "yes"}, {"reason": "demande écrite"}):
        answer = await desk.post("/admin/submissions/1/erase", form)
        assert answer.headers["Location"].startswith("/admin/submissions/1?e=erase_needs_reason")
    assert await submitted(db) is not None
    answer = await desk.client.post(
        "/admin/submissions/1/erase", data={"reason": "demande écrite", "confirm": "yes"},
        headers={"Origin": "http://testserver", PEER: "198.51.100.4"}, allow_redirects=False)
    assert answer.status == 403  # no CSRF token: refused like any other form
    answer = await desk.post("/admin/submissions/1/erase",
                             {"reason": "demande écrite du 3 mars", "confirm": "yes"})
    assert answer.status == 303 and answer.headers["Location"] == "/admin/submissions?m=erased"
    assert await submitted(db) is None
    assert (await desk.get("/admin/submissions/1")).status == 404
    async with db.transaction() as session:
        (entry,) = (await session.execute(select(AuditEntry).where(
            AuditEntry.action == "erase"))).scalars()
        files = (await session.execute(select(Outbox).where(
            Outbox.kind == "erase_files"))).scalars().all()
    assert (entry.actor, entry.detail["cause"], entry.detail["reason"]) == (
        "admin:amina@tijara.ma", "admin", "demande écrite du 3 mars")
    assert entry.remote  # where the admin was
    assert len(files) == 1  # the photos follow through the worker
