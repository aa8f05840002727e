"""The Mini App's initData check, with vectors: valid, forged, expired, replayed fields."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest

from bot.channels.telegram.webapp import InitDataRefused, validate

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
USER = json.dumps({"id": 279058397, "first_name": "Fatima", "language_code": "ar"},
                  separators=(",", ":"), ensure_ascii=False)


def signed(fields: dict[str, str], token: str = TOKEN) -> str:
    """Signed as the documentation says, computed here independently of the module."""
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields))
    digest = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


def fields(age: int = 60) -> dict[str, str]:
    return {"query_id": "AAHdF6IQAAAAAN0XohDhrOrc", "user": USER,
            "auth_date": str(int(NOW.timestamp()) - age)}


def test_a_valid_init_data_names_the_user():
    user = validate(signed(fields()), TOKEN, NOW)
    assert user.user_id == 279058397 and user.language_code == "ar"


def test_a_known_vector():
    # Its hash computed with openssl (HMAC-SHA256 twice, as documented), not with this code.
    data = ("auth_date=1765022340&query_id=AAHdF6IQAAAAAN0XohDhrOrc"
            "&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Fatima%22%7D"
            "&hash=1ddc486cc80ca2324b356613063fe91461c2f18554f32b01f855187a72d2573f")
    user = validate(data, TOKEN, datetime.fromtimestamp(1765022340 + 10, UTC))
    assert user.user_id == 279058397 and user.language_code is None
    with pytest.raises(InitDataRefused):  # the same, a day and a minute later
        validate(data, TOKEN, datetime.fromtimestamp(1765022340 + 86460, UTC))


@pytest.mark.parametrize("forge", [
    lambda d: d.replace("279058397", "279058398"),  # someone else's id
    lambda d: d[:-1] + ("0" if d[-1] != "0" else "1"),  # the hash changed
    lambda d: d.split("&hash=")[0],  # no hash
    lambda d: d + "&hash=00",  # a second hash
])
def test_a_forged_init_data_is_refused(forge):
    with pytest.raises(InitDataRefused):
        validate(forge(signed(fields())), TOKEN, NOW)


def test_another_bots_signature_is_refused():
    with pytest.raises(InitDataRefused):
        validate(signed(fields(), "987654321:other-bot-token"), TOKEN, NOW)


def test_an_expired_init_data_is_refused():
    validate(signed(fields(age=23 * 3600)), TOKEN, NOW)
    with pytest.raises(InitDataRefused):
        validate(signed(fields(age=25 * 3600)), TOKEN, NOW)
    with pytest.raises(InitDataRefused):  # from the future
        validate(signed(fields(age=-3600)), TOKEN, NOW)
