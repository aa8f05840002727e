"""A web-chat owner for tests: follows the conversation by locale keys, not wording."""

from __future__ import annotations

import io
import os
import random

import pytest
from aiohttp import FormData
from PIL import Image, ImageDraw

from bot.i18n import catalog
from bot.outbox.handler import Handlers
from bot.outbox.worker import handlers_for
from bot.settings import Settings
from bot.turns import Turns
from storage.exports import LocalExportFolder
from storage.media import LocalMediaStore


def required(service: str, problem: str | None) -> None:
    """A missing service (PostgreSQL, Redis, an S3 server) fails the test where CI asks
    for every test to run (REQUIRE_POSTGRES or CI set); on a developer's machine without
    it, the test is skipped and says why."""
    if problem is None:
        return
    if os.environ.get("REQUIRE_POSTGRES") or os.environ.get("CI"):
        pytest.fail(f"{service} is required when REQUIRE_POSTGRES/CI is set: {problem}")
    pytest.skip(f"{service}: {problem}")


def worker_handlers(db, settings, channels, media=None, exports=None) -> Handlers:
    """The handlers `tijara worker` runs, with a turn service of their own; the media
    store and export folder on local disk unless given (bot/runtime.py `open_files`)."""
    return handlers_for(db, settings, channels, turns_for(db, settings),
                        media or LocalMediaStore(settings.media_root),
                        exports or LocalExportFolder(settings.var_dir / "exports"))


def photo_bytes(seed: int = 0, size=(900, 700), fmt="JPEG") -> bytes:
    """A real, sharp, well-lit image; each seed a different picture (not a near-duplicate)."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randint(150, 230), rng.randint(150, 230),
                                    rng.randint(150, 230)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        w, h = rng.randint(60, 400), rng.randint(60, 400)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse([x, y, x + w, y + h], fill=colour, outline=(0, 0, 0), width=4)
        else:
            draw.rectangle([x, y, x + w, y + h], fill=colour, outline=(0, 0, 0), width=4)
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def ogg_voice_note(seconds: int = 2) -> bytes:
    """The two Ogg pages storage/audio.py reads: an OpusHead, and a last granule position."""
    def page(flags: int, granule: int, sequence: int, packet: bytes) -> bytes:
        return (b"OggS" + bytes([0, flags]) + granule.to_bytes(8, "little") + b"SER1"
                + sequence.to_bytes(4, "little") + bytes(4) + bytes([1, len(packet)]) + packet)

    head = (b"OpusHead" + bytes([1, 1]) + (312).to_bytes(2, "little")
            + (48000).to_bytes(4, "little") + bytes(3))
    return page(0x02, 0, 0, head) + page(0x04, 312 + 48000 * seconds, 1, b"\xf8\xff\xfe")


class Owner:
    def __init__(self, client):
        self.client = client
        self.session: str | None = None
        self.last: list[dict] = []
        self.locale: str | None = None

    @property
    def keys(self) -> list[str]:
        return [m["key"] for m in self.last]

    @property
    def question(self) -> dict:
        return self.last[-1]

    async def _take(self, response) -> dict:
        assert response.status == 200, await response.text()
        body = await response.json()
        self.last, self.locale = body["messages"], body["locale"]
        return body

    async def start(self, lang_hint: str | None = None) -> dict:
        response = await self.client.post("/api/chat/sessions", json={"lang_hint": lang_hint})
        body = await self._take(response)
        self.session = body["session"]
        return body

    async def say(self, text: str, message_id: str | None = None) -> list[str]:
        body = {"text": text} | ({"id": message_id} if message_id else {})
        await self._take(await self.client.post(self._url, json=body))
        return self.keys

    async def press(self, payload: str) -> list[str]:
        await self._take(await self.client.post(self._url, json={"payload": payload}))
        return self.keys

    async def photo(self, data: bytes, filename: str = "photo.jpg") -> list[str]:
        form = FormData()
        form.add_field("photo", data, filename=filename, content_type="image/jpeg")
        await self._take(await self.client.post(self._url, data=form))
        return self.keys

    @property
    def _url(self) -> str:
        return f"/api/chat/sessions/{self.session}/messages"


def turns_for(db, settings=None):
    """The turn service as the runtime builds it, for tests that drive the outbox without
    an app (settings: the test's own, else neutral ones that read no environment)."""
    settings = settings or Settings(_env_file=None, database_url=db.url,
                                    secret_key="test-secret",
                                    public_base_url="http://testserver")
    return Turns(db, catalog(), settings)


async def zellige_owner_at_photos(client, language: str, consent: str) -> Owner:
    """A web-chat owner (a zellige workshop) who answered everything up to the photos."""
    owner = Owner(client)
    await owner.start("fr")
    for step in (("press", f"lang:{language}"), ("say", consent), ("say", "Zellige Fès"),
                 ("say", "Karim Bennani"), ("say", "fes"), ("press", "sector:zellige"),
                 ("press", "skip"), ("say", "0612345678"), ("press", "skip"),
                 ("say", "Zellige beldi")):
        await getattr(owner, step[0])(step[1])
    return owner
