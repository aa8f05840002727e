"""A local stand-in for the storefront-creation backend (docs/storefront-api.yaml).

- `POST /storefronts`: 401 unless `Authorization: Bearer <token>` and
  `X-Tijara-Signature: sha256=<HMAC-SHA256 of the raw body>` are right; 400 unless the
  `Idempotency-Key` is the body's `{submission_id}-{revision}`; 422 unless the body
  validates against the document's schema; then it DOWNLOADS every image URL and
  checks its sha256 and size (422 if one fails); then one storefront per key:
  201 `{"storefront_id", "url"}`, and 409 with the same for a repeat of the key
  (with no body at all if `bare_conflicts` is set).
  Requests with one key are served one at a time, as a real backend would lock the key.
- `PUT /storefronts/{id}`: the same checks, then 404 unless that storefront exists; the
  storefront's content becomes the body (a product left out is gone): 200 with its
  `{"storefront_id", "url"}`, and 409 with the same for a repeat of the key.
- Faults: `fail(n, status)` answers the next n requests with `status` (503: the
  backend is down); `stall(n, seconds, after_create=...)` holds the next n requests
  that long, before doing anything or after creating the storefront (the answer is
  then lost if the client gives up); `refuse(status, message)` answers every request
  so until `heal()`.
- `DELETE /storefronts/{id}` (an owner's erasure): same bearer and signature (of the
  empty body), `Idempotency-Key: delete-{id}`; 204 once removed, 404 when not there;
  `fail(n)` applies too. Recorded in `deletions` (id, key, status).
- Records: `requests` (key, body and answer of each, in order of arrival),
  `storefronts` (by key), `created` (keys, in order: a key twice would be a storefront
  made twice), `updated` (keys of the updates applied, in order), `content` (each
  storefront's body now, by storefront id), `downloads`.

Usage: `fake = FakeStorefront(TOKEN, SECRET); server = await aiohttp_server(fake.app())`,
then point STOREFRONT_API_URL at `fake.url(server)`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import aiohttp
import jsonschema
import yaml
from aiohttp import web

SPEC = Path(__file__).resolve().parents[2] / "docs" / "storefront-api.yaml"


@cache
def spec() -> dict:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    """A JSON Schema validator for one of the document's schemas (refs resolved in it)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$ref": f"#/components/schemas/{name}", "components": spec()["components"]}
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@dataclass
class Request:
    key: str
    status: int
    body: dict | None = None
    method: str = "POST"
    storefront_id: str | None = None  # a PUT's


class FakeStorefront:
    def __init__(self, token: str, secret: str):
        self.token, self.secret = token, secret
        self.requests: list[Request] = []
        self.storefronts: dict[str, dict] = {}
        self.created: list[str] = []
        self.updated: list[str] = []
        self.content: dict[str, dict] = {}
        self.downloads: list[str] = []
        self._failures: list[int] = []
        self._stalls: list[tuple[float, bool]] = []
        self._refusal: tuple[int, str] | None = None
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._released = asyncio.Event()
        self._validator = validator("StorefrontRequest")
        self.bare_conflicts = False  # True: a repeated key gets a 409 with no body
        self.deletions: list[tuple[str, str, int]] = []  # (storefront id, key, status)

    # --- setup ---

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/storefronts", self._create)
        app.router.add_put("/storefronts/{storefront_id}", self._create)
        app.router.add_delete("/storefronts/{storefront_id}", self._delete)

        async def release(_app):
            self._released.set()  # stalled requests end with the server

        app.on_shutdown.append(release)
        return app

    @staticmethod
    def url(server) -> str:
        return str(server.make_url("")).rstrip("/")

    def fail(self, n: int, status: int = 503) -> None:
        self._failures.extend([status] * n)

    def stall(self, n: int, seconds: float, *, after_create: bool = False) -> None:
        self._stalls.extend([(seconds, after_create)] * n)

    def refuse(self, status: int, message: str) -> None:
        self._refusal = (status, message)

    def heal(self) -> None:
        self._failures.clear()
        self._stalls.clear()
        self._refusal = None

    def release(self) -> None:
        """End every stall now."""
        self._released.set()

    @property
    def statuses(self) -> list[int]:
        return [r.status for r in self.requests]

    # --- the API ---

    async def _create(self, request: web.Request) -> web.Response:
        raw = await request.read()
        target = request.match_info.get("storefront_id")
        record = Request(request.headers.get("Idempotency-Key", ""), 0, _json(raw),
                         request.method, target)
        self.requests.append(record)  # in order of arrival; status 0 until answered
        answer = await self._answer(request, raw, record.key, target)
        record.status = answer.status
        return answer

    async def _delete(self, request: web.Request) -> web.Response:
        """`DELETE /storefronts/{id}`: signed like the creation (the body is empty); 204 once
        taken down, 404 when there is no such storefront (any more)."""
        storefront_id = request.match_info["storefront_id"]
        key = request.headers.get("Idempotency-Key", "")
        raw = await request.read()
        expected = "sha256=" + hmac.new(self.secret.encode(), raw, hashlib.sha256).hexdigest()
        if request.headers.get("Authorization") != f"Bearer {self.token}" or \
                not hmac.compare_digest(request.headers.get("X-Tijara-Signature", ""), expected):
            answer = _error(401, "bad bearer token or signature")
        elif self._failures:
            answer = _error(self._failures.pop(0), "down for maintenance")
        elif key != f"delete-{storefront_id}":
            answer = _error(400, f"Idempotency-Key {key!r} does not name this deletion")
        else:
            found = [k for k, s in self.storefronts.items()
                     if s["answer"]["storefront_id"] == storefront_id]
            for k in found:
                del self.storefronts[k]
            answer = web.Response(status=204) if found else _error(404, "no such storefront")
        self.deletions.append((storefront_id, key, answer.status))
        return answer

    async def _answer(self, request: web.Request, raw: bytes, key: str,
                      target: str | None = None) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return _error(401, "bad bearer token")
        expected = "sha256=" + hmac.new(self.secret.encode(), raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(request.headers.get("X-Tijara-Signature", ""), expected):
            return _error(401, "bad signature")
        if request.content_type != "application/json":
            return _error(415, "JSON only")
        body = _json(raw)
        if body is None:
            return _error(400, "not JSON")
        if key != f"{body.get('submission_id')}-{body.get('revision')}":
            return _error(400, f"Idempotency-Key {key!r} does not name this revision")
        stall = self._stalls.pop(0) if self._stalls else None
        if stall and not stall[1]:
            await self._wait(stall[0])
            return _error(504, "stalled")
        if self._failures:
            return _error(self._failures.pop(0), "down for maintenance")
        if self._refusal:
            return _error(*self._refusal)
        errors = sorted(self._validator.iter_errors(body), key=lambda e: list(e.path))
        if errors:
            return _error(422, "; ".join(
                f"{'.'.join(map(str, e.path)) or 'body'}: {e.message}" for e in errors[:5]))
        if target is not None:
            return await self._update(body, key, target, stall)
        async with self._locks[key]:
            if key in self.storefronts:
                if self.bare_conflicts:
                    return web.Response(status=409)
                return web.json_response(self.storefronts[key]["answer"], status=409)
            problem = await self._download(body)
            if problem:
                return _error(422, problem)
            number = len(self.created) + 1
            answer = {"storefront_id": f"sf-{number}",
                      "url": f"https://marketplace.example.com/store/sf-{number}"}
            self.storefronts[key] = {"answer": answer, "body": body}
            self.created.append(key)
            self.content[answer["storefront_id"]] = body
            if stall:
                await self._wait(stall[0])
            return web.json_response(answer, status=201)

    async def _update(self, body: dict, key: str, target: str, stall) -> web.Response:
        made = next((s["answer"] for s in self.storefronts.values()
                     if s["answer"]["storefront_id"] == target), None)
        if made is None:
            return _error(404, f"no storefront {target}")
        async with self._locks[key]:
            if key in self.updated:
                return web.json_response(made, status=409)
            problem = await self._download(body)
            if problem:
                return _error(422, problem)
            self.content[target] = body  # the whole content: what the body leaves out goes
            self.updated.append(key)
            if stall:
                await self._wait(stall[0])
            return web.json_response(made, status=200)

    async def _download(self, body: dict) -> str | None:
        images = [i for p in body["products"] for i in p["images"]]
        # The certificate and packaging photos (1.6): every product lists the same
        # certificates, so the first one's are enough.
        images += body["business"].get("packaging_photos", [])
        first = body["products"][0] if body["products"] else {}
        images += [i for c in first.get("certifications") or () for i in c.get("photos", [])]
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
            for image in images:
                async with http.get(image["url"]) as response:
                    if response.status != 200:
                        return f"image {image['url']}: HTTP {response.status}"
                    data = await response.read()
                if hashlib.sha256(data).hexdigest() != image["sha256"]:
                    return f"image {image['url']}: sha256 does not match"
                if len(data) != image["size"]:
                    return f"image {image['url']}: size does not match"
                self.downloads.append(image["sha256"])
        return None

    async def _wait(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._released.wait(), seconds)


def _json(raw: bytes) -> dict | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"message": message}, status=status)
