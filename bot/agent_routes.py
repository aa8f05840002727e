"""`GET /agents/qr/{code}.png`: an agent's referral QR code, public (it is printed and shown
to owners anyway), for a code that exists and is a referral code; 404 otherwise.
`GET /agents/confirm/{token}.png`: the QR code of an owner's link to agree to a draft (the
agent shows it on their phone), for a genuine token not yet expired; 404 otherwise."""

from __future__ import annotations

import asyncio
import re
import time

from aiohttp import web

from bot.agent_links import (
    CONFIRM_QR_PATH,
    QR_PATH,
    owner_link,
    preferred_link,
    qr_png_bytes,
    read_owner_token,
)
from bot.keys import db_key, settings_key
from storage import agents

CODE = re.compile(r"[a-z0-9]{6,32}")
TOKEN = re.compile(r"[a-z0-9]{1,13}-[a-z0-9]{1,13}-[0-9a-f]{24}")
routes = web.RouteTableDef()


@routes.get(QR_PATH)
async def referral_qr(request: web.Request) -> web.Response:
    code = request.match_info["code"]
    if not CODE.fullmatch(code):
        raise web.HTTPNotFound()
    async with request.app[db_key].transaction() as session:
        kind = await agents.code_kind(session, code)
    if kind != "referral":  # unknown, or an invite (one-time, never shown as a picture)
        raise web.HTTPNotFound()
    png = await asyncio.to_thread(qr_png_bytes, preferred_link(request.app[settings_key], code))
    return web.Response(body=png, content_type="image/png",
                        headers={"Cache-Control": "public, max-age=86400"})


@routes.get(CONFIRM_QR_PATH)
async def owner_qr(request: web.Request) -> web.Response:
    token = request.match_info["token"]
    settings = request.app[settings_key]
    if not TOKEN.fullmatch(token) or read_owner_token(settings, token, time.time())[0] != "ok":
        raise web.HTTPNotFound()
    png = await asyncio.to_thread(qr_png_bytes, owner_link(settings, token))
    # It opens one owner's draft: kept by no cache but the phone showing it.
    return web.Response(body=png, content_type="image/png",
                        headers={"Cache-Control": "private, max-age=3600",
                                 "Referrer-Policy": "no-referrer"})
