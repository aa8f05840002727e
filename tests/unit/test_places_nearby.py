"""Where a shared location is: the nearest gazetteer town (haversine), in Morocco or not,
and what the channels keep of it (a town, never the coordinates)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bot.channels.location import shared_place
from flows.parsing.nearby import (
    ABROAD,
    UNREADABLE,
    haversine_km,
    in_morocco,
    nearest_town,
    place_of,
)
from flows.parsing.places import CITIES

DATA = Path(__file__).resolve().parents[2] / "flows" / "parsing" / "placedata"
TOWNS = [line.split("\t") for line in (DATA / "towns.tsv").read_text().splitlines()
         if line and not line.startswith("#")]


def test_distances_are_great_circle_kilometres():
    assert haversine_km(33.5883, -7.6114, 33.5883, -7.6114) == 0
    assert 85 < haversine_km(33.5883, -7.6114, 34.0133, -6.8326) < 88  # Casablanca-Rabat
    assert 1880 < haversine_km(33.5883, -7.6114, 48.8566, 2.3522) < 1920  # Casablanca-Paris


def test_every_gazetteer_town_but_one_has_coordinates_and_is_its_own_nearest():
    assert {cid for cid, *_ in TOWNS} == set(CITIES) - {"tamegroute"}
    for cid, lat, lon, _ in TOWNS:
        found = nearest_town(float(lat), float(lon))
        assert found.city.id == cid and found.km < 0.01
        assert found.region.id == CITIES[cid].region_id
        assert in_morocco(float(lat), float(lon)), cid


@pytest.mark.parametrize("lat,lon,town,region", [
    (29.6051, -9.8012, "tiznit", "souss-massa"),  # a douar west of Tiznit
    (31.1370, -7.9190, "marrakech", "marrakech-safi"),  # Imlil, in the Atlas
    (31.0990, -4.0120, "rissani", "draa-tafilalet"),  # Merzouga
    (29.5830, -10.0330, "sidi-ifni", "guelmim-oued-noun"),  # Mirleft
    (33.8500, -4.8700, "sefrou", "fes-meknes"),  # Bhalil
    (30.2600, -5.6800, "zagora", "draa-tafilalet"),  # Tamegroute: no coordinates, near Zagora
])
def test_a_village_gets_the_nearest_town_and_its_region(lat, lon, town, region):
    found = nearest_town(lat, lon)
    assert (found.city.id, found.region.id) == (town, region)
    assert place_of(lat, lon) == town


@pytest.mark.parametrize("lat,lon", [
    (40.4168, -3.7038),  # Madrid
    (36.7213, -4.4214),  # Malaga, across the strait
    (28.1235, -15.4363),  # Las Palmas, Canary Islands
    (34.8800, -1.3200),  # Tlemcen, Algeria, 60 km from Oujda
    (34.8500, -1.7300),  # Maghnia, Algeria, by the border
    (27.6700, -8.1500),  # Tindouf
    (20.9400, -17.0400),  # Nouadhibou, inside the coarse outline
    (48.8566, 2.3522),  # Paris
    (33.0000, -12.0000),  # the Atlantic
])
def test_places_abroad_are_abroad(lat, lon):
    assert not in_morocco(lat, lon)
    assert place_of(lat, lon) == ABROAD


@pytest.mark.parametrize("lat,lon", [
    (31.5125, -9.7700), (35.2517, -3.9372), (27.1418, -13.1880), (23.6848, -15.9580),
    (34.6814, -1.9086), (32.1100, -1.2300),  # Essaouira, Hoceima, Laayoune, Dakhla, Oujda, Figuig
])
def test_moroccan_coasts_and_borders_are_in_morocco(lat, lon):
    assert in_morocco(lat, lon)


@pytest.mark.parametrize("lat,lon", [
    (math.nan, -7.0), (33.0, math.inf), (91.0, -7.0), (33.0, -181.0), (True, -7.0),
])
def test_impossible_coordinates_are_unreadable(lat, lon):
    assert place_of(lat, lon) == UNREADABLE
    with pytest.raises(ValueError):
        nearest_town(lat, lon)


@pytest.mark.parametrize("lat,lon,place", [
    ("33.5731", "-7.5898", "casablanca"),  # a Twilio form: strings
    (33.5731, -7.5898, "casablanca"),  # Telegram and the web: numbers
    (" 29.6051 ", "-9.8012", "tiznit"),
    ("NaN", "-7.5", UNREADABLE), ("", "-7.5", UNREADABLE), (None, -7.5, UNREADABLE),
    ("33.5" * 20, "-7.5", UNREADABLE), ({"x": 1}, -7.5, UNREADABLE), (False, -7.5, UNREADABLE),
    ("1e400", "-7.5", UNREADABLE), ("-95", "-7.5", UNREADABLE),
])
def test_channels_check_the_values_before_use(lat, lon, place):
    assert shared_place(lat, lon) == place


def test_recorded_locations_keep_no_coordinates():
    """What the inbound log would keep of each recorded location payload."""
    from bot.channels.telegram import parse_update
    from bot.channels.whatsapp import parse_form

    root = Path(__file__).resolve().parents[1] / "data"
    kept = []
    for path in sorted((root / "telegram").glob("location*.json")) + [
            root / "telegram" / "venue.json"]:
        case = json.loads(path.read_text())
        message = parse_update(case["update"]).message
        spot = case["update"]["message"].get("location") or \
            case["update"]["message"]["venue"]["location"]
        kept.append((json.dumps(message.to_record()), spot["latitude"], spot["longitude"]))
    for path in sorted((root / "whatsapp").glob("location*.json")):
        case = json.loads(path.read_text())
        message = parse_form(case["form"])
        kept.append((json.dumps(message.to_record()), case["form"]["Latitude"],
                     case["form"]["Longitude"]))
    assert len(kept) == 9
    for record, lat, lon in kept:
        for value in (lat, lon):  # ("x", a bad value, is in "text": not a coordinate)
            assert str(value) == "x" or str(value) not in record
        assert "Latitude" not in record and '"location":' not in record
        assert '"place"' in record
