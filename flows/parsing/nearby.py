"""Where a shared location is: the nearest town of the gazetteer, or not in Morocco.

Pure and offline: the towns' coordinates and Morocco's outline are data files built
once (benchmarks/build_town_coordinates.py; sources and licences in placedata/SOURCES.md).
Distances are great-circle (haversine) on a sphere of the Earth's mean radius: a few
kilometres off at most, far below the gap between two towns of the gazetteer.

A point is in Morocco when it is inside the outline (Morocco and the Western Sahara,
the gazetteer's 12 regions), or within `COAST_SLACK_KM` of a Moroccan place of GeoNames:
the outline is coarse (1:110m), and a harbour or a border town may fall just outside it.
It is not, though, when a place of Algeria or Mauritania is nearer than any Moroccan one
and within `COAST_SLACK_KM` (Nouadhibou is inside the coarse outline).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from flows.parsing.places import CITIES, REGIONS, City, Region

EARTH_RADIUS_KM = 6371.0088
COAST_SLACK_KM = 15.0
_DATA = Path(__file__).resolve().parent / "placedata"


@dataclass(frozen=True)
class Nearby:
    city: City
    region: Region
    km: float


def _towns() -> tuple[tuple[City, float, float], ...]:
    out = []
    for line in (_DATA / "towns.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cid, lat, lon, _ = line.split("\t")
            out.append((CITIES[cid], float(lat), float(lon)))
    return tuple(out)


_TOWNS = _towns()
_MOROCCO = json.loads((_DATA / "morocco.json").read_text(encoding="utf-8"))
_OUTLINE: tuple[tuple[tuple[float, float], ...], ...] = tuple(
    tuple((lon, lat) for lon, lat in ring) for ring in _MOROCCO["outline"])
_PLACES: tuple[tuple[float, float], ...] = tuple((lat, lon) for lat, lon in _MOROCCO["places"])
_FOREIGN: tuple[tuple[float, float], ...] = tuple((lat, lon) for lat, lon in _MOROCCO["foreign"])


def valid(lat: float, lon: float) -> bool:
    """Finite numbers in range (a device or a stranger may send anything)."""
    return (isinstance(lat, float | int) and isinstance(lon, float | int)
            and not isinstance(lat, bool) and not isinstance(lon, bool)
            and math.isfinite(lat) and math.isfinite(lon)
            and -90 <= lat <= 90 and -180 <= lon <= 180)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest_town(lat: float, lon: float) -> Nearby:
    """The gazetteer town nearest to a point, with its region and the distance."""
    if not valid(lat, lon):
        raise ValueError("latitude and longitude must be finite and in range")
    city, km = min(((c, haversine_km(lat, lon, t_lat, t_lon)) for c, t_lat, t_lon in _TOWNS),
                   key=lambda pair: pair[1])
    return Nearby(city, REGIONS[city.region_id], km)


def _inside(ring: tuple[tuple[float, float], ...], x: float, y: float) -> bool:
    """Even-odd ray casting (x = longitude, y = latitude)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _closest_km(lat: float, lon: float, places: tuple[tuple[float, float], ...]) -> float:
    return min((haversine_km(lat, lon, p_lat, p_lon) for p_lat, p_lon in places
                if abs(p_lat - lat) < 0.5), default=math.inf)  # 0.5 degree: about 55 km


def in_morocco(lat: float, lon: float) -> bool:
    if not valid(lat, lon):
        return False
    home, foreign = _closest_km(lat, lon, _PLACES), _closest_km(lat, lon, _FOREIGN)
    if foreign <= COAST_SLACK_KM and foreign < home:
        return False
    return home <= COAST_SLACK_KM or any(_inside(ring, lon, lat) for ring in _OUTLINE)


# What a shared location becomes before anything stores it (no coordinates are kept):
ABROAD = "abroad"  # outside Morocco
UNREADABLE = "unreadable"  # not numbers, or out of range


def place_of(lat: float, lon: float) -> str:
    """A shared location as flows reads it: the nearest town's id, ABROAD or UNREADABLE."""
    if not valid(lat, lon):
        return UNREADABLE
    if not in_morocco(lat, lon):
        return ABROAD
    return nearest_town(lat, lon).city.id
