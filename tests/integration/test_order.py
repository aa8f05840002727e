"""Several `tijara serve` processes behind a load balancer: one owner's turns still run in
the order the messages arrived, and an album is answered once, however its parts spread.

Each "process" here has its own connections to the one database, its own channel
stand-in (whose downloads the test can hold) and its own dispatcher and receiver; the
owner sees what either process sends, in the order it was sent.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import pytest

from bot.channels.base import Delivery, InboundMessage
from bot.dispatch import Dispatcher
from bot.outbox.send import send_handler
from bot.receive import Receiver
from bot.turns import Turns
from storage import conversations
from storage.conversations import state_of
from storage.db import Database
from storage.media import inspect_photo
from storage.spool import Spool
from tests.helpers import photo_bytes, turns_for

USER = "212600000077"
UP_TO_PHOTOS = [dict(text="bonjour"), dict(payload="lang:fr"), dict(payload="yes"),
                dict(text="Tapis Atlas"), dict(text="Aicha Ait"), dict(text="Marrakech"),
                dict(payload="sector:carpets"), dict(payload="skip"), dict(text="0612345678"),
                dict(payload="skip"), dict(text="Tapis berbère")]


class Owner:
    """What the owner's phone shows, from whichever process sent it."""

    def __init__(self):
        self.seen: list[tuple[str, Delivery]] = []

    def keys(self) -> list[list[str]]:
        return [[r.key for r in d.replies] for _, d in self.seen]


class StandIn:
    """The channel as one process sees it: sends land on the owner's phone; downloads
    wait while `held` is set (a slow media server)."""

    name = "fake"

    def __init__(self, process: str, owner: Owner):
        self.process, self.owner = process, owner
        self.held: asyncio.Event | None = None  # set: downloads go through
        self.downloads = 0  # started

    async def send(self, delivery: Delivery) -> None:
        self.owner.seen.append((self.process, delivery))

    async def fetch_media(self, ref: dict):
        self.downloads += 1
        if self.held is not None:
            await self.held.wait()
        return inspect_photo(photo_bytes(ref["seed"]))


class Process:
    def __init__(self, name: str, url: str, owner: Owner):
        self.db = Database(url)
        self.channel = StandIn(name, owner)
        turns = turns_for(self.db)
        channels = {"fake": self.channel}
        self.dispatcher = Dispatcher(self.db, turns, channels,
                                     {"send": send_handler(self.db, channels)})
        spool = Spool(Path(tempfile.mkdtemp(prefix="tijara-spool-")))  # the database is up
        self.receiver = Receiver(self.db, turns, self.dispatcher, spool)

    async def receive(self, n: int, **fields) -> None:
        assert await self.receiver.receive(message(n, **fields)) == "recorded"

    async def idle(self) -> None:
        await asyncio.wait_for(self.dispatcher.drain(), 30)


def message(n: int, **fields) -> InboundMessage:
    return InboundMessage(channel="fake", user_ref=USER, external_id=f"m{n}", **fields)


@pytest.fixture
async def two(db, db_url):
    """Processes A and B over one database, and the owner's phone."""
    owner = Owner()
    a, b = Process("A", db_url, owner), Process("B", db_url, owner)
    yield a, b, owner
    for process in (a, b):
        for gate in (process.channel.held,):
            if gate is not None:
                gate.set()
        await process.idle()
        await process.db.close()


async def at_photos(process: Process, owner: Owner) -> None:
    for i, fields in enumerate(UP_TO_PHOTOS):
        await process.receive(i, **fields)
        await process.idle()
    assert owner.keys()[-1] == ["ask_photos"]
    owner.seen.clear()


async def until(predicate, what: str, within: float = 20.0) -> None:
    deadline = time.monotonic() + within
    while not predicate():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        await asyncio.sleep(0.02)


async def photos_in_draft(db: Database) -> int:
    async with db.transaction() as session:
        conv = await conversations.find(session, "fake", USER)
        return len(state_of(conv).draft.products[-1].photos)


async def test_a_slow_photo_on_one_process_is_answered_before_done_tapped_on_another(two):
    a, b, owner = two
    await at_photos(a, owner)
    a.channel.held = asyncio.Event()  # A's download of the photo hangs
    await a.receive(100, media=({"seed": 1},))
    await until(lambda: a.channel.downloads == 1, "A to start downloading")
    await asyncio.sleep(0.2)  # the owner taps "done" 0.2 s later; B gets it
    await b.receive(101, payload="done")
    await b.idle()
    # B found the photo older than its "done": it downloaded it and ran its turn first.
    assert owner.keys() == [["photo_received"], ["ask_description"]]
    assert [p for p, _ in owner.seen] == ["B", "B"]
    a.channel.held.set()
    await a.idle()  # A's download ends: the photo is done already, nothing more is sent
    assert owner.keys() == [["photo_received"], ["ask_description"]]
    assert await photos_in_draft(a.db) == 1


@pytest.mark.parametrize("first", ["A", "B"])
async def test_when_both_processes_download_the_photo_the_first_runs_it_and_order_holds(
        two, first):
    a, b, owner = two
    await at_photos(a, owner)
    a.channel.held, b.channel.held = asyncio.Event(), asyncio.Event()  # slow for everyone
    await a.receive(100, media=({"seed": 1},))
    await b.receive(101, payload="done")
    await until(lambda: a.channel.downloads == b.channel.downloads == 1,
                "both processes to download the photo")
    winner, loser = (a, b) if first == "A" else (b, a)
    winner.channel.held.set()
    # The photo's answer first (B, winning, goes straight on to its own "done").
    await until(lambda: owner.keys()[:1] == [["photo_received"]], "the photo's answer")
    loser.channel.held.set()
    await a.idle()
    await b.idle()
    assert owner.keys() == [["photo_received"], ["ask_description"]]
    assert "stale_button" not in str(owner.keys())
    assert await photos_in_draft(a.db) == 1


@pytest.mark.parametrize("spread", ["AB", "ABA", "BAAB"])
async def test_an_album_spread_over_processes_is_answered_once_with_every_photo(
        two, spread, monkeypatch):
    monkeypatch.setattr("bot.dispatch.ALBUM_WAIT", 1.0)
    a, b, owner = two
    await at_photos(a, owner)
    by_name = {"A": a, "B": b}
    for seed, name in enumerate(spread):
        await by_name[name].receive(200 + seed, media=({"seed": seed},), group="album-1")
    await a.idle()
    await b.idle()
    assert owner.keys() == [["photo_received"]]
    assert f"Photo {len(spread)} sur 8" in owner.seen[0][1].replies[0].text
    assert await photos_in_draft(a.db) == len(spread)


async def test_a_message_left_by_a_dead_process_runs_before_the_next_one(two):
    a, b, owner = two
    # A recorded (and acknowledged) the owner's first message, then died.
    assert await a.receiver.record(message(1, text="Karim")) is not None  # no language yet
    await b.receive(2, payload="lang:fr")
    await b.idle()  # without waiting for recovery (STALE_AFTER): B's own turn ran it
    assert owner.keys() == [["ask_language"], ["ask_consent"]]
    assert [p for p, _ in owner.seen] == ["B", "B"]


async def test_done_tapped_on_another_process_waits_for_the_album_before_it(two, monkeypatch):
    monkeypatch.setattr("bot.dispatch.ALBUM_WAIT", 1.0)
    a, b, owner = two
    await at_photos(a, owner)
    for seed in range(2):  # A receives the album; its turn waits for the album's end
        await a.receive(300 + seed, media=({"seed": seed},), group="album-2")
    await b.receive(302, payload="done")  # B gets the tap that follows it
    await a.idle()
    await b.idle()
    assert owner.keys() == [["photo_received"], ["ask_description"]]
    assert "Photo 2 sur 8" in owner.seen[0][1].replies[0].text


async def test_an_older_message_whose_turn_always_fails_does_not_silence_the_owner(
        two, monkeypatch, caplog):
    a, b, owner = two
    step = Turns._step

    async def buggy(self, session, conv, msg, *args, **kwargs):
        if msg.text == "boom":
            raise RuntimeError("a bug in this message's turn")
        return await step(self, session, conv, msg, *args, **kwargs)

    monkeypatch.setattr(Turns, "_step", buggy)
    assert await a.receiver.record(message(1, text="boom")) is not None  # then A died
    await b.receive(2, text="salam")
    await b.idle()
    assert owner.keys() == [["welcome_found", "ask_consent"]]
    assert "inbound 1 failed before 2" in caplog.text
