"""A local stand-in for Twilio: the Messages API and media behind Basic auth, on loopback.

Two servers, as in production where the API and its CDN are different origins:

- `api` (http://127.0.0.1:<port>): `POST /2010-04-01/Accounts/{sid}/Messages.json`
  (Basic auth checked, form To/From/Body/MediaUrl recorded, 201 with a sid; it can be
  told to fail the next calls), and `GET /media/{name}` (Basic auth, then a 307 to the CDN,
  the way Twilio redirects to a signed media link);
- `cdn` (http://127.0.0.1:<other port>): `GET /cdn/{token}` serves the bytes and
  notes whether an Authorization header came along (it must not).

`enforce_rate(per_second)` answers 429 (Twilio error 20429) to message creations beyond a
sender's rate (Twilio's WhatsApp throughput is 80 a second per sender by default);
`listeners` are told of every accepted message as it arrives.

Every media request on either server is kept in `hits` as (server, path, had_auth),
so a test can show that a URL was never requested. The CDN is also reachable as
`http://localhost:<port>` (`other_host`), a host the bot must not be allowed to fetch.
"""

from __future__ import annotations

import asyncio
import base64
import secrets
import time
from collections import deque
from dataclasses import dataclass, field

from aiohttp import web


@dataclass
class Sent:
    to: str
    from_: str
    body: str
    sid: str
    form: dict[str, list[str]] = field(default_factory=dict)

    @property
    def media_urls(self) -> list[str]:
        """The message's `MediaUrl` fields (a repeated field, one per medium)."""
        return self.form.get("MediaUrl", [])


class FakeTwilio:
    def __init__(self, account_sid: str, auth_token: str):
        self.account_sid, self.auth_token = account_sid, auth_token
        self.messages: list[Sent] = []
        self.attempts = 0  # every POST to Messages.json, failed or not
        self.hits: list[tuple[str, str, bool]] = []  # (server, path, had Authorization)
        self.media: dict[str, tuple[bytes, str]] = {}
        self._failures: list[tuple[int, dict]] = []
        self._cdn_links: dict[str, str] = {}
        self._redirects: dict[str, str] = {}
        self._runners: list[web.AppRunner] = []
        self.api_url = self.cdn_url = self.other_host = ""
        self.listeners: list = []  # callables(Sent, arrived_at) for every accepted message
        self.throttled = 0
        self._rate: float | None = None
        self._sent_at: dict[str, deque[float]] = {}

    # --- what tests use ---

    def fail_next(self, count: int, status: int = 500, code: int | None = None,
                  message: str = "Internal Server Error") -> None:
        """The next `count` message creations answer `status` with Twilio's error body."""
        body = {"code": code or status * 100, "message": message, "status": status,
                "more_info": f"https://www.twilio.com/docs/errors/{code or status * 100}"}
        self._failures.extend([(status, body)] * count)

    def enforce_rate(self, per_second: float = 80.0) -> None:
        """At most `per_second` messages a second per sender (a sliding second); beyond, 429."""
        self._rate = per_second

    def _over_rate(self, sender: str) -> bool:
        if self._rate is None:
            return False
        now = time.monotonic()
        window = self._sent_at.setdefault(sender, deque())
        while window and window[0] <= now - 1.0:
            window.popleft()
        if len(window) >= self._rate:
            return True
        window.append(now)
        return False

    def add_media(self, name: str, data: bytes, content_type: str = "image/jpeg") -> str:
        """Serve `data` at an authenticated URL (redirected to the CDN); returns the URL."""
        self.media[name] = (data, content_type)
        return f"{self.api_url}/media/{name}"

    def redirect_media(self, name: str, location: str) -> str:
        """An authenticated media URL that redirects to `location` (anywhere)."""
        self._redirects[name] = location
        return f"{self.api_url}/media/{name}"

    def bodies(self, to: str | None = None) -> list[str]:
        return [m.body for m in self.messages if to is None or m.to == to]

    async def wait_for(self, count: int, timeout: float = 10.0) -> list[Sent]:
        """Wait until at least `count` messages were accepted (no fixed sleeps in tests)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self.messages) < count:
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"{len(self.messages)} messages sent, expected {count}: "
                                     f"{[m.body[:60] for m in self.messages]}")
            await asyncio.sleep(0.02)
        return self.messages

    # --- servers ---

    async def __aenter__(self) -> FakeTwilio:
        api = web.Application()
        api.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", self._create)
        api.router.add_get("/media/{name}", self._media)
        cdn = web.Application()
        cdn.router.add_get("/cdn/{token}", self._cdn)
        cdn.router.add_route("*", "/{tail:.*}", self._anything)
        api_port = await self._serve(api)
        cdn_port = await self._serve(cdn)
        self.api_url = f"http://127.0.0.1:{api_port}"
        self.cdn_url = f"http://127.0.0.1:{cdn_port}"
        self.other_host = f"http://localhost:{cdn_port}"
        return self

    async def __aexit__(self, *exc) -> None:
        for runner in self._runners:
            await runner.cleanup()

    async def _serve(self, app: web.Application) -> int:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runners.append(runner)
        return runner.addresses[0][1]

    def _authorised(self, request: web.Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return request.headers.get("Authorization") == f"Basic {expected}"

    @staticmethod
    def _error(status: int, code: int, message: str) -> web.Response:
        return web.json_response({"code": code, "message": message, "status": status,
                                  "more_info": f"https://www.twilio.com/docs/errors/{code}"},
                                 status=status)

    async def _create(self, request: web.Request) -> web.Response:
        self.attempts += 1
        if not self._authorised(request) or request.match_info["sid"] != self.account_sid:
            return self._error(401, 20003, "Authenticate")
        if self._failures:
            status, body = self._failures.pop(0)
            return web.json_response(body, status=status)
        arrived = time.monotonic()
        form = await request.post()
        if self._over_rate(str(form.get("From", ""))):
            self.throttled += 1
            return self._error(429, 20429, "Too Many Requests")
        fields = {key: [str(v) for v in form.getall(key)] for key in set(form.keys())}
        to, sender, body = form.get("To", ""), form.get("From", ""), form.get("Body", "")
        if not to or not sender:
            return self._error(400, 21604, "A 'To' and a 'From' are required")
        media = form.getall("MediaUrl", [])
        if not body and not form.get("ContentSid") and not media:
            return self._error(400, 21619, "A text message body or media urls must be specified")
        if len(body) > 1600:
            return self._error(400, 21617, "The concatenated message body exceeds the 1600 "
                                           "character limit")
        sid = "SM" + secrets.token_hex(16)
        sent = Sent(str(to), str(sender), str(body), sid, fields)
        self.messages.append(sent)
        for listener in self.listeners:
            listener(sent, arrived)
        return web.json_response({
            "sid": sid, "status": "queued", "to": to, "from": sender, "body": body,
            "num_media": str(len(media)), "account_sid": self.account_sid, "error_code": None,
            "error_message": None, "direction": "outbound-api",
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
        }, status=201)

    async def _media(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        self.hits.append(("api", request.path, "Authorization" in request.headers))
        if not self._authorised(request):
            return self._error(401, 20003, "Authenticate")
        if name in self._redirects:
            raise web.HTTPTemporaryRedirect(self._redirects[name])
        if name not in self.media:
            return self._error(404, 20404, "The requested resource was not found")
        token = secrets.token_urlsafe(12)
        self._cdn_links[token] = name
        raise web.HTTPTemporaryRedirect(f"{self.cdn_url}/cdn/{token}")

    async def _cdn(self, request: web.Request) -> web.Response:
        self.hits.append(("cdn", request.path, "Authorization" in request.headers))
        name = self._cdn_links.get(request.match_info["token"])
        if name is None:
            raise web.HTTPNotFound()
        data, content_type = self.media[name]
        return web.Response(body=data, content_type=content_type)

    async def _anything(self, request: web.Request) -> web.Response:
        self.hits.append(("cdn", request.path, "Authorization" in request.headers))
        return web.Response(body=b"not for you", content_type="image/jpeg")
