"""The audit trail keeps every entry as written: no code path can edit or remove one."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from storage import audit
from storage.models import AuditEntry


async def test_entries_come_back_newest_first(db):
    async with db.transaction() as session:
        await audit.record(session, actor="admin:a@tijara.ma", action="login", remote="10.0.0.1")
        await audit.record(session, actor="cli", action="export_csv", detail={"rows": 3})
    async with db.transaction() as session:
        entries = await audit.recent(session)
        assert [(e.actor, e.action) for e in entries] == [
            ("cli", "export_csv"), ("admin:a@tijara.ma", "login")]
        assert entries[0].detail == {"rows": 3} and entries[1].remote == "10.0.0.1"
        assert [e.action for e in await audit.recent(session, action="login")] == ["login"]


@pytest.mark.parametrize("change", [
    sa.update(AuditEntry).values(actor="someone else"),
    sa.delete(AuditEntry),
])
async def test_the_database_refuses_to_change_an_entry(db, change):
    async with db.transaction() as session:
        await audit.record(session, actor="admin:a@tijara.ma", action="erase",
                           subject="submission:7")
    with pytest.raises(DBAPIError, match="append-only"):
        async with db.transaction() as session:
            await session.execute(change)
    async with db.transaction() as session:
        [entry] = await audit.recent(session)
        assert (entry.actor, entry.subject) == ("admin:a@tijara.ma", "submission:7")
