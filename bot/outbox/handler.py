"""What the worker runs: a handler per outbox kind, and chores on a clock.

A handler carries out one claimed row and settles it (finish, retry_later, give_up,
hold in storage/outbox.py); it must be idempotent, since a row whose lease ran out is
run again by another worker.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass

from storage.models import Outbox

Handler = Callable[[Outbox], Awaitable[None]]


@dataclass(frozen=True)
class Chore:
    """Something the worker loop does on a clock rather than for a row (reminders)."""

    name: str
    every: float  # seconds
    run: Callable[[], Awaitable[object]]


class Handlers(dict[str, Handler]):
    """The outbox handlers by kind, and the chores of the loop that runs them."""

    def __init__(self, handlers: Mapping[str, Handler] | None = None,
                 chores: Iterable[Chore] = ()):
        super().__init__(handlers or {})
        self.chores = tuple(chores)
