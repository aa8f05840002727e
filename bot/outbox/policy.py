"""When a failed outbox row is tried again, and when it is given up.

Every retry waits `backoff(attempt)`: 1 s doubling up to an hour, with full jitter, so
that rows failing together do not come back together. A chat message (kind "send")
gives up after SEND_ATTEMPTS, about an hour, when it is stale anyway; the storefront
handoff keeps trying for PARK_AFTER from its first attempt, then waits for an admin.
"""

from __future__ import annotations

import random
from datetime import timedelta

SEND_ATTEMPTS = 12  # about an hour of backoff for a chat message; then it is stale
NO_HANDLER_DELAY = timedelta(minutes=5)  # a kind this process has no handler for

PARK_AFTER = timedelta(hours=24)  # a handoff retried this long after its first attempt
RETRY_AFTER_CAP = 3600.0  # seconds: the most of a backend's Retry-After we honour
TRANSIENT = (408, 429)  # 4xx answers that mean "later", not "never"


def backoff(attempt: int, *, base: float = 1.0, cap: float = 3600.0) -> timedelta:
    """Exponential backoff with full jitter: 1 s doubling up to `cap`."""
    return timedelta(seconds=random.uniform(0.5, 1.0) * min(cap, base * 2 ** max(attempt - 1, 0)))


def transient(status: int) -> bool:
    """Whether a backend's HTTP status means "try again later" (5xx, 408, 429)."""
    return status >= 500 or status in TRANSIENT
