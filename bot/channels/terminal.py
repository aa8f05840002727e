"""`tijara chat`: the same conversation in a terminal (same engine, same database).

Type answers; a number picks one of the listed choices; `/photo PATH` sends a
photo; Ctrl-D leaves (the conversation waits for you, as on any channel).
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from pathlib import Path

from bot.channels.base import InboundMessage
from bot.i18n import Rendered
from bot.runtime import open_runtime
from bot.settings import Settings
from storage.media import Refused, ingest_photo

CHANNEL = "terminal"
HINTS = {"ary": "ar-MA", "fr": "fr", "ar": "ar"}


def show(replies: tuple[Rendered, ...], out=sys.stdout) -> list[str]:
    """Print replies; return the payloads of the last question's choices, by number."""
    payloads: list[str] = []
    for reply in replies:
        print(f"\n🤖 {reply.text}", file=out)
        if reply.image:
            print(reply.image, file=out)  # a terminal shows no picture: the link to open it
        if reply.buttons:
            payloads = [payload for _label, payload in reply.buttons]
            for i, (label, _payload) in enumerate(reply.buttons, 1):
                print(f"   {i}. {label}", file=out)
    return payloads


async def run(settings: Settings, lang: str | None = None, user: str = "local") -> None:
    async with open_runtime(settings, channels=False) as rt:
        turn = rt.receiver.converse
        result = await rt.turns.current(CHANNEL, user)
        if result is None or not result.replies:
            result = await turn(InboundMessage(
                channel=CHANNEL, user_ref=user, external_id=uuid.uuid4().hex, is_start=True,
                locale_hint=HINTS.get(lang or "")))
            if lang:
                result = await turn(InboundMessage(
                    channel=CHANNEL, user_ref=user, external_id=uuid.uuid4().hex,
                    payload=f"lang:{lang}"))
        choices = show(result.replies)
        while True:
            try:
                line = await asyncio.to_thread(input, "\n> ")
            except EOFError:
                print()
                return
            text, payload, files = line, None, ()
            if line.strip().isdigit() and choices and 1 <= int(line) <= len(choices):
                text, payload = None, choices[int(line) - 1]
            elif line.startswith("/photo "):
                path = Path(line.removeprefix("/photo ").strip()).expanduser()
                data = path.read_bytes() if path.is_file() else b""
                files = (await ingest_photo(rt.media, data) if data else Refused("not_image"),)
                text = None
            result = await turn(InboundMessage(
                channel=CHANNEL, user_ref=user, external_id=uuid.uuid4().hex, text=text,
                payload=payload, files=files))
            choices = show(result.replies) or choices
