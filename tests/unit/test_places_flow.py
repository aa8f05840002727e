"""The town question: a village nobody listed asks for the nearest big town (or a shared
location) before the regions; a shared location is confirmed before it is kept."""

from __future__ import annotations

import pytest

from flows.model import Input
from tests.unit.test_engine import FR_START, keys, talk

AT_CITY = (*FR_START, "Atlas Argan", "Fatima Amrani")


def test_a_village_nobody_listed_asks_for_the_nearest_big_town_then_takes_its_region():
    state, replies = talk(*AT_CITY, "Douar Tizi")
    assert keys(replies) == ["ask_nearest_town"]
    assert state.draft.city == "Douar Tizi"  # kept as typed, whatever comes next
    state, replies = talk("pas loin de Tiznit", state=state)
    assert keys(replies) == ["place_near_noted", "ask_sector"]  # no list of 12 regions
    d = state.draft
    assert (d.city, d.city_id, d.region) == ("Douar Tizi", None, "souss-massa")


def test_a_second_place_nobody_knows_gets_the_regions_as_before():
    state, replies = talk(*AT_CITY, "Douar Tizi", "Douar Ighil")
    assert keys(replies) == ["ask_region"]
    state, replies = talk(Input(payload="region:souss-massa"), state=state)
    assert keys(replies) == ["ask_sector"]
    assert (state.draft.city, state.draft.region) == ("Douar Tizi", "souss-massa")


def test_none_of_the_suggestions_also_asks_for_the_nearest_town():
    state, replies = talk(*AT_CITY, "agdal")  # a district several cities have
    assert keys(replies) == ["city_did_you_mean"]
    state, replies = talk(Input(payload="city:other"), state=state)
    assert keys(replies) == ["ask_nearest_town"]


@pytest.mark.parametrize("channel,button,how", [
    ("telegram", True, "share_location_telegram"),
    ("web", True, "share_location_web"),
    ("whatsapp", False, "share_location_whatsapp"),  # no such button: the words say how
    ("terminal", False, None),
])
def test_the_nearest_town_question_says_how_to_share_a_location(channel, button, how):
    _, replies = talk(*AT_CITY, "Douar Tizi", channel=channel,
                      channel_phone="+212612345678" if channel == "whatsapp" else None)
    question = replies[-1]
    assert question.key == "ask_nearest_town" and question.asks_location is button
    said = question.msg.params["how"]
    assert (said.key if said else None) == how


def test_a_shared_location_is_confirmed_then_gives_the_town_and_its_region():
    state, replies = talk(*AT_CITY, Input(place="tiznit"))
    assert keys(replies) == ["place_confirm"]
    assert [b.payload for b in replies[0].buttons] == ["yes", "no"]
    assert state.draft.city is None  # nothing kept before the owner says yes
    state, replies = talk("oui", state=state)
    assert keys(replies) == ["ask_sector"]
    d = state.draft
    assert (d.city, d.city_id, d.region) == ("Tiznit", "tiznit", "souss-massa")


def test_no_to_the_shared_town_asks_the_town_again():
    state, replies = talk(*AT_CITY, Input(place="tiznit"), Input(payload="no"))
    assert keys(replies) == ["ask_city"] and state.draft.city is None


def test_a_location_after_naming_a_village_keeps_the_village():
    state, replies = talk(*AT_CITY, "Douar Tizi", Input(place="tiznit"))
    assert keys(replies) == ["place_confirm_village"]
    state, replies = talk(Input(payload="yes"), state=state)
    assert keys(replies) == ["ask_sector"]
    d = state.draft
    assert (d.city, d.city_id, d.region) == ("Douar Tizi", None, "souss-massa")
    state, replies = talk(*AT_CITY, "Douar Tizi", Input(place="tiznit"), Input(payload="no"))
    assert keys(replies) == ["ask_nearest_town"]  # one more chance, as before


def test_a_location_at_the_region_question_gives_the_region():
    state, replies = talk(*AT_CITY, "Douar Tizi", "Douar Ighil", Input(place="taroudant"))
    assert keys(replies) == ["place_confirm_village"]
    state, replies = talk(Input(payload="yes"), state=state)
    assert keys(replies) == ["ask_sector"] and state.draft.region == "souss-massa"


@pytest.mark.parametrize("place,key", [("abroad", "place_abroad"),
                                       ("unreadable", "place_unreadable")])
def test_a_location_abroad_or_unreadable_gets_a_kind_answer_and_the_question_stays(place, key):
    state, replies = talk(*AT_CITY, Input(place=place))
    assert keys(replies) == [key] and state.step == "city" and state.draft.city is None
    state, replies = talk("Agadir", state=state)
    assert keys(replies) == ["ask_sector"] and state.draft.city_id == "agadir"


def test_a_location_where_no_town_is_asked_changes_nothing():
    state, replies = talk(*AT_CITY, "Agadir", Input(place="tiznit"))
    assert keys(replies) == ["place_not_asked", "ask_sector"]
    assert state.draft.city_id == "agadir"
