"""Reminders: one after 24 quiet hours, one more after 72, then none; only to owners
who can be reached and have something left to do. The clock is moved by changing
`last_inbound_at` in the database."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import select

from bot.channels.base import Delivery, InboundMessage
from bot.outbox import reminders
from bot.outbox.send import notify_handler, send_handler
from bot.outbox.worker import run_row, work
from flows.model import Amount, ConversationState, Draft, ProductDraft
from storage import conversations, outbox, submissions
from storage.models import Conversation, Outbox, Submission, utcnow
from tests.helpers import turns_for, worker_handlers

CHANNEL = "telegram"


class FakeChannel:
    name = CHANNEL

    def __init__(self):
        self.sent: list[Delivery] = []

    async def send(self, delivery: Delivery) -> None:
        self.sent.append(delivery)

    def keys(self) -> list[list[str]]:
        return [[r.key for r in d.replies] for d in self.sent]


class Owners:
    """Owners on a pushing channel, driven through the real turn service."""

    def __init__(self, db):
        self.db = db
        self.turns = turns_for(db)
        self.channel = FakeChannel()
        self.handlers = {"notify": notify_handler(db, self.turns),
                         "send": send_handler(db, {CHANNEL: self.channel})}
        self._n = 0

    async def say(self, user: str, **fields) -> int:
        self._n += 1
        result = await self.turns.handle(InboundMessage(
            channel=CHANNEL, user_ref=user, external_id=f"m{self._n}", **fields))
        return result.conversation_id

    async def quiet_for(self, conversation_id: int, hours: float) -> None:
        """As if the owner's last message was `hours` ago."""
        async with self.db.transaction() as session:
            await session.execute(sa.update(Conversation).where(
                Conversation.id == conversation_id).values(
                last_inbound_at=utcnow() - timedelta(hours=hours)))

    async def deliver(self) -> list[tuple[str, list[str]]]:
        """Run what is queued (notify, then send); (locale, keys) of what was sent."""
        before = len(self.channel.sent)
        for _ in range(3):
            async with self.db.transaction() as session:
                rows = await outbox.claim(session, kinds=("notify", "send"), limit=100)
            for row in rows:
                await run_row(self.db, self.handlers, row)
        return [(d.locale, [r.key for r in d.replies]) for d in self.channel.sent[before:]]


async def scan(db, settings, at=None) -> int:
    return await reminders.scan(db, settings, now=at)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


async def submitted(db, owners: Owners, user: str, language: str, script: str) -> tuple:
    """A conversation whose draft was submitted (as the engine leaves it); (conv, sid)."""
    conv = await owners.say(user, text="bonjour", is_start=True)
    state = ConversationState(
        step="submitted", language=language, script=script, revision=1, draft=Draft(
            business_name="Tapis Atlas", products=[ProductDraft(
                name="Tapis", price=Amount(amount=Decimal("900"), unit="piece"),
                moq=Amount(amount=Decimal("2"), unit="piece"))]))
    async with db.transaction() as session:
        await session.execute(sa.update(Conversation).where(Conversation.id == conv).values(
            state=state.model_dump(mode="json"), step="submitted", status="submitted"))
        c = await session.get(Conversation, conv)
        s = await submissions.record(session, c, state, utcnow())
    return conv, s.id


async def test_a_quiet_draft_gets_two_reminders_in_its_language_and_never_a_third(db, settings):
    owners = Owners(db)
    conv = await owners.say("fatima", text="bonjour", is_start=True)
    await owners.say("fatima", payload="lang:fr")
    await owners.say("fatima", text="oui")
    assert await owners.say("fatima", text="Coopérative Tifawin") == conv
    assert await owners.deliver() == []  # the turns were answered as they came

    await owners.quiet_for(conv, 23)
    assert await scan(db, settings) == 0
    await owners.quiet_for(conv, 25)  # quiet since t0 = 25 hours ago
    assert await scan(db, settings) == 1
    assert await scan(db, settings) == 0  # any number of scans, one reminder
    assert await owners.deliver() == [("fr", ["reminder", "ask_owner_name"])]

    t0 = utcnow() - hours(25)  # then the clock runs on, the owner still quiet
    assert await scan(db, settings, at=t0 + hours(71)) == 0
    assert await scan(db, settings, at=t0 + hours(73)) == 1
    assert await owners.deliver() == [("fr", ["reminder", "ask_owner_name"])]
    for later in (73, 80, 95, 100, 200, 1000):  # never a third
        assert await scan(db, settings, at=t0 + hours(later)) == 0
    assert await owners.deliver() == []

    # The owner writes again: a new quiet period, which may get its own reminders.
    await owners.say("fatima", text="Fatima Zahra Amrani")
    await owners.quiet_for(conv, 25)
    assert await scan(db, settings) == 1
    assert await owners.deliver() == [("fr", ["reminder", "ask_city"])]
    async with db.transaction() as session:
        events = [row.payload["event"] for row in (await session.execute(
            select(Outbox).where(Outbox.dedupe_key.like("reminder:%")).order_by(Outbox.id)
        )).scalars()]
    assert events == [{"kind": "reminder", "n": n} for n in (1, 2, 1)]


async def test_late_scans_send_one_reminder_and_delays_come_from_the_settings(db, settings):
    owners = Owners(db)
    conv = await owners.say("karim", text="salam", is_start=True)
    await owners.say("karim", payload="lang:ary")
    await owners.quiet_for(conv, 80)  # both times passed while no worker ran
    assert await scan(db, settings) == 1
    assert await owners.deliver() == [("ary-Latn", ["reminder", "ask_consent"])]
    assert await scan(db, settings, at=utcnow() + hours(20)) == 0
    # A reminder more than a day late is not sent at all.
    late = await owners.say("late", text="salam", is_start=True)
    await owners.say("late", payload="lang:ar")
    await owners.quiet_for(late, 72 + 25)
    assert await scan(db, settings) == 0

    quick = settings.model_copy(update={"reminder_first_hours": 1, "reminder_second_hours": 2})
    nadia = await owners.say("nadia", text="bonjour", is_start=True)
    await owners.say("nadia", payload="lang:fr")
    await owners.quiet_for(nadia, 1.5)
    assert await scan(db, settings) == 0
    assert await scan(db, quick) == 1
    t0 = utcnow() - hours(1.5)
    assert await scan(db, quick, at=t0 + hours(2.5)) == 1
    assert await scan(db, quick, at=t0 + hours(10)) == 0


async def test_no_reminder_to_the_unreachable_the_finished_the_rejected_or_the_unstarted(
        db, settings):
    owners = Owners(db)
    blocked = await owners.say("blocked", text="bonjour", is_start=True)
    await owners.say("blocked", payload="lang:fr")
    async with db.transaction() as session:
        await conversations.mark_unreachable(session, blocked)
        unstarted = (await conversations.ensure(session, CHANNEL, "unstarted")).id
        web = (await conversations.ensure(session, "web", "some-web-session")).id
        for conv in (unstarted, web):
            await session.execute(sa.update(Conversation).where(Conversation.id == conv)
                                  .values(step="business_name" if conv == web else "start",
                                          last_inbound_at=utcnow()))
    finished, _ = await submitted(db, owners, "finished", "fr", "Latn")
    rejected, sid = await submitted(db, owners, "hassan", "ar", "Arab")
    async with db.transaction() as session:
        await submissions.decide(session, sid, "reject", actor="admin:a@tijara.ma",
                                 reason="المنتج غير مقبول للتصدير")
    # The rejection reaches its owner, in Arabic, through the outbox.
    assert await owners.deliver() == [("ar", ["decision_rejected"])]
    assert "المنتج غير مقبول للتصدير" in owners.channel.sent[-1].replies[0].text

    for conv in (blocked, unstarted, web, finished, rejected):
        await owners.quiet_for(conv, 25)
    assert await scan(db, settings) == 0
    assert await scan(db, settings, at=utcnow() + hours(50)) == 0
    assert await owners.deliver() == []


async def test_after_a_request_for_changes_the_quiet_period_starts_at_the_decision(
        db, settings):
    owners = Owners(db)
    conv, sid = await submitted(db, owners, "aicha", "fr", "Latn")
    async with db.transaction() as session:
        await submissions.decide(session, sid, "request_changes", actor="admin:a@tijara.ma",
                                 items=[{"field": "product:1:price", "reason": "price_unit"}])
    await owners.quiet_for(conv, 200)  # they submitted long ago
    sent = await owners.deliver()
    assert sent == [("fr", ["decision_changes_requested", "ask_price"])]
    assert await scan(db, settings) == 0  # not right after the admin's message
    async with db.transaction() as session:
        await session.execute(sa.update(Submission).where(Submission.id == sid).values(
            decided_at=utcnow() - timedelta(hours=25)))
    assert await scan(db, settings) == 1
    assert await owners.deliver() == [("fr", ["reminder", "ask_price"])]


async def test_the_worker_loop_runs_the_scan(db, settings):
    owners = Owners(db)
    conv = await owners.say("youssef", text="bonjour", is_start=True)
    await owners.say("youssef", payload="lang:fr")
    await owners.quiet_for(conv, 30)
    handlers = worker_handlers(db, settings, {CHANNEL: owners.channel})  # as `tijara worker`
    assert [c.name for c in handlers.chores] == ["reminders", "retention"]
    stop = asyncio.Event()
    task = asyncio.create_task(work(db, handlers, stop, idle=0.02))
    for _ in range(250):
        if owners.channel.sent:
            break
        await asyncio.sleep(0.02)
    stop.set()
    await task
    assert owners.channel.keys() == [["reminder", "ask_consent"]]


async def test_an_agents_own_chat_and_an_agents_draft_the_owner_never_saw_get_no_reminder(
        db, settings):
    from storage import agents

    owners = Owners(db)
    async with db.transaction() as session:
        agent = await agents.create_agent(session, "Samira")
        invite = await agents.issue_code(session, agent.id, "invite")
    # An agent who had begun answering as an owner, then used their invite code.
    conv = await owners.say("samira", text="bonjour", is_start=True)
    await owners.say("samira", payload="lang:fr")
    await owners.say("samira", text="oui")
    await owners.say("samira", text=f"agent-{invite}")
    await owners.say("samira", payload="agent:new")
    await owners.say("samira", text="0612345678")  # opens the owner's draft
    await owners.say("samira", payload="lang:fr")
    await owners.say("samira", text="Tapis Atlas")
    await owners.quiet_for(conv, 25)
    assert await scan(db, settings) == 0
    async with db.transaction() as session:
        draft = await conversations.find(session, "whatsapp", "whatsapp:+212612345678")
    assert draft.step == "owner_name" and draft.last_inbound_at is None
