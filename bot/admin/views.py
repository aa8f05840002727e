"""The admin pages: login, the review queue, a submission, decisions, the funnel, the export.

Admins see and decide everything; a field agent sees only the businesses attributed to
them (`Business.agent_id`), read-only. Every change is a POST with a CSRF token, answered
by a redirect (303) to a page that says what happened.
"""

from __future__ import annotations

import time
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from bot.admin import agents as agent_work
from bot.admin import auth, throttle
from bot.admin.export import csv_response
from bot.admin.forms import (
    ALL,
    CHANNELS,
    TZ,
    FormError,
    business_changes,
    change_items,
    fields_to_fix,
    local_midnight,
    parse_date,
    product_changes,
    queue_query,
    translation,
)
from bot.admin.listings import generated, posted_edits, type_choices
from bot.admin.render import SESSION, USER, render, url
from bot.keys import db_key, media_key, settings_key, signer_key
from bot.owner_export import export as export_owner
from flows import reasons as review_reasons
from flows.choices import SECTORS, UNITS
from flows.events import REASONS
from flows.model import CONSENT_VERSION, LANGUAGES
from storage import accounts, audit, corrections, erasure, revisions, search, submissions
from storage import agents as agent_store
from storage import funnel as funnels
from storage import queue as review_queue
from storage.conversations import StaleConversation
from storage.media import voice_notes
from storage.models import Product, User, utcnow
from storage.review import InvalidDecision, missing_fields
from storage.submissions import STATUSES

routes = web.RouteTableDef()
PER_PAGE = 25
RETRYABLE = ("handoff_failed", "exported")  # what storage.submissions.retry_handoff accepts
# The only words a redirect may ask a page to show (?m=... for news, ?e=... for errors).
NOTICES = {"saved", "saved_city_unknown", "translation_saved", "english_reset",
           "nothing_changed", "retried",
           "decision_done_approved", "decision_done_changes_requested",
           "decision_done_rejected", "logged_out", "erased"}
ERRORS = {"not_editable", "invalid_value", "decision_invalid", "changes_need_items",
          "reject_needs_reason", "retry_impossible", "approve_missing", "erase_needs_reason"}


def see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def user_of(request: web.Request) -> User:
    return request[USER]


def actor(user: User) -> str:
    return f"admin:{user.email}"


def who(user: User) -> str:
    """The audit trail's name for a member of staff: "admin:<email>" or "agent:<email>"."""
    return f"{user.role}:{user.email}"


def remote(request: web.Request) -> str:
    return (request.remote or "")[:64]


def scope(user: User) -> int | None:
    """The agent whose businesses alone may be seen, or None for an admin."""
    return None if user.role == "admin" else user.id


def admin_only(request: web.Request) -> User:
    user = user_of(request)
    if user.role != "admin":
        raise web.HTTPForbidden()
    return user


def safe_next(value: str | None) -> str:
    """Only a path of these pages: never another site (an open redirect)."""
    if not value:
        return "/admin/submissions"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/admin") or "\\" in value:
        return "/admin/submissions"
    return value


def notices(request: web.Request) -> dict:
    m, e = request.query.get("m"), request.query.get("e")
    field = request.query.get("f", "")
    return {"notice": m if m in NOTICES else None, "error": e if e in ERRORS else None,
            "error_field": field if field.replace(":", "").replace("_", "").isalnum() else "",
            "error_status": request.query.get("s", "") if request.query.get("s") in STATUSES
            else ""}


# --- login ---------------------------------------------------------------------------


@routes.get("", name="root")
@routes.get("/", name="root_slash")
async def root(request: web.Request) -> web.Response:
    return see_other("/admin/submissions")


@routes.get("/login", name="login")
async def login_page(request: web.Request) -> web.Response:
    if request.get(USER) is not None:
        return see_other(safe_next(request.query.get("next")))
    return render(request, "login.html", email="", next=safe_next(request.query.get("next")),
                  failed=False, throttled=False, wait=0, **notices(request))


@routes.post("/login", name="login_post")
async def login(request: web.Request) -> web.Response:
    form = await request.post()
    email = str(form.get("email") or "").strip().lower()[:254]
    password = str(form.get("password") or "")[:1024]
    target = safe_next(str(form.get("next") or ""))
    # The client's address; behind a proxy, set FORWARDED_HOPS (bot/app.py) or everyone
    # shares the proxy's address and its throttle.
    ip = (request.remote or "")[:64]
    db = request.config_dict[db_key]
    devices = request.app[throttle.devices_key]
    now = utcnow()
    since = now - timedelta(seconds=throttle.WINDOW)
    context = {"email": email, "next": target, "notice": None, "error": None,
               "error_field": "", "error_status": ""}
    async with db.transaction() as session:
        user = await accounts.user_by_email(session, email) if email else None
        # A browser this user logged in from skips the account's wait (not the address's).
        known = user is not None and devices.knows(request, user.id)
        checking = user is not None and not known
        # Claimed before counting: a claim that waited for a rival check sees its failure.
        if checking and not await accounts.claim_check(
                session, user.id, now=now,
                until=now + timedelta(seconds=throttle.CHECK_SECONDS)):
            return _wait(request, context, seconds=1)
        seen = await accounts.failures(session, email, ip, since)
        wait = 0 if known else throttle.account_wait(seen, now)
        if throttle.address_closed(seen) or wait:
            if checking:
                await accounts.release_check(session, user.id)
            if throttle.address_closed(seen):
                return render(request, "login.html", status=429, failed=False, throttled=True,
                              minutes=throttle.WINDOW // 60, wait=0, **context)
            return _wait(request, context, seconds=wait)
    ok = await auth.verify_password(user.password_hash if user else None, password)
    async with db.transaction() as session:
        if not ok or user is None:
            await accounts.record_failure(session, email, ip, keep_since=since)
            # The e-mail tried is a staff login (or a guess at one), never an owner's data.
            await audit.record(session, actor="anonymous", action="login_failed", remote=ip,
                               detail={"email": email})
            return render(request, "login.html", status=401, failed=True, throttled=False,
                          **context)
        missed = await accounts.clear_failures(session, email)
        await audit.record(session, actor=who(user), action="login", subject=f"user:{user.id}",
                           remote=ip)
    desk = request[SESSION]
    request.app[auth.sessions_key].log_in(desk, user.id, user.password_hash,
                                          user.session_epoch or 0)
    if missed.count:
        desk.missed = [missed.count, missed.last_ip,
                       int(missed.last_at.timestamp()) if missed.last_at else 0]
    response = see_other(target)
    # The session's cookie ahead of the device's (the middleware would set it after).
    request.app[auth.sessions_key].store(response, desk)
    devices.remember(response, user.id)
    return response


def _wait(request: web.Request, context: dict, *, seconds: int) -> web.Response:
    """Too early for this account (bot.admin.throttle): try again in `seconds`."""
    response = render(request, "login.html", status=429, failed=False, throttled=True,
                      minutes=0, wait=seconds, **context)
    response.headers["Retry-After"] = str(seconds)
    return response


@routes.post("/logout", name="logout")
async def logout(request: web.Request) -> web.Response:
    """End the session on the server too: a copy of the cookie opens nothing any more."""
    user = user_of(request)
    async with request.config_dict[db_key].transaction() as session:
        await accounts.end_sessions(session, user.id)
        await audit.record(session, actor=who(user), action="logout", subject=f"user:{user.id}",
                           remote=remote(request))
    request.app[auth.sessions_key].log_out(request[SESSION])
    return see_other("/admin/login?m=logged_out")


@routes.get("/lang/{lang}", name="lang")
async def switch_language(request: web.Request) -> web.Response:
    lang = request.match_info["lang"]
    if lang not in ("fr", "ar"):
        raise web.HTTPNotFound()
    session = request[SESSION]
    session.lang, session.dirty = lang, True
    return see_other(safe_next(request.query.get("next")))


# --- the queue -----------------------------------------------------------------------


@routes.get("/submissions", name="queue")
async def queue(request: web.Request) -> web.Response:
    user = user_of(request)
    q = queue_query(request.query, default_status="submitted" if user.role == "admin" else ALL)
    async with request.config_dict[db_key].transaction() as session:
        counts = await review_queue.status_counts(session, q.filters, scope_agent=scope(user))
        rows, total = await review_queue.search(session, q.filters, scope_agent=scope(user),
                                                page=q.page, per_page=PER_PAGE, counts=counts)
        agents = await accounts.agents(session) if user.role == "admin" else []
        work = await agent_work.panel(session, request.config_dict[settings_key], user, utcnow())
    pages = max(1, -(-total // PER_PAGE))
    session = request[SESSION]
    remembered = urlencode(q.params())[:auth.QUEUE_MAX]
    if session.queue != remembered:  # "back to the list" comes back to this very list
        session.queue, session.dirty = remembered, True
    return render(request, "queue.html", q=q, rows=rows, total=total, page=q.page,
                  pages=pages, counts=counts, all_count=sum(counts.values()),
                  statuses=STATUSES, sectors=SECTORS, channels=CHANNELS, languages=LANGUAGES,
                  agents=agents, filtered=bool(q.params(status=None, page=None)),
                  **work, **notices(request))


# --- one submission ------------------------------------------------------------------


async def _view(request: web.Request, submission_id: int):
    """The submission, if this user may see it: 404 if none or not theirs (an agent must
    not learn which other submissions exist)."""
    user = user_of(request)
    async with request.config_dict[db_key].transaction() as session:
        found = await submissions.views(session, ids=[submission_id])
        if not found:
            raise web.HTTPNotFound()
        view = found[0]
        if user.role != "admin" and view.business.agent_id != user.id:
            raise web.HTTPNotFound()
        extra = {
            "edits": await corrections.edits(session, submission_id),
            "english": await corrections.translations(session, view.business.id),
            "voice": await voice_notes(session, view.business.conversation_id),
            "outbox": await submissions.outbox_rows(session, submission_id),
            "changes": await revisions.since_previous(session, view),
        }
    return view, extra


def _media_link(request: web.Request, sha256: str) -> str:
    """A signed, expiring link to a stored file, relative so that it works under whatever
    host name the desk reaches us by."""
    signer = request.config_dict[signer_key]
    return signer.media_url(sha256, ttl=4 * 3600).removeprefix(signer.base_url)


async def _detail(request: web.Request, submission_id: int, *, status: int = 200,
                  **context) -> web.Response:
    """The submission's page; `context` overrides what it shows (a refused correction
    gives back the admin's input with the errors next to their fields)."""
    view, extra = await _view(request, submission_id)
    user = user_of(request)
    state = view.submission.status
    decisions = [d for d, (_, allowed) in submissions.DECISIONS.items() if state in allowed]
    linked = {m.id for p in view.products for m in p.media}
    can_edit = user.role == "admin" and state in corrections.EDITABLE
    if context.get("open_form") and not can_edit:
        return _back(submission_id, "", e="not_editable")
    page = {**notices(request), "posted": {}, "field_errors": {}, "open_form": "",
            "focus": "", **context}
    return render(
        request, "detail.html", status=status, view=view, s=view.submission, b=view.business,
        **extra, voice_loose=[m for m in extra["voice"] if m.id not in linked],
        media_link=lambda sha: _media_link(request, sha),
        can_edit=can_edit,
        can_retry=user.role == "admin" and state in RETRYABLE,
        can_erase=user.role == "admin",
        handoff_error=getattr(view.submission, "handoff_error", None),
        storefront_url=getattr(view.submission, "storefront_url", None),
        decisions=decisions if user.role == "admin" else [],
        missing=_where_to_fix(view) if "approve" in decisions else [],
        fields_to_fix=fields_to_fix(len(view.products)), reasons=REASONS,
        review_reasons={d: review_reasons.offered(d) for d in (review_reasons.CHANGES,
                                                               review_reasons.REJECT)},
        consent_current=CONSENT_VERSION,
        generated=generated(view, request.config_dict[settings_key], extra["english"]),
        type_choices=type_choices(),
        sectors=SECTORS, units=UNITS, item_rows=range(6), **page)


def _where_to_fix(view) -> list[tuple[str, str]]:
    """The required fields a submission lacks, each with the part of the page to fix it."""
    ids = {pv.product.position + 1: pv.product.id for pv in view.products}
    out = []
    for field in missing_fields(view):
        number = field.split(":")[1] if field.startswith("product:") else ""
        anchor = f"product-{ids[int(number)]}" if number.isdigit() else "business"
        out.append((field, anchor))
    return out


@routes.get(r"/submissions/{id:\d+}", name="detail")
async def detail(request: web.Request) -> web.Response:
    return await _detail(request, int(request.match_info["id"]))


def _back(submission_id: int, anchor: str = "", **params) -> web.Response:
    return see_other(url(f"/admin/submissions/{submission_id}", params) +
                     (f"#{anchor}" if anchor else ""))


async def _refused(request: web.Request, submission_id: int, form_id: str, form,
                   exc: FormError, number: int | None = None) -> web.Response:
    """The correction form again, open, with what the admin typed and, next to each field
    that was refused, what it expects; the first one has the focus."""
    posted = {k: str(v) for k, v in form.items() if k != "csrf" and isinstance(v, str)}
    prefix = f"product:{number}:" if number else ""
    return await _detail(
        request, submission_id, status=422, path=f"/admin/submissions/{submission_id}",
        posted={form_id: posted}, field_errors={form_id: exc.errors}, open_form=form_id,
        focus=f"{form_id}-{exc.field}", error="correction_refused",
        error_field=prefix + exc.field)


async def _correct(request: web.Request, submission_id: int, anchor: str, apply) -> web.Response:
    user = admin_only(request)
    db = request.config_dict[db_key]
    for _ in range(3):
        try:
            async with db.transaction() as session:
                if await submissions.business_of(session, submission_id) is None:
                    raise web.HTTPNotFound()
                logged = await apply(session, actor(user))
                if logged:  # which fields, never what they hold
                    await audit.record(session, actor=who(user), action="correction",
                                       subject=f"submission:{submission_id}",
                                       remote=remote(request),
                                       detail={"fields": sorted({e.field for e in logged})})
            break
        except StaleConversation:
            continue  # the owner's turn changed the draft meanwhile: read it again
        except corrections.NotEditable:
            return _back(submission_id, anchor, e="not_editable")
    else:
        return _back(submission_id, anchor, e="not_editable")
    if not logged:
        return _back(submission_id, anchor, m="nothing_changed")
    # A city the chat would not know is kept as typed, its region as it was: say so
    # (unless this very correction chose the region).
    city = next((e.new for e in logged if e.field == "city"), None)
    if (city and search.city_of(city) is None
            and not any(e.field == "region" for e in logged)):
        return _back(submission_id, anchor, m="saved_city_unknown")
    return _back(submission_id, anchor, m="saved")


@routes.post(r"/submissions/{id:\d+}/business", name="edit_business")
async def edit_business(request: web.Request) -> web.Response:
    submission_id = int(request.match_info["id"])
    admin_only(request)
    form = await request.post()
    try:
        changes = business_changes(form)
    except FormError as exc:
        return await _refused(request, submission_id, "business", form, exc)
    return await _correct(request, submission_id, "business", lambda session, who:
                          corrections.correct_business(session, submission_id, changes,
                                                       actor=who))


@routes.post(r"/submissions/{id:\d+}/products/{product:\d+}", name="edit_product")
async def edit_product(request: web.Request) -> web.Response:
    submission_id, product_id = int(request.match_info["id"]), int(request.match_info["product"])
    admin_only(request)
    anchor = f"product-{product_id}"
    form = await request.post()
    try:
        changes = product_changes(form)
    except FormError as exc:
        async with request.config_dict[db_key].transaction() as session:
            product = await session.get(Product, product_id)
            business = await submissions.business_of(session, submission_id)
        if product is None or business is None or product.business_id != business.id:
            raise web.HTTPNotFound() from None
        return await _refused(request, submission_id, anchor, form, exc,
                              number=product.position + 1)
    return await _correct(request, submission_id, anchor, lambda session, who:
                          corrections.correct_product(session, submission_id, product_id,
                                                      changes, actor=who))


@routes.post(r"/submissions/{id:\d+}/products/{product:\d+}/english", name="edit_english")
async def edit_english(request: web.Request) -> web.Response:
    """A reviewer's edits of a product's English listing (`action=save`), or back to the
    generated listing (`action=reset`): what is left as generated is not stored as an
    edit (bot.admin.listings.posted_edits)."""
    submission_id, product_id = int(request.match_info["id"]), int(request.match_info["product"])
    user = admin_only(request)
    anchor = f"product-{product_id}"
    form = await request.post()
    reset = form.get("action") == "reset"
    try:
        title, description, type_key = ("", "", None) if reset else translation(form)
    except FormError:
        return _back(submission_id, anchor, e="invalid_value", f="type")
    async with request.config_dict[db_key].transaction() as session:
        product = await session.get(Product, product_id)
        business = await submissions.business_of(session, submission_id)
        if product is None or business is None or product.business_id != business.id:
            raise web.HTTPNotFound()
        stored = (await corrections.translations(session, business.id)).get(product.position)
        chosen = posted_edits(product, business.sector, request.config_dict[settings_key],
                              stored, title, description, type_key)
        try:
            logged = await corrections.save_translation(
                session, submission_id, product.position, title_en=chosen.title,
                description_en=chosen.description, type_key=chosen.type_key,
                actor=actor(user))
            if logged:
                await audit.record(session, actor=who(user), action="correction",
                                   subject=f"submission:{submission_id}", remote=remote(request),
                                   detail={"fields": [e.field for e in logged],
                                           "reset": reset})
        except corrections.NotEditable:
            return _back(submission_id, anchor, e="not_editable")
    if not logged:
        return _back(submission_id, anchor, m="nothing_changed")
    return _back(submission_id, anchor, m="english_reset" if reset else "translation_saved")


@routes.post(r"/submissions/{id:\d+}/decision", name="decide")
async def decide(request: web.Request) -> web.Response:
    submission_id = int(request.match_info["id"])
    user = admin_only(request)
    form = await request.post()
    decision = form.get("decision")
    if decision not in submissions.DECISIONS:
        raise web.HTTPBadRequest()
    note = str(form.get("note") or "").strip()[:1000]
    db = request.config_dict[db_key]
    async with db.transaction() as session:
        view = await submissions.views(session, ids=[submission_id])
        if not view:
            raise web.HTTPNotFound()
        items = change_items(form, len(view[0].products))
        try:
            done = await submissions.decide(session, submission_id, decision, actor=actor(user),
                                            reason=note, items=items,
                                            reasons=form.getall("reason", []))
            await audit.record(session, actor=who(user), action="decision",
                               subject=f"submission:{submission_id}", remote=remote(request),
                               detail={"decision": decision, "status": done.status,
                                       "revision": done.revision,
                                       "fields": [i.get("field", "") for i in items],
                                       "reasons": list(form.getall("reason", []))})
        except InvalidDecision as refused:  # which review rule refused it: storage.review
            status = view[0].submission.status if refused.problem == "decision_invalid" else None
            return _back(submission_id, "decision", e=refused.problem, s=status)
    return _back(submission_id, "", m=f"decision_done_{done.status}")


@routes.post(r"/submissions/{id:\d+}/handoff/retry", name="retry")
async def retry(request: web.Request) -> web.Response:
    """Hand a failed (or only exported) submission to the storefront backend again: back to
    approved, its outbox row pending again (storage.submissions.retry_handoff)."""
    submission_id = int(request.match_info["id"])
    user = admin_only(request)
    try:
        async with request.config_dict[db_key].transaction() as session:
            await submissions.retry_handoff(session, submission_id, actor=actor(user))
            await audit.record(session, actor=who(user), action="decision",
                               subject=f"submission:{submission_id}", remote=remote(request),
                               detail={"decision": "retry_handoff"})
    except InvalidDecision:
        return _back(submission_id, "handoff", e="retry_impossible")
    return _back(submission_id, "handoff", m="retried")


@routes.post(r"/submissions/{id:\d+}/erase", name="erase")
async def erase(request: web.Request) -> web.Response:
    """Erase the owner of a submission (law 09-08): admins only, confirmed, with a reason
    kept in the audit trail with the admin and their address. The rows go now; the files
    and the storefront follow through the outbox (storage/erasure.py)."""
    submission_id = int(request.match_info["id"])
    user = admin_only(request)
    form = await request.post()
    reason = str(form.get("reason") or "").strip()[:500]
    if not reason or form.get("confirm") != "yes":
        return _back(submission_id, "erase", e="erase_needs_reason")
    async with request.config_dict[db_key].transaction() as session:
        try:
            ids = await erasure.find(session, str(submission_id))
        except erasure.NotFound:
            raise web.HTTPNotFound() from None
        await erasure.erase(session, ids, cause="admin", actor=actor(user),
                            remote=(request.remote or "")[:64], reason=reason)
    return see_other(url("/admin/submissions", {"m": "erased"}))
@routes.post(r"/submissions/{id:\d+}/owner-data", name="owner_data")
async def owner_data(request: web.Request) -> web.Response:
    """Everything held about this submission's owner, as the ZIP their own "my data" link
    gives (bot/owner_export.py); admins only, audited."""
    submission_id = int(request.match_info["id"])
    user = admin_only(request)
    async with request.config_dict[db_key].transaction() as session:
        business = await submissions.business_of(session, submission_id)
    if business is None:
        raise web.HTTPNotFound()
    result = await export_owner(request.config_dict[db_key], request.config_dict[media_key],
                                business.conversation_id, actor=who(user), via="admin",
                                remote=remote(request))
    if result is None:
        raise web.HTTPNotFound()
    return web.Response(body=result.body, content_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="{result.filename}"'})


# --- funnel and export ---------------------------------------------------------------


@routes.get("/funnel", name="funnel")
async def funnel(request: web.Request) -> web.Response:
    user = user_of(request)
    today = utcnow().astimezone(TZ).date()
    date_to = parse_date(request.query.get("to")) or today
    date_from = parse_date(request.query.get("from")) or date_to - timedelta(days=29)
    if date_from > date_to:
        date_from, date_to = date_to, date_from
    by = request.query.get("by")
    by = by if by in funnels.GROUPINGS else "region"
    async with request.config_dict[db_key].transaction() as session:
        result = await funnels.funnel(session, local_midnight(date_from),
                                      local_midnight(date_to + timedelta(days=1)), by,
                                      scope_agent=scope(user))
        waiting_owner = await agent_store.count_waiting(
            session, local_midnight(date_from), local_midnight(date_to + timedelta(days=1)),
            scope_agent=scope(user))
        names = {}
        if by == "agent":
            ids = [k for k, _ in result.groups if k]
            names = {u.id: u.name or u.email for u in await accounts.agents(session)
                     if u.id in ids}
    return render(request, "funnel.html", funnel=result, stages=funnels.STAGES, by=by,
                  groupings=funnels.GROUPINGS, date_from=date_from, date_to=date_to,
                  agent_names=names, waiting_owner=waiting_owner, **notices(request))


@routes.get("/export.csv", name="export")
async def export(request: web.Request) -> web.StreamResponse:
    user = user_of(request)
    q = queue_query(request.query, default_status=ALL)
    # Everyone's data leaving at once: who, from where, how many rows, which filters.
    # The search words may be an owner's name: only that there were some.
    filters = q.params(page=None, q="yes" if q.filters.q else None)

    async def sent_rows(rows: int) -> None:
        async with request.config_dict[db_key].transaction() as session:
            await audit.record(session, actor=who(user), action="export_csv",
                               remote=remote(request), detail={"rows": rows, "filters": filters})

    stamp = time.strftime("%Y%m%d-%H%M")
    return await csv_response(request, request.config_dict[db_key], q.filters, scope(user),
                              request.config_dict[signer_key],
                              request.config_dict[settings_key].usd_rate,
                              f"tijara-submissions-{stamp}.csv", sent_rows)


# --- the audit trail ----------------------------------------------------------------

AUDIT_PAGE = 50
AUDIT_ACTIONS = ("login", "login_failed", "logout", "export_csv", "export_owner", "erase",
                 "decision", "correction", "retention")


@routes.get("/audit", name="audit")
async def audit_page(request: web.Request) -> web.Response:
    """Who did what to personal data, newest first, a page at a time; read-only (nothing
    here or in the CLI changes an entry; the database refuses it too). Admins only."""
    admin_only(request)
    action = request.query.get("action") or ""
    action = action if action in AUDIT_ACTIONS else ""
    before_text = request.query.get("before", "")
    before = int(before_text) if before_text.isdigit() else None
    async with request.config_dict[db_key].transaction() as session:
        entries = await audit.recent(session, limit=AUDIT_PAGE + 1, before=before,
                                     action=action or None)
    more = len(entries) > AUDIT_PAGE
    entries = entries[:AUDIT_PAGE]
    older = url("/admin/audit", {"action": action or None, "before": entries[-1].id}) \
        if more else ""
    return render(request, "audit.html", entries=entries, actions=AUDIT_ACTIONS,
                  action=action, older=older, newest=before is not None,
                  **notices(request))


# Pages anyone may reach; every other one asks for a login first.
PUBLIC = {"login", "login_post", "lang", "static"}
