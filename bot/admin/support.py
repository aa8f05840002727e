"""The support inbox: owners who asked for a person (flows/support.py), newest first.

Admins see every request, a field agent only those of the owners they brought
(`Conversation.agent_id`), like the review pages. Staff answer into the owner's own
channel: the answer is a turn of the owner's conversation (`Turns.apply_event`), recorded
in the same transaction, and goes out through the outbox; the page says which way it went
(WhatsApp: free text inside the 24-hour window, else the `notice:<locale>` template, else
it waits for the owner to write). Closing gives the conversation back to the bot.
"""

from __future__ import annotations

import secrets

from aiohttp import web

from bot.admin.render import USER, render
from bot.channels.whatsapp.channel import WhatsAppChannel
from bot.keys import catalog_key, db_key, settings_key, signer_key, turns_key
from bot.settings import Settings
from flows import engine
from flows.support import TEXT_MAX
from storage import support
from storage.conversations import state_of
from storage.models import Conversation, SupportRequest, User, utcnow

routes = web.RouteTableDef()
PER_PAGE = 50
VIAS = ("telegram", "web", "terminal", "whatsapp_window", "whatsapp_template", "whatsapp_held")
NOTICES = {f"support_sent_{v}" for v in VIAS} | {"support_closed_done"}
ERRORS = {"support_empty", "support_not_open"}


class NotOpen(Exception):
    """The request was closed meanwhile (by someone else): nothing is sent."""


def way(conv: Conversation, settings: Settings) -> str:
    """How a message to this owner goes out now (the rule bot/outbox/send.py follows)."""
    if conv.channel != "whatsapp":
        return conv.channel if conv.channel in VIAS else "web"
    last = conv.last_inbound_at.timestamp() if conv.last_inbound_at else None
    if WhatsAppChannel.in_window(last):
        return "whatsapp_window"
    if settings.twilio_content_sids.get(f"notice:{conv.locale}"):
        return "whatsapp_template"
    return "whatsapp_held"


def scope(user: User) -> int | None:
    return None if user.role == "admin" else user.id


async def _request(request: web.Request) -> tuple[SupportRequest, Conversation, str]:
    """The request, if this user may see it: 404 otherwise (an agent must not learn which
    other requests exist)."""
    user = request[USER]
    async with request.config_dict[db_key].transaction() as session:
        found = await support.request_view(session, int(request.match_info["id"]))
    if found is None or (scope(user) is not None and found[1].agent_id != user.id):
        raise web.HTTPNotFound()
    return found


def _back(request_id: int, **params) -> web.Response:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return web.Response(status=303, headers={
        "Location": f"/admin/support/{request_id}" + (f"?{query}" if query else "")})


@routes.get("/support", name="support_inbox")
async def inbox(request: web.Request) -> web.Response:
    user = request[USER]
    which = request.query.get("list", "open")
    which = which if which in support.LISTS else "open"
    async with request.config_dict[db_key].transaction() as session:
        counts = await support.counts(session, scope(user))
        rows = await support.inbox(session, which, scope_agent=scope(user), limit=PER_PAGE)
    return render(request, "support.html", which=which, lists=support.LISTS, counts=counts,
                  rows=rows, notice=None, error=None)


@routes.get(r"/support/{id:\d+}", name="support_request")
async def show(request: web.Request) -> web.Response:
    req, conv, agent_name = await _request(request)
    signer = request.config_dict[signer_key]
    async with request.config_dict[db_key].transaction() as session:
        items = await support.transcript(session, conv.id)
        counts = await support.counts(session, scope(request[USER]))

    def media_link(sha256: str) -> str:
        return signer.media_url(sha256, ttl=4 * 3600).removeprefix(signer.base_url)

    m, e = request.query.get("m"), request.query.get("e")
    return render(request, "support_request.html", req=req, conv=conv, agent_name=agent_name,
                  question=_question(request, conv),
                  business_name=support._business_name(conv), items=items, counts=counts,
                  lists=support.LISTS, media_link=media_link, text_max=TEXT_MAX,
                  next_way=way(conv, request.config_dict[settings_key]),
                  nonce=secrets.token_urlsafe(12),
                  notice=m if m in NOTICES else None, error=e if e in ERRORS else None)


def _question(request: web.Request, conv: Conversation) -> str:
    """What the bot had asked, in the owner's words: where the conversation resumes (the
    web chat's replies are answered in the HTTP response, so the transcript lacks them)."""
    state = state_of(conv)
    state.support = None
    turns = request.config_dict[turns_key]
    replies = engine.resume(state, turns.context(conv.channel, None, utcnow()))
    return request.config_dict[catalog_key].text(state.locale, replies[-1].msg) \
        if replies else ""


@routes.post(r"/support/{id:\d+}/answer", name="support_answer")
async def answer(request: web.Request) -> web.Response:
    req, conv, _ = await _request(request)
    user: User = request[USER]
    form = await request.post()
    text = str(form.get("text") or "").strip()[:TEXT_MAX]
    nonce = "".join(ch for ch in str(form.get("nonce") or "") if ch.isalnum() or ch in "-_")[:32]
    if not text:
        return _back(req.id, e="support_empty")
    settings = request.config_dict[settings_key]
    went: list[str] = []

    async def record(session, locked: Conversation) -> None:
        current = await session.get(SupportRequest, req.id)
        if current is None or current.status != support.OPEN:
            raise NotOpen()
        went.append(way(locked, settings))
        await support.answered(session, current, author=f"admin:{user.email}",
                               author_name=user.name or "Tijara", text=text, via=went[0],
                               now=utcnow())

    # The form's nonce makes a double submit one answer (the event's key counts once).
    key = f"{support.REPLY_KEY}{req.id}:{nonce or secrets.token_urlsafe(12)}"
    event = {"kind": "support_answer", "text": text, "name": user.name or "Tijara"}
    try:
        await request.config_dict[turns_key].apply_event(conv.id, event, key, beside=record)
    except NotOpen:
        return _back(req.id, e="support_not_open")
    return _back(req.id, m=f"support_sent_{went[0]}" if went else "support_sent_web")


@routes.post(r"/support/{id:\d+}/close", name="support_close")
async def close(request: web.Request) -> web.Response:
    req, conv, _ = await _request(request)
    user: User = request[USER]

    async def record(session, locked: Conversation) -> None:
        current = await session.get(SupportRequest, req.id)
        if current is None or current.status != support.OPEN:
            raise NotOpen()
        await support.close(session, current, actor=f"admin:{user.email}", now=utcnow())

    try:
        await request.config_dict[turns_key].apply_event(
            conv.id, {"kind": "support_closed"}, f"support-close:{req.id}", beside=record)
    except NotOpen:
        return _back(req.id, e="support_not_open")
    return _back(req.id, m="support_closed_done")
