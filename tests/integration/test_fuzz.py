"""Property-based fuzzing of everything a stranger can post: the web-chat API (start,
message as JSON and as multipart, resume, waiting), the Telegram webhook (with its
secret) and the WhatsApp webhook (signed as Twilio signs). Whatever arrives, the answer
is never a 5xx and stays small.

Deterministic (derandomize: the same examples on every run, so CI never flakes) and
fast (~60 examples per endpoint, no deadline). The app runs in a loop of the test's
own, since Hypothesis drives a plain function.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

from aiohttp import FormData
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from bot.app import create_app
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio
from tests.helpers import photo_bytes

TG_TOKEN, TG_SECRET = "123456789:FUZZ-token_for-the-stand-in", "fuzz-Secret_for-tests"
SID, TW_TOKEN = "AC" + "7" * 32, "twilio-auth-token-for-fuzzing"
PUBLIC = "https://bot.example.ma"
MAX_ANSWER = 256 * 1024  # a few replies with their texts and buttons: far less than this

FUZZ = fuzz_settings(max_examples=60, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture,
                                            HealthCheck.too_slow])

HOSTILE = ["\x00", "\ud83d", "\udc00x", "\u202e", "\u2066", "\x1b[31m", "\r\n", "'; --",
           "<script>alert(1)</script>", "start:abcdefgh12345678", "ref-AAAA", "agent-x",
           "lang:fr", "sector:argan", "submit", "", " ", "0" * 70, "\u0645" * 300]
texts = st.one_of(st.text(max_size=80), st.sampled_from(HOSTILE),
                  st.text(alphabet=st.characters(codec=None, exclude_categories=()),
                          max_size=20))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts)
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)), max_leaves=12)
message_bodies = st.fixed_dictionaries({}, optional={
    "text": st.one_of(texts, json_values), "payload": st.one_of(texts, json_values),
    "id": st.one_of(texts, json_values)})
raw_bodies = st.one_of(st.binary(max_size=200), st.sampled_from([
    b"", b"{", b"[" * 5000 + b"]" * 5000, b'{"text": ' + b"[" * 900 + b"]" * 900 + b"}",
    b'{"text": "\\ud83d"}', b'{"id": "\\u0000"}', b"null", b"[]", b"\xff\xfe"]))


class Running:
    """The app and its stand-ins, in an event loop of their own."""

    def __init__(self, settings):
        self.loop = asyncio.new_event_loop()
        self.telegram = FakeTelegram(TG_TOKEN)
        self.tg_server = TestServer(self.telegram.app())
        self.run(self.tg_server.start_server())
        self.twilio = FakeTwilio(SID, TW_TOKEN)
        self.run(self.twilio.__aenter__())
        config = settings.model_copy(update={
            "telegram_bot_token": TG_TOKEN, "telegram_webhook_secret": TG_SECRET,
            "telegram_api_base_url": FakeTelegram.api_base(self.tg_server),
            "telegram_file_base_url": FakeTelegram.file_base(self.tg_server),
            "twilio_account_sid": SID, "twilio_auth_token": TW_TOKEN,
            "twilio_whatsapp_from": "whatsapp:+14155238886",
            "twilio_api_base_url": self.twilio.api_url, "twilio_media_hosts": ["127.0.0.1"],
            "public_base_url": PUBLIC, "embedded_worker": False,
            "webchat_session_limit": 10_000, "webchat_message_limit": 10_000})
        self.client = self.run(self._client(config))

    @staticmethod
    async def _client(config) -> TestClient:  # made inside the loop it runs in
        client = TestClient(TestServer(create_app(config)))
        await client.start_server()
        return client

    def run(self, coro):
        return self.loop.run_until_complete(coro)

    def call(self, method: str, path: str, **kwargs) -> tuple[int, int]:
        async def go():
            async with self.client.request(method, path, **kwargs) as response:
                return response.status, len(await response.read())
        status, size = self.run(go())
        assert status < 500, (method, path, kwargs, status)
        assert size < MAX_ANSWER
        return status, size

    def close(self) -> None:
        self.run(self.client.close())
        self.run(self.twilio.__aexit__(None, None, None))
        self.run(self.tg_server.close())
        self.loop.close()


@contextmanager
def running(settings) -> Iterator[Running]:
    app = Running(settings)
    try:
        yield app
    finally:
        app.close()


def new_session(app: Running) -> str:
    async def go():
        response = await app.client.post("/api/chat/sessions", json={"lang_hint": "fr"})
        return (await response.json())["session"]
    return app.run(go())


def test_the_web_chat_api_never_answers_5xx(settings):
    with running(settings) as app:
        session = new_session(app)
        messages = f"/api/chat/sessions/{session}/messages"

        @FUZZ
        @given(body=st.one_of(json_values, st.fixed_dictionaries(
            {}, optional={"lang_hint": json_values, "ref": json_values})))
        def start(body):
            app.call("POST", "/api/chat/sessions", json=body)

        @FUZZ
        @given(body=message_bodies)
        def message_json(body):
            app.call("POST", messages, json=body)

        @FUZZ
        @given(body=raw_bodies, path=st.sampled_from([messages, "/api/chat/sessions"]))
        def raw(body, path):
            app.call("POST", path, data=body, headers={"Content-Type": "application/json"})

        @FUZZ
        @given(photo=st.one_of(st.binary(max_size=300), st.sampled_from(
                   [b"\xff\xd8\xff" + bytes(100), b"\x89PNG\r\n\x1a\n" + bytes(40),
                    photo_bytes(1, size=(120, 90))])),
               message_id=st.one_of(st.none(), texts), field=st.sampled_from(["photo", "x"]))
        def message_multipart(photo, message_id, field):
            form = FormData()
            form.add_field(field, photo, filename="p.jpg", content_type="image/jpeg")
            if message_id is not None:
                form.add_field("id", message_id.encode("utf-8", "surrogatepass").decode(
                    "utf-8", "replace"))
            app.call("POST", messages, data=form)

        @FUZZ
        @given(who=st.one_of(texts, st.just(session)),
               tail=st.sampled_from(["", "/waiting"]))
        def resume_and_waiting(who, tail):
            path = f"/api/chat/sessions/{quote(who.encode('utf-8', 'surrogatepass'), safe='')}"
            app.call("GET", path + tail)

        for fuzz in (start, message_json, raw, message_multipart, resume_and_waiting):
            fuzz()


updates = st.fixed_dictionaries({"update_id": st.one_of(st.integers(0, 2**31), json_values)},
                                optional={
    "message": st.fixed_dictionaries({
        "message_id": st.one_of(st.integers(1, 10**6), json_values),
        "date": st.integers(0, 2**31),
        "chat": st.fixed_dictionaries({"id": st.one_of(st.integers(-10**12, 10**12),
                                                       json_values),
                                       "type": st.sampled_from(["private", "group", "x"])}),
    }, optional={"text": texts, "from": st.fixed_dictionaries({
        "id": st.integers(1, 10**10), "is_bot": st.booleans(), "first_name": texts},
        optional={"language_code": texts}), "caption": texts, "photo": json_values,
        "contact": json_values, "media_group_id": texts, "voice": json_values}),
    "callback_query": st.fixed_dictionaries({"id": texts, "data": texts,
                                             "from": json_values, "message": json_values}),
    "my_chat_member": json_values, "edited_message": json_values,
})


def test_the_telegram_webhook_never_answers_5xx(settings):
    with running(settings) as app:
        headers = {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}

        @FUZZ
        @given(update=st.one_of(updates, json_values))
        def update_json(update):
            app.call("POST", "/telegram/webhook", json=update, headers=headers)

        @FUZZ
        @given(body=raw_bodies)
        def update_raw(body):
            app.call("POST", "/telegram/webhook", data=body, headers=headers)

        update_json()
        update_raw()


whatsapp_forms = st.fixed_dictionaries({
    "MessageSid": st.one_of(st.just("SM" + "1" * 32), texts),
    "AccountSid": st.sampled_from([SID, "AC" + "0" * 32, ""]),
    "From": st.one_of(st.just("whatsapp:+212612345678"), texts),
}, optional={
    "To": texts, "Body": texts, "NumMedia": st.one_of(st.sampled_from(["0", "1", "9", "-1"]),
                                                      texts),
    "MediaUrl0": st.one_of(texts, st.just("http://127.0.0.1:1/x")),
    "MediaContentType0": texts, "ProfileName": texts, "WaId": texts,
    "ButtonPayload": texts, "ReferralBody": texts, "Latitude": texts,
})


def test_the_whatsapp_webhook_never_answers_5xx(settings):
    validator = RequestValidator(TW_TOKEN)
    with running(settings) as app:
        @FUZZ
        @given(form=whatsapp_forms)
        def signed(form):
            form = {k: v.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
                    for k, v in form.items()}  # a form body is UTF-8: what Twilio can send
            signature = validator.compute_signature(PUBLIC + "/whatsapp/twilio", form)
            app.call("POST", "/whatsapp/twilio", data=form,
                     headers={"X-Twilio-Signature": signature})

        signed()


def test_json_values_reach_deep_and_hostile_text():
    """The strategies really produce what they are for (a guard on the fuzzing itself)."""
    assert json.loads(json.dumps({"t": HOSTILE[1]}))["t"] == "\ud83d"
