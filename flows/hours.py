"""When a person answers: the `SUPPORT_HOURS` setting, read once, and asked at each request.

    "Mon-Fri 09:00-18:00"                       Monday to Friday, Casablanca time
    "lun-ven 9h-18h; sam 9h-13h"                French day names, "9h", several parts
    "Mon-Thu 09:00-12:30, 14:00-18:00; Fri 09:00-12:00 Africa/Casablanca"

A part is days (one, a range that may wrap round the week, or a list with "," or "/")
then one or more time ranges; parts are separated by ";". An IANA zone at the end
replaces the default, Africa/Casablanca. Anything else is refused with a sentence saying
what was expected (bot.settings turns it into one line at start).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Africa/Casablanca"
# Monday is 0, as datetime.weekday() counts.
DAY_NAMES = {
    0: ("mon", "monday", "lun", "lundi"),
    1: ("tue", "tues", "tuesday", "mar", "mardi"),
    2: ("wed", "wednesday", "mer", "mercredi"),
    3: ("thu", "thur", "thurs", "thursday", "jeu", "jeudi"),
    4: ("fri", "friday", "ven", "vendredi"),
    5: ("sat", "saturday", "sam", "samedi"),
    6: ("sun", "sunday", "dim", "dimanche"),
}
DAYS = {name: day for day, names in DAY_NAMES.items() for name in names}
EXAMPLE = "e.g. 'Mon-Fri 09:00-18:00' or 'lun-ven 9h-18h; sam 9h-13h'"
_TIME = r"(\d{1,2})(?:[:h.](\d{2})?)?"
_RANGE = re.compile(rf"^{_TIME}\s*-\s*{_TIME}$")
_DAY_WORD = re.compile(r"^[a-zà-ÿ.]+$")


class BadHours(ValueError):
    """SUPPORT_HOURS that cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class Window:
    day: int  # 0 = Monday
    start: time
    end: time  # after start; "24:00" is kept as 23:59:59


@dataclass(frozen=True)
class Hours:
    windows: tuple[Window, ...]
    zone: tzinfo


def parse(text: str) -> Hours:
    """The hours a setting names; BadHours with the reason otherwise."""
    words = text.strip()
    if not words:
        raise BadHours(f"empty ({EXAMPLE})")
    zone_name = DEFAULT_ZONE
    last = words.split()[-1]
    if "/" in last and not any(ch.isdigit() for ch in last):
        zone_name, words = last, words[: -len(last)].strip()
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadHours(f"unknown time zone {zone_name!r}") from None
    windows: list[Window] = []
    for part in filter(None, (p.strip() for p in words.split(";"))):
        windows += _part(part)
    if not windows:
        raise BadHours(f"no opening hours ({EXAMPLE})")
    return Hours(tuple(sorted(windows, key=lambda w: (w.day, w.start))), zone)


def _part(part: str) -> list[Window]:
    match = re.match(r"^([^\d]+?)\s+(\d.*)$", part)
    if not match:
        raise BadHours(f"{part!r}: days then hours expected ({EXAMPLE})")
    days = _days(match.group(1).strip().lower())
    ranges = [r.strip() for r in match.group(2).split(",") if r.strip()]
    out = []
    for text in ranges:
        start, end = _range(text)
        out += [Window(day, start, end) for day in days]
    return out


def _days(text: str) -> list[int]:
    found: list[int] = []
    for piece in re.split(r"\s*[,/]\s*|\s+", text):
        first, _, second = piece.partition("-")
        if first not in DAYS or (second and second not in DAYS) \
                or not _DAY_WORD.match(first):
            raise BadHours(f"{piece!r} is not a day (Mon..Sun or lun..dim)")
        a = DAYS[first]
        b = DAYS[second] if second else a
        found += [(a + i) % 7 for i in range((b - a) % 7 + 1)]
    return sorted(set(found))


def _range(text: str) -> tuple[time, time]:
    match = _RANGE.match(text.replace(" ", ""))
    if not match:
        raise BadHours(f"{text!r} is not a time range like 09:00-18:00")
    h1, m1, h2, m2 = (int(g) if g else 0 for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        raise BadHours(f"{text!r}: hours are 00:00 to 24:00")
    start = time(h1, m1)
    end = time(23, 59, 59) if h2 == 24 else time(h2, m2)
    if end <= start:
        raise BadHours(f"{text!r}: the end comes before the start")
    return start, end


def is_open(hours: Hours, now: datetime) -> bool:
    local = now.astimezone(hours.zone)
    return any(w.day == local.weekday() and w.start <= local.time() < w.end
               for w in hours.windows)


def next_opening(hours: Hours, now: datetime) -> datetime:
    """The next time a window opens after `now`, in the hours' own zone."""
    local = now.astimezone(hours.zone)
    for offset in range(8):
        day = local.date() + timedelta(days=offset)
        for w in hours.windows:
            if w.day != day.weekday():
                continue
            at = datetime.combine(day, w.start, hours.zone)
            if at > local:
                return at
    raise AssertionError("a week always has an opening")  # parse refuses empty hours
