"""`GET /my-data/{conversation}`: an owner's own data as a ZIP, through the signed link
"my data" sent them (7 days). Served by any `tijara serve` (files through the media store,
local or S3). An expired, cut or altered link gets a short page in the owner's language
that says how to get a new one; every download is audited.
"""

from __future__ import annotations

import html

from aiohttp import web

from bot.i18n import RTL
from bot.keys import catalog_key, db_key, media_key, signer_key
from bot.owner_export import export
from flows.model import Msg
from storage.models import Conversation

routes = web.RouteTableDef()


@routes.get(r"/my-data/{conversation:\d+}")
async def my_data(request: web.Request) -> web.StreamResponse:
    conversation_id = int(request.match_info["conversation"])
    q = request.query
    signed = request.app[signer_key].check_data(conversation_id, q.get("exp", ""),
                                                q.get("sig", ""))
    async with request.app[db_key].transaction() as session:
        conv = await session.get(Conversation, conversation_id)
    locales = (conv.locale,) if conv is not None else ("fr", "ar")
    if not signed:
        return _page(request, locales, "my_data_link_refused", status=403)
    if conv is None:
        return _page(request, locales, "my_data_gone", status=404)
    result = await export(request.app[db_key], request.app[media_key], conversation_id,
                          actor="owner", via="link", remote=(request.remote or "")[:64])
    if result is None:  # erased between the two reads
        return _page(request, locales, "my_data_gone", status=404)
    return web.Response(body=result.body, content_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="{result.filename}"',
        "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


def _page(request: web.Request, locales: tuple[str, ...], key: str, *, status: int
          ) -> web.Response:
    """A phone-sized page with one sentence per locale (the owner's, or French and Arabic
    when the link names no conversation we have)."""
    catalog = request.app[catalog_key]
    parts = "".join(
        f'<p lang="{loc.split("-")[0]}" dir="{"rtl" if loc in RTL else "ltr"}">'
        f"{html.escape(catalog.text(loc, Msg(key)))}</p>" for loc in locales)
    body = ('<!doctype html><html><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="robots" content="noindex"><title>Tijara</title>'
            '<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;'
            'padding:0 1rem}</style></head><body>' + parts + "</body></html>")
    return web.Response(text=body, content_type="text/html", charset="utf-8", status=status,
                        headers={"Cache-Control": "no-store"})
