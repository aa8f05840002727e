"""`GET /agents/qr/{code}.png`: an agent's referral QR code, public (it is printed and shown
to owners anyway), for a code that exists and is a referral code; 404 otherwise."""

from __future__ import annotations

import asyncio
import re

from aiohttp import web

from bot.agent_links import QR_PATH, preferred_link, qr_png_bytes
from bot.keys import db_key, settings_key
from storage import agents

CODE = re.compile(r"[a-z0-9]{6,32}")
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
