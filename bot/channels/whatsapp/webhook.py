"""WhatsApp inbound: Twilio's signed webhooks.

`POST /whatsapp/twilio`: the `X-Twilio-Signature` is checked against
PUBLIC_BASE_URL + the request path as sent (never the Host header: behind a
proxy it is not the URL Twilio signed); a form for another `AccountSid` (or
none) is refused too, with a warning. The form becomes one `InboundMessage`
(`form.parse_form`), which is recorded durably before Twilio gets its empty
TwiML `<Response/>` (Twilio rarely retries), and the turn runs in the
dispatcher. An owner we could not reach (Twilio 21610: they unsubscribed) who
writes again is answered again. A WhatsApp Flow's answer (`InteractiveData`) counts
only with a `flow_token` we signed for that very chat and not yet expired
(bot/signing.FlowSigner): it then goes to the form mode (flows.forms) like a web
form's; any other is refused, and the owner told so kindly.

`POST /whatsapp/twilio/status`: the same signature check; each (message,
status) is kept in the `whatsapp_status` table for admins, and logged;
failures with their ErrorCode at WARNING.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

from aiohttp import web
from twilio.request_validator import RequestValidator

from bot.channels.base import InboundMessage
from bot.channels.whatsapp.channel import STATUS_PATH, masked
from bot.channels.whatsapp.form import MessageStatus, parse_form, parse_status
from bot.keys import db_key, receiver_key, settings_key
from bot.settings import Settings, reveal
from bot.signing import FlowSigner
from storage import deliveries

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/whatsapp/twilio"
TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
MAX_FORM_BYTES = 256 * 1024  # a Twilio webhook is a few kB

routes = web.RouteTableDef()


@routes.post(WEBHOOK_PATH)
async def webhook(request: web.Request) -> web.Response:
    form = await verified_form(request)
    msg = parse_form(form)
    if msg is None:
        log.warning("whatsapp webhook without MessageSid or From: ignored")
        return twiml()
    if msg.notice == "unsupported":
        log.info("whatsapp message %s with nothing we read (%s, %s media)", msg.external_id,
                 form.get("MessageType", "?"), form.get("NumMedia", "0"))
    if msg.form is not None:
        msg = flow_answer(msg, FlowSigner(request.app[settings_key].secret), time.time())
    await request.app[receiver_key].receive(msg)  # recorded or spooled when this returns
    return twiml()


def flow_answer(msg: InboundMessage, signer: FlowSigner, now: float) -> InboundMessage:
    """A Flow's answer as a form submission of the scope its token names; a token forged,
    expired or offered in another chat makes it a notice instead (nothing applied)."""
    form = msg.form or {}
    read = signer.read(str(form.get("flow_token", "")), msg.user_ref, now)
    if read is None:
        log.warning("whatsapp flow answer %s with a flow_token refused", msg.external_id)
        return replace(msg, form=None, notice="flow_refused")
    scope, issued = read
    return replace(msg, form={"scope": scope, "values": form.get("values") or {},
                              "offered": issued})


# --- status callbacks ------------------------------------------------------------------


@routes.post(STATUS_PATH)
async def status_callback(request: web.Request) -> web.Response:
    form = await verified_form(request)
    status = parse_status(form)
    if status is None:
        log.warning("whatsapp status callback without MessageSid or MessageStatus")
        return twiml()
    log_status(status)
    async with request.app[db_key].transaction() as session:
        await deliveries.record_whatsapp_status(
            session, message_sid=status.message_sid, status=status.status,
            recipient=status.to, error_code=status.error_code,
            error_message=status.error_message, at=datetime.now(UTC))
    return twiml()


def log_status(status: MessageStatus) -> None:
    if status.status in ("failed", "undelivered"):
        hint = " (outside the 24-hour window)" if status.error_code == "63016" else ""
        log.warning("whatsapp message %s to %s %s: error %s %s%s", status.message_sid,
                    masked(status.to), status.status, status.error_code,
                    status.error_message, hint)
    else:
        log.info("whatsapp message %s %s", status.message_sid, status.status)


# --- signature ---------------------------------------------------------------------------


def public_url(settings: Settings, request: web.Request) -> str:
    """The URL Twilio signed: the configured public base plus the path as sent (with query)."""
    return settings.public_base_url.rstrip("/") + request.raw_path


async def verified_form(request: web.Request) -> Mapping[str, str]:
    """The webhook's form, if Twilio signed it for our public URL; 403 otherwise."""
    settings = request.app[settings_key]
    if request.content_length is not None and request.content_length > MAX_FORM_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_FORM_BYTES,
                                            actual_size=request.content_length)
    form = await request.post()
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not all(isinstance(v, str) for v in form.values()):
        raise web.HTTPForbidden()
    url = public_url(settings, request)
    if not RequestValidator(reveal(settings.twilio_auth_token)).validate(url, form, signature):
        log.warning("whatsapp webhook with a bad signature for %s", url)
        raise web.HTTPForbidden()
    # A valid signature only says the sender knows our auth token (a subaccount's or an old
    # project's may share it): the form must also be for our account.
    account = form.get("AccountSid")
    if account != settings.twilio_account_sid:
        log.warning("whatsapp webhook for another account %s refused", account or "(none)")
        raise web.HTTPForbidden()
    return form  # type: ignore[return-value]


def twiml() -> web.Response:
    """The empty TwiML answer: replies go through the Messages API, not in the response
    (an empty 200 shows in Twilio's debugger as error 11200/12300)."""
    return web.Response(text=TWIML_EMPTY, content_type="text/xml")
