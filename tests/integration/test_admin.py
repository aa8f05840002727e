"""The admin pages over HTTP, on SQLite and on PostgreSQL, with submissions made by real
web-chat conversations (tests.helpers.Owner)."""

from __future__ import annotations

import asyncio
import csv
import html as entities
import io
import re
from datetime import timedelta
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from sqlmodel import select

from bot.admin.auth import hash_password
from bot.app import create_app
from bot.cli import main
from bot.settings import Settings
from storage import accounts, agents, corrections, submissions
from storage.models import (
    Business,
    Conversation,
    LoginFailure,
    Outbox,
    Product,
    ProductTranslation,
    StatusChange,
    Submission,
    User,
    utcnow,
)
from tests.helpers import Owner, photo_bytes

PASSWORD = "correct horse battery"
DESCRIPTION = {"fr": "Pressée à froid, bio, de nos arganiers.",
               "ar": "زيت أركان معصور على البارد من أشجارنا"}
PRICE = {"fr": "150 DH le litre", "ar": "150 درهم للتر"}
MOQ = {"fr": "20 litres", "ar": "20 لتر"}


@pytest.fixture
def settings(tmp_path, db_url) -> Settings:
    # No embedded outbox worker: the tests look at the outbox rows the pages queue.
    return Settings(database_url=db_url, media_root=tmp_path / "media", var_dir=tmp_path,
                    secret_key="test-secret", public_base_url="http://testserver",
                    embedded_worker=False)


PEER = "X-Forwarded-For"
# What a browser on a page of the site sends with every POST (bot.admin.auth.same_site).
SAME_SITE = {"Origin": "http://testserver"}


@pytest.fixture
async def client(aiohttp_client, settings, db):
    # As behind one load balancer: the address appended to X-Forwarded-For is the client's
    # (the test client always connects from 127.0.0.1).
    return await aiohttp_client(create_app(settings.model_copy(update={"forwarded_hops": 1}),
                                           db))


async def add_user(db, email: str, role: str = "admin", name: str = "") -> User:
    async with db.transaction() as session:
        return await accounts.create_user(session, email=email, password_hash=hash_password(
            PASSWORD), name=name or email.split("@")[0].title(), role=role)


def token(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


class Desk:
    """Someone at the admin pages, with their own cookies."""

    def __init__(self, client):
        self.client = client

    async def login(self, email: str, password: str = PASSWORD, *, csrf: bool = True,
                    address: str | None = None):
        """`address`: the login comes from there (through the proxy), not 127.0.0.1."""
        headers = {PEER: address} if address else {}
        page = await self.client.get("/admin/login", headers=headers)
        data = {"email": email, "password": password}
        if csrf:
            data["csrf"] = token(await page.text())
        return await self.client.post("/admin/login", data=data,
                                      headers={**headers, **SAME_SITE}, allow_redirects=False)

    async def get(self, path: str, **kwargs):
        return await self.client.get(path, **kwargs)

    async def text(self, path: str) -> str:
        response = await self.client.get(path)
        assert response.status == 200, (path, response.status)
        return await response.text()

    async def post(self, path: str, data: dict | list, *, csrf: bool = True):
        """A form POST with the token of the page the form is on."""
        if csrf:
            html = await self.text("/admin/submissions")
            data = [*(data.items() if isinstance(data, dict) else data), ("csrf", token(html))]
        return await self.client.post(path, data=data, headers=SAME_SITE,
                                      allow_redirects=False)

    def logout_cookies(self):
        self.client.session.cookie_jar.clear()


async def onboard(client, *, lang: str = "fr", name: str = "Coopérative Tifawin",
                  owner: str = "Fatima Amrani", city: str = "Agadir", sector: str = "argan",
                  phone: str = "06 61 23 45 67", products=(("Huile d'argan", 2),),
                  stop: str | None = None) -> Owner:
    """A whole web-chat onboarding, or up to the question `stop` (a locale key)."""
    o = Owner(client)
    await o.start("fr-FR" if lang == "fr" else "ar")

    async def step(action, value, expect: str | None = None):
        keys = await getattr(o, action)(value)
        if expect:
            assert keys[-1] == expect, (value, keys)
        return o.keys[-1] == stop

    if stop == "ask_language":
        return o
    if await step("press", f"lang:{lang}", "ask_consent"):
        return o
    answers = [("press", "yes", "ask_business_name"), ("say", name, "ask_owner_name"),
               ("say", owner, "ask_city"), ("say", city, "ask_sector"),
               ("press", f"sector:{sector}", "ask_ice"), ("press", "skip", "ask_phone"),
               ("say", phone, "ask_email"), ("press", "skip", "ask_product_name")]
    for action, value, expect in answers:
        if await step(action, value, expect):
            return o
    for i, (product, photos) in enumerate(products):
        if i:
            await step("press", "yes", "ask_product_name")
        if await step("say", product, "ask_photos"):
            return o
        for n in range(photos):
            await o.photo(photo_bytes(10 * i + n))
        if stop == "photos":
            return o
        await step("press", "done", "ask_description")
        await step("say", DESCRIPTION[lang])
        if o.keys[-1] == "ask_product_type":  # a rug described as argan oil: which is it?
            await step("press", "skip", "ask_price")
        assert o.keys[-1] == "ask_price", o.keys
        await step("say", PRICE[lang], "ask_moq")
        await step("say", MOQ[lang], "ask_more_products")
    await step("press", "no", "ask_buyer_questions")
    await step("press", "skip", "review_summary")
    await step("press", "submit", "submitted")
    return o


async def submission_ids(db) -> dict[str, int]:
    async with db.transaction() as session:
        rows = (await session.execute(select(Business.name, Submission.id).join(
            Submission, Submission.business_id == Business.id))).all()
    return dict(rows)


async def test_login_good_and_bad_and_logout(client, db):
    await add_user(db, "amina@tijara.ma", name="Amina")
    desk = Desk(client)
    first = await desk.get("/admin/submissions", allow_redirects=False)
    assert first.status == 303 and first.headers["Location"].startswith("/admin/login")

    bad = await desk.login("amina@tijara.ma", "wrong password")
    assert bad.status == 401
    assert "Adresse e-mail ou mot de passe incorrect" in await bad.text()
    unknown = await desk.login("nobody@tijara.ma")
    assert unknown.status == 401

    good = await desk.login("Amina@Tijara.ma ")
    assert good.status == 303 and good.headers["Location"] == "/admin/submissions"
    cookie = good.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/admin" in cookie
    assert "Secure" not in cookie  # PUBLIC_BASE_URL is http here
    page = await desk.text("/admin/submissions")
    assert "Amina" in page and 'dir="ltr"' in page

    out = await desk.post("/admin/logout", {})
    assert out.status == 303
    again = await desk.get("/admin/submissions", allow_redirects=False)
    assert again.status == 303


async def test_five_failures_close_the_door_for_fifteen_minutes(client, db):
    await add_user(db, "amina@tijara.ma")
    desk = Desk(client)
    for _ in range(5):
        assert (await desk.login("amina@tijara.ma", "guess")).status == 401
    blocked = await desk.login("amina@tijara.ma")  # even the right password
    assert blocked.status == 429
    assert "Trop de tentatives" in await blocked.text()
    # Another account from the same address is not locked out.
    await add_user(db, "karim@tijara.ma")
    assert (await desk.login("karim@tijara.ma")).status == 303
    # Failures older than the window no longer count.
    async with db.transaction() as session:
        await session.execute(sa.update(LoginFailure).values(
            at=utcnow() - timedelta(minutes=16)))
    assert (await desk.login("amina@tijara.ma")).status == 303


async def test_ten_failures_for_an_account_close_it_from_every_address(client, db):
    await add_user(db, "amina@tijara.ma")
    await add_user(db, "karim@tijara.ma")
    desk = Desk(client)
    # A guesser moving from address to address: no pair reaches five, nor any address ten.
    for n in range(9):
        assert (await desk.login("amina@tijara.ma", "guess", address=f"198.51.100.{n % 3}")
                ).status == 401
    assert (await desk.login("amina@tijara.ma", address="203.0.113.7")).status == 303
    desk.logout_cookies()  # the good login cleared the account's failures from everywhere
    for n in range(10):
        assert (await desk.login("amina@tijara.ma", "guess", address=f"198.51.100.{n}")
                ).status == 401
    # The tenth closed the account, even to its owner's password from a fresh address ...
    blocked = await desk.login("amina@tijara.ma", address="203.0.113.7")
    assert blocked.status == 429
    assert "Trop de tentatives" in await blocked.text()
    # ... but not those addresses to another account.
    assert (await desk.login("karim@tijara.ma", address="198.51.100.0")).status == 303
    # Failures older than the window no longer count.
    async with db.transaction() as session:
        await session.execute(sa.update(LoginFailure).values(
            at=utcnow() - timedelta(minutes=16)))
    desk.logout_cookies()
    assert (await desk.login("amina@tijara.ma", address="203.0.113.7")).status == 303


async def test_ten_failures_from_an_address_close_it_to_every_account(client, db):
    await add_user(db, "amina@tijara.ma")
    await add_user(db, "karim@tijara.ma")
    desk = Desk(client)
    # A guesser trying many e-mails from one address: no account reaches ten failures.
    for n in range(9):
        assert (await desk.login(f"user{n}@tijara.ma", "guess", address="198.51.100.1")
                ).status == 401
    # A good login from there clears karim's failures (none), not the address's.
    assert (await desk.login("karim@tijara.ma", address="198.51.100.1")).status == 303
    desk.logout_cookies()
    assert (await desk.login("amina@tijara.ma", "guess", address="198.51.100.1")).status == 401
    # The tenth closed the address, even to an account with no failures and its password ...
    blocked = await desk.login("karim@tijara.ma", address="198.51.100.1")
    assert blocked.status == 429
    assert "Trop de tentatives" in await blocked.text()
    # ... while the account is still open from elsewhere, and the address still closed.
    assert (await desk.login("karim@tijara.ma", address="203.0.113.7")).status == 303
    desk.logout_cookies()
    assert (await desk.login("karim@tijara.ma", address="198.51.100.1")).status == 429
    # Failures older than the window no longer count.
    async with db.transaction() as session:
        await session.execute(sa.update(LoginFailure).values(
            at=utcnow() - timedelta(minutes=16)))
    assert (await desk.login("karim@tijara.ma", address="198.51.100.1")).status == 303


async def test_without_a_proxy_a_forwarded_header_does_not_buy_a_fresh_address(
        aiohttp_client, settings, db):
    direct = Desk(await aiohttp_client(create_app(settings, db)))  # FORWARDED_HOPS=0
    await add_user(db, "karim@tijara.ma")
    for n in range(10):  # a guesser claiming another address each time
        assert (await direct.login(f"user{n}@tijara.ma", "guess", address=f"198.51.100.{n}")
                ).status == 401
    assert (await direct.login("karim@tijara.ma", address="203.0.113.7")).status == 429


async def test_posts_without_the_csrf_token_are_refused(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client)
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    refused = await desk.login("amina@tijara.ma", csrf=False)
    assert refused.status == 403
    assert (await desk.login("amina@tijara.ma")).status == 303

    for data in ({"decision": "approve"}, {"decision": "approve", "csrf": "forged"}):
        response = await desk.post(f"/admin/submissions/{sid}/decision", data, csrf=False)
        assert response.status == 403
        assert "Ce formulaire a expiré" in await response.text()
    async with db.transaction() as session:
        assert (await session.get(Submission, sid)).status == "submitted"
    # A token from another session is no good either.
    other = Desk(client)
    assert (await desk.post(f"/admin/submissions/{sid}/decision", {"decision": "approve"}))\
        .status == 303
    other.logout_cookies()
    html = await other.text("/admin/login")
    stolen = await other.client.post(f"/admin/submissions/{sid}/decision",
                                     data={"decision": "reject", "note": "x",
                                           "csrf": token(html)}, headers=SAME_SITE,
                                     allow_redirects=False)
    assert stolen.status == 303 and stolen.headers["Location"].startswith("/admin/login")


async def test_an_agent_sees_only_their_own_businesses(client, db):
    agent = await add_user(db, "youssef@partner.ma", role="agent", name="Youssef")
    await onboard(client, name="Atelier Zellige Fès", city="Fès", sector="zellige")
    await onboard(client, name="Tapis Atlas", city="Marrakech", sector="carpets")
    ids = await submission_ids(db)
    mine, other = ids["Atelier Zellige Fès"], ids["Tapis Atlas"]
    async with db.transaction() as session:
        business = await submissions.business_of(session, mine)
        business.agent_id = agent.id
        (await session.get(Conversation, business.conversation_id)).agent_id = agent.id

    desk = Desk(client)
    assert (await desk.login("youssef@partner.ma")).status == 303
    queue = await desk.text("/admin/submissions")
    assert "Atelier Zellige Fès" in queue and "Tapis Atlas" not in queue
    assert "uniquement les entreprises que vous avez accompagnées" in queue
    assert (await desk.get(f"/admin/submissions/{mine}")).status == 200
    forbidden = await desk.get(f"/admin/submissions/{other}")
    assert forbidden.status == 404  # as if it did not exist
    assert "Tapis Atlas" not in await forbidden.text()
    assert (await desk.get("/admin/submissions/99999")).status == 404
    # Read-only: no decisions, no corrections.
    detail = await desk.text(f"/admin/submissions/{mine}")
    assert 'id="approve"' not in detail and "Lecture seule" in detail
    assert (await desk.post(f"/admin/submissions/{mine}/decision",
                            {"decision": "approve"})).status == 403
    assert (await desk.post(f"/admin/submissions/{mine}/business",
                            {"city": "Meknès"})).status == 403
    export = await (await desk.get("/admin/export.csv")).text()
    assert "Atelier Zellige Fès" in export and "Tapis Atlas" not in export
    funnel = await desk.text("/admin/funnel?by=channel")
    assert re.search(r'data-stage="started" data-count="1"', funnel)


async def test_queue_filters_and_search(client, db):
    admin = await add_user(db, "amina@tijara.ma")
    agent = await add_user(db, "youssef@partner.ma", role="agent", name="Youssef Agent")
    await onboard(client, name="Coopérative Tifawin", city="Agadir", sector="argan",
                  phone="06 61 23 45 67")
    await onboard(client, lang="ar", name="تعاونية النور", owner="فاطمة العلوي",
                  city="مراكش", sector="carpets", phone="0612345678")
    await onboard(client, name="Zellige Beldi", owner="Karim Bennani", city="Fès",
                  sector="zellige", phone="0700112233")
    ids = await submission_ids(db)
    async with db.transaction() as session:
        (await submissions.business_of(session, ids["Zellige Beldi"])).agent_id = agent.id
        await submissions.decide(session, ids["Zellige Beldi"], "approve", actor="cli")
    desk = Desk(client)
    await desk.login(admin.email)

    def listed(html: str) -> set[int]:
        return {int(i) for i in re.findall(r'<tr data-id="(\d+)"', html)}

    waiting = await desk.text("/admin/submissions")  # admins start on "to review"
    assert listed(waiting) == {ids["Coopérative Tifawin"], ids["تعاونية النور"]}
    everything = await desk.text("/admin/submissions?status=all")
    assert listed(everything) == set(ids.values())
    cases = {
        "status=approved": {ids["Zellige Beldi"]},
        "status=all&region=souss-massa": {ids["Coopérative Tifawin"]},
        "status=all&region=marrakech-safi": {ids["تعاونية النور"]},
        "status=all&sector=zellige": {ids["Zellige Beldi"]},
        "status=all&language=ar": {ids["تعاونية النور"]},
        "status=all&channel=web": set(ids.values()),
        "status=all&channel=whatsapp": set(),
        f"status=all&agent={agent.id}": {ids["Zellige Beldi"]},
        "status=all&agent=none": {ids["Coopérative Tifawin"], ids["تعاونية النور"]},
        "status=all&q=tifawin": {ids["Coopérative Tifawin"]},
        "status=all&q=النور": {ids["تعاونية النور"]},
        "status=all&q=bennani": {ids["Zellige Beldi"]},
        "status=all&q=06+61+23": {ids["Coopérative Tifawin"]},
        "status=all&q=agadir": {ids["Coopérative Tifawin"]},
        f"status=all&q=%23{ids['Zellige Beldi']}": {ids["Zellige Beldi"]},
        "status=all&q=100%25": set(),
        "status=all&from=2000-01-01&to=2999-12-31": set(ids.values()),
        "status=all&from=2999-01-01": set(),
        "status=all&to=2000-01-01": set(),
        "status=all&region=atlantis": set(ids.values()),  # unknown values are ignored
    }
    for query, expected in cases.items():
        assert listed(await desk.text(f"/admin/submissions?{query}")) == expected, query
    tabs = await desk.text("/admin/submissions?status=all&sector=argan")
    assert re.search(r'data-status="submitted">[^<]*<span class="count">1<', tabs)


async def test_queue_is_paginated(client, db, monkeypatch):
    from bot.admin import views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    await add_user(db, "amina@tijara.ma")
    for name in ("Un", "Deux", "Trois"):
        await onboard(client, name=f"Atelier {name}")
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    first = await desk.text("/admin/submissions")
    second = await desk.text("/admin/submissions?page=2")
    assert "Page 1 sur 2" in first and 'rel="next"' in first
    rows = re.findall(r'<tr data-id="(\d+)"', first) + re.findall(r'<tr data-id="(\d+)"',
                                                                   second)
    assert len(rows) == len(set(rows)) == 3
    assert "Atelier Un" in first  # the oldest waiting first


async def test_corrections_are_recorded_and_reach_the_draft(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client, products=(("Huile d'argan", 1), ("Savon noir", 1)))
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    detail = await desk.text(f"/admin/submissions/{sid}")
    assert "Coopérative Tifawin" in detail and "Aucune correction" in detail

    response = await desk.post(f"/admin/submissions/{sid}/business", {
        "business_name": "Coopérative Tifawin", "owner_name": "Fatima Zahra Amrani",
        "city": "Taroudant", "region": "souss-massa", "sector": "argan",
        "phone": "+212 661-234567", "email": "", "ice": "001.525.478.000.036"})
    assert response.status == 303 and "m=saved" in response.headers["Location"]
    async with db.transaction() as session:
        edits = await corrections.edits(session, sid)
        business = await submissions.business_of(session, sid)
        conv = await session.get(Conversation, business.conversation_id)
    assert {(e.field, e.old, e.new) for e in edits} == {
        ("owner_name", "Fatima Amrani", "Fatima Zahra Amrani"),
        ("city", "Agadir", "Taroudant"),
        ("ice", "", "001525478000036"),
    }
    assert all(e.actor == "admin:amina@tijara.ma" and e.at for e in edits)
    assert (business.city, business.ice, business.phone) == (
        "Taroudant", "001525478000036", "+212661234567")
    draft = conv.state["draft"]
    assert (draft["owner_name"], draft["city"], draft["city_id"]) == (
        "Fatima Zahra Amrani", "Taroudant", "taroudant")
    page = await desk.text(f"/admin/submissions/{sid}")
    assert "Taroudant" in page and "amina@tijara.ma" in page

    # A value that cannot be stored is refused whole, and said so next to its field.
    refused = await desk.post(f"/admin/submissions/{sid}/business", {"ice": "12345"})
    assert refused.status == 422
    page = await refused.text()
    assert "Correction non enregistrée : vérifiez « ICE »" in page
    assert "15 chiffres" in page

    view = (await submissions_views(db, sid))[0]
    second = view.products[1].product
    response = await desk.post(f"/admin/submissions/{sid}/products/{second.id}", {
        "name": "Savon noir beldi", "description": second.description,
        "price_amount": "45,50", "price_max": "", "price_unit": "piece",
        "moq_quantity": "100", "moq_unit": "piece"})
    assert "m=saved" in response.headers["Location"]
    response = await desk.post(f"/admin/submissions/{sid}/products/{second.id}/english", {
        "title_en": "Beldi black soap", "description_en": "Traditional olive soap."})
    assert "m=translation_saved" in response.headers["Location"]
    async with db.transaction() as session:
        fields = {e.field: (e.old, e.new) for e in await corrections.edits(session, sid)}
        english = (await session.execute(select(ProductTranslation))).scalar_one()
        conv = await session.get(Conversation, conv.id)
    assert fields["product:2:name"] == ("Savon noir", "Savon noir beldi")
    assert fields["product:2:price_amount"] == ("150", "45.5")
    assert fields["product:2:price_unit"] == ("l", "piece")
    assert fields["product:2:title_en"] == ("", "Beldi black soap")
    assert (english.position, english.title_en) == (1, "Beldi black soap")
    product = conv.state["draft"]["products"][1]
    assert product["name"] == "Savon noir beldi"
    assert product["price"] == {"amount": "45.5", "amount_max": None, "unit": "piece"}
    page = await desk.text(f"/admin/submissions/{sid}")
    assert "Beldi black soap" in page and "Savon noir beldi" in page

    # Once decided, the rows are what was decided on.
    async with db.transaction() as session:
        await submissions.decide(session, sid, "reject", actor="cli", reason="test")
    late = await desk.post(f"/admin/submissions/{sid}/business", {"city": "Agadir"})
    assert "e=not_editable" in late.headers["Location"]


async def submissions_views(db, sid):
    async with db.transaction() as session:
        return await submissions.views(session, ids=[sid])


async def test_decisions_change_the_status_and_queue_the_owners_notice(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client, name="Atelier Un")
    await onboard(client, name="Atelier Deux")
    await onboard(client, name="Atelier Trois")
    ids = await submission_ids(db)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")

    one = ids["Atelier Un"]
    empty = await desk.post(f"/admin/submissions/{one}/decision",
                            {"decision": "request_changes"})
    assert "e=changes_need_items" in empty.headers["Location"]
    response = await desk.post(f"/admin/submissions/{one}/decision", [
        ("decision", "request_changes"),
        ("item_field", "product:1:photos"), ("item_reason", "photo_dark"),
        ("item_field", "city"), ("item_reason", ""),
        ("item_field", ""), ("item_reason", "price_unit"),
        ("item_field", "product:9:photos"), ("item_reason", "photo_dark"),
        ("note", "Merci de reprendre la photo en plein jour."),
    ])
    assert "m=decision_done_changes_requested" in response.headers["Location"]
    page = await desk.text(response.headers["Location"])
    assert "le propriétaire sait quoi corriger" in page

    two = ids["Atelier Deux"]
    response = await desk.post(f"/admin/submissions/{two}/decision", {"decision": "approve"})
    assert "m=decision_done_approved" in response.headers["Location"]
    again = await desk.post(f"/admin/submissions/{two}/decision", {"decision": "approve"})
    assert "e=decision_invalid" in again.headers["Location"]

    three = ids["Atelier Trois"]
    no_reason = await desk.post(f"/admin/submissions/{three}/decision", {"decision": "reject"})
    assert "e=reject_needs_reason" in no_reason.headers["Location"]
    await desk.post(f"/admin/submissions/{three}/decision",
                    {"decision": "reject", "note": "Produit hors catalogue export."})

    async with db.transaction() as session:
        status = {sid: (await session.get(Submission, sid)).status for sid in ids.values()}
        changes = (await session.execute(select(StatusChange).where(
            StatusChange.actor == "admin:amina@tijara.ma"))).scalars().all()
        outbox = (await session.execute(select(Outbox).order_by(Outbox.id))).scalars().all()
    assert status == {one: "changes_requested", two: "approved", three: "rejected"}
    assert {(c.submission_id, c.to_status, c.reason) for c in changes} == {
        (one, "changes_requested", "Merci de reprendre la photo en plein jour."),
        (two, "approved", ""), (three, "rejected", "Produit hors catalogue export.")}
    notices = [o for o in outbox if o.kind == "notify"]
    assert len(notices) == 3
    asked = next(o for o in notices if o.dedupe_key.startswith(f"notify:{one}-"))
    assert asked.payload["event"]["items"] == [
        {"field": "product:1:photos", "reason": "photo_dark"},
        {"field": "city", "reason": "other"}]
    assert [o.payload for o in outbox if o.kind == "handoff"] == [
        {"submission_id": two, "revision": 1}]
    detail = await desk.text(f"/admin/submissions/{two}")
    assert "Transmission à la vitrine" in detail and "Message au propriétaire" in detail


async def test_a_failed_handoff_shows_its_error_and_can_be_retried(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client)
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    await desk.post(f"/admin/submissions/{sid}/decision", {"decision": "approve"})
    early = await desk.post(f"/admin/submissions/{sid}/handoff/retry", {})
    assert "e=retry_impossible" in early.headers["Location"]  # nothing failed yet
    async with db.transaction() as session:
        row = (await session.execute(select(Outbox).where(Outbox.kind == "handoff"))
               ).scalar_one()
        row.status, row.attempts, row.last_error = "failed", 7, "422 <b>ice</b> rejected"
        await submissions.mark_handoff_failed(session, sid, 1, "422 <b>ice</b> rejected")
    page = await desk.text(f"/admin/submissions/{sid}")
    assert "Échec de transmission" in page
    assert "422 &lt;b&gt;ice&lt;/b&gt; rejected" in page  # escaped, never HTML
    assert 'id="retry"' in page
    response = await desk.post(f"/admin/submissions/{sid}/handoff/retry", {})
    assert "m=retried" in response.headers["Location"]
    async with db.transaction() as session:
        row = await session.get(Outbox, row.id)
        submission = await session.get(Submission, sid)
        last = (await session.execute(select(StatusChange).order_by(StatusChange.id.desc())
                                      .limit(1))).scalar_one()
    assert (row.status, row.attempts, submission.status) == ("pending", 0, "approved")
    assert (last.from_status, last.to_status, last.actor) == (
        "handoff_failed", "approved", "admin:amina@tijara.ma")
    assert 'id="retry"' not in await desk.text(f"/admin/submissions/{sid}")


async def test_detail_page_shows_photos_through_signed_links(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client, products=(("Huile d'argan", 2),))
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    page = await desk.text(f"/admin/submissions/{sid}")
    links = re.findall(r'<img src="(/media/[0-9a-f]{64}\?exp=\d+&amp;sig=[0-9a-f]+)"', page)
    assert len(links) == 2
    image = await client.get(links[0].replace("&amp;", "&"))
    assert image.status == 200 and image.headers["Content-Type"] == "image/jpeg"
    full = re.findall(r'<a href="(/media/[^"]+)" target="_blank"', page)
    assert len(full) == 2 and full[0] != links[0]  # the thumbnail is not the full photo
    assert "Écriture latine".lower() in page.lower() and "Chat web" in page
    headers = (await desk.get(f"/admin/submissions/{sid}")).headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"


async def test_arabic_interface_is_right_to_left(client, db):
    await add_user(db, "amina@tijara.ma")
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    response = await desk.get("/admin/lang/ar?next=/admin/funnel")
    assert str(response.url).endswith("/admin/funnel")
    page = await response.text()
    assert '<html lang="ar" dir="rtl">' in page and "مسار التسجيل" in page
    assert (await desk.get("/admin/lang/ar?next=https://evil.example")).url.path == \
        "/admin/submissions"


async def test_csv_export_has_one_row_per_product(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client, name="=HYPERLINK(\"http://x\")",
                  products=(("Huile d'argan", 2), ("Savon noir", 1)))
    await onboard(client, lang="ar", name="تعاونية النور", owner="فاطمة العلوي", city="مراكش",
                  sector="carpets", products=(("زربية", 1),))
    ids = await submission_ids(db)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    response = await desk.get("/admin/export.csv?status=all")
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    body = await response.read()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 3
    first, second, arabic = rows
    assert first["business_name"] == "'=HYPERLINK(\"http://x\")"
    assert (first["product_position"], first["product_name"], first["photo_count"]) == (
        "1", "Huile d'argan", "2")
    assert (second["product_position"], second["product_name"]) == ("2", "Savon noir")
    assert first["phone"] == "+212661234567"  # a phone is not a formula
    assert (first["price_amount"], first["price_unit"], first["moq_quantity"]) == (
        "150", "l", "20")
    assert all(url.startswith("http://testserver/media/") and "sig=" in url
               for url in first["photo_urls"].split())
    assert (arabic["business_name"], arabic["owner_name"], arabic["language"]) == (
        "تعاونية النور", "فاطمة العلوي", "ar")
    assert arabic["submission_id"] == str(ids["تعاونية النور"])
    only = list(csv.DictReader(io.StringIO((await (await desk.get(
        "/admin/export.csv?status=all&language=ar")).read()).decode("utf-8-sig"))))
    assert [r["business_name"] for r in only] == ["تعاونية النور"]


async def test_funnel_counts_real_conversations(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client, stop="ask_language")  # opened the chat, never answered
    await onboard(client, stop="ask_consent")  # chose a language
    await onboard(client, lang="ar", stop="ask_product_name")  # the business is described
    await onboard(client, stop="ask_photos")  # named a first product
    await onboard(client, stop="photos")  # and sent its photos
    await onboard(client, name="Soumise")
    await onboard(client, lang="ar", name="مقبولة")
    ids = await submission_ids(db)
    async with db.transaction() as session:
        await submissions.decide(session, ids["مقبولة"], "approve", actor="cli")
        agent = await agents.create_agent(session, "Samira")
        invite = await agents.issue_code(session, agent.id, "invite")
    # A field agent's own chat is not a business starting.
    response = await client.post("/api/chat/sessions", json={"ref": f"agent-{invite}"})
    assert [m["key"] for m in (await response.json())["messages"]][0] == "notice_agent_linked"
    desk = Desk(client)
    await desk.login("amina@tijara.ma")

    def counts(html: str, section: str = "funnel-total") -> dict[str, int]:
        part = html.split(f'id="{section}"')[1]
        return {s: int(n) for s, n in re.findall(
            r'data-stage="(\w+)" data-count="(\d+)"', part)}

    page = await desk.text("/admin/funnel?by=language")
    assert counts(page) == {"started": 7, "language": 6, "registered": 5, "product": 4,
                            "photos": 3, "submitted": 2, "approved": 1, "live": 0}
    groups = page.split('id="funnel-groups"')[1]
    ar_row = re.search(r'<tr data-group="ar">(.*?)</tr>', groups, re.S).group(1)
    assert [int(n) for n in re.findall(r'data-stage="\w+">(\d+)', ar_row)] == [
        2, 2, 2, 1, 1, 1, 1, 0]
    by_region = await desk.text("/admin/funnel?by=region")
    assert 'data-group="souss-massa"' in by_region
    empty = await desk.text("/admin/funnel?from=2001-01-01&to=2001-01-31")
    assert "Aucune conversation sur cette période" in empty


async def test_cli_creates_an_account_that_can_log_in(client, db, monkeypatch, settings,
                                                       capsys):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))

    def run(*args) -> int:
        try:
            main(list(args))
        except SystemExit as exit_:
            return exit_.code
        return 0

    code = await asyncio.to_thread(run, "admin", "create", "Youssef@Partner.ma",
                                   "--password-stdin", "--name", "Youssef", "--role", "agent")
    assert code == 0, capsys.readouterr().err
    assert "created agent youssef@partner.ma" in capsys.readouterr().out
    async with db.transaction() as session:
        user = await accounts.user_by_email(session, "youssef@partner.ma")
    assert (user.role, user.name) == ("agent", "Youssef")
    assert user.password_hash.startswith("$argon2")
    assert (await Desk(client).login("youssef@partner.ma")).status == 303

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert await asyncio.to_thread(run, "admin", "create", "youssef@partner.ma",
                                   "--password-stdin") == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert await asyncio.to_thread(run, "admin", "create", "new@partner.ma",
                                   "--password-stdin") == 2


async def test_cli_decisions_obey_the_review_rules(client, db, monkeypatch, settings, capsys):
    """`tijara submissions` decides under the pages' rules (storage.review): no approval
    of an incomplete submission, no rejection or request for changes without a reason;
    it fails with one line on stderr saying why, and nothing changes."""
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    await onboard(client)
    (sid,) = (await submission_ids(db)).values()
    async with db.transaction() as session:  # rows from before the pages checked them
        business = await submissions.business_of(session, sid)
        kept_phone, business.phone = business.phone, None
        product = (await submissions.views(session, ids=[sid]))[0].products[0].product
        kept_unit, product.price_unit = product.price_unit, None

    out = []

    def run(*args) -> tuple[int, str]:
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code
        printed = capsys.readouterr()
        out.append(printed.out)
        return code, printed.err.strip()

    assert await asyncio.to_thread(run, "submissions", "approve", str(sid)) == (
        1, f"error: submission {sid} cannot be approved, it lacks: phone, product:1:price_unit")
    assert await asyncio.to_thread(run, "submissions", "reject", str(sid), "--reason", " ") == (
        1, f"error: submission {sid}: a rejection needs a reason")
    assert await asyncio.to_thread(run, "submissions", "request-changes", str(sid),
                                   "--reason", "") == (
        1, f"error: submission {sid}: a request for changes needs a reason or a field to fix")
    async with db.transaction() as session:
        view = (await submissions.views(session, ids=[sid]))[0]
        assert view.submission.status == "submitted"
        assert [c.to_status for c in view.history] == ["submitted"]
        assert not (await session.execute(select(Outbox).where(
            Outbox.kind.in_(("handoff", "notify"))))).scalars().all()

    async with db.transaction() as session:
        (await submissions.business_of(session, sid)).phone = kept_phone
        (await session.get(Product, product.id)).price_unit = kept_unit
    assert await asyncio.to_thread(run, "submissions", "approve", str(sid)) == (0, "")
    assert out[-1] == f"submission {sid} is now approved\n"


# --- what a QA pass on a phone found --------------------------------------------------


def plain(page: str) -> str:
    """A page's text as read: entities decoded, Fluent's bidi isolation marks dropped."""
    return re.sub("[\u2066-\u2069]", "", entities.unescape(page))


async def test_logout_ends_the_session_on_the_server(client, db):
    await add_user(db, "amina@tijara.ma")
    desk = Desk(client)
    good = await desk.login("amina@tijara.ma")
    copied = good.cookies["tijara_admin"].value  # what someone copied off the phone
    assert (await desk.get("/admin/submissions", allow_redirects=False)).status == 200

    out = await desk.post("/admin/logout", {})
    assert out.status == 303
    desk.logout_cookies()
    reused = await client.get("/admin/submissions", cookies={"tijara_admin": copied},
                              allow_redirects=False)
    assert reused.status == 303 and reused.headers["Location"].startswith("/admin/login")
    desk.logout_cookies()
    # Logging in again opens a new session that works.
    again = await desk.login("amina@tijara.ma")
    assert again.status == 303
    assert (await desk.get("/admin/submissions", allow_redirects=False)).status == 200


async def test_required_fields_cannot_be_emptied_nor_approved_missing(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client)
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    product = (await submissions_views(db, sid))[0].products[0].product

    emptied = await desk.post(f"/admin/submissions/{sid}/products/{product.id}", {
        "name": product.name, "description": product.description, "price_amount": "",
        "price_max": "", "price_unit": "l", "moq_quantity": "", "moq_unit": "l"})
    assert emptied.status == 422
    page = plain(await emptied.text())
    assert "Corrections enregistrées" not in page
    assert "Correction non enregistrée : vérifiez « Produit 1 · Prix (MAD) »" in page
    assert page.count("Obligatoire : ce champ ne peut pas rester vide.") == 2
    blanked = await desk.post(f"/admin/submissions/{sid}/business", {
        "business_name": "Coopérative Tifawin", "owner_name": "", "city": "",
        "sector": "", "phone": ""})
    assert blanked.status == 422
    assert (await blanked.text()).count("Obligatoire : ce champ ne peut pas rester vide.") == 4
    async with db.transaction() as session:
        assert await corrections.edits(session, sid) == []

    # Rows missing a required value (from before this check) cannot be approved: said which.
    async with db.transaction() as session:
        row = await session.get(Product, product.id)
        row.price_amount = row.moq_quantity = None
        (await submissions.business_of(session, sid)).sector = None
    detail = await desk.text(f"/admin/submissions/{sid}")
    assert 'id="approve"' not in detail and "Approbation impossible" in detail
    refused = await desk.post(f"/admin/submissions/{sid}/decision", {"decision": "approve"})
    assert refused.headers["Location"].endswith("e=approve_missing#decision")
    page = plain(await desk.text(refused.headers["Location"]))
    missing = re.search(r'id="approve-missing"(.*?)</div>', page, re.S).group(1)
    assert re.findall(r'data-field="([^"]+)"', missing) == [
        "sector", "product:1:price_amount", "product:1:moq_quantity"]
    assert "Produit 1 · Prix (MAD)" in missing and "Secteur" in missing
    async with db.transaction() as session:
        assert (await session.get(Submission, sid)).status == "submitted"
        assert not (await session.execute(select(Outbox).where(
            Outbox.kind == "handoff"))).scalars().all()


async def test_a_refused_correction_keeps_what_was_typed(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client)
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    refused = await desk.post(f"/admin/submissions/{sid}/business", {
        "business_name": "Coopérative Tifawin Bio", "owner_name": "Fatima Zahra Amrani",
        "phone": "06 12", "email": "", "city": "Agadir", "region": "souss-massa",
        "sector": "argan", "ice": "12345"})
    assert refused.status == 422
    page = await refused.text()
    form = plain(re.search(r'<details class="edit" id="edit-business" open>(.*?)</details>',
                           page, re.S).group(1))
    assert 'value="Coopérative Tifawin Bio"' in form and 'value="12345"' in form
    assert 'value="Fatima Zahra Amrani"' in form and 'value="06 12"' in form
    # Each wrong field says what it expects, right under it; the first one has the focus.
    assert re.search(r'id="business-phone" name="phone" aria-invalid="true" '
                     r'aria-describedby="business-phone-error" autofocus', form)
    assert re.search(r'id="business-ice" name="ice" aria-invalid="true"', form)
    assert "Attendu : l'ICE, 15 chiffres" in form and "Attendu : un numéro" in form
    # Its language link goes to the page, not to the form's address.
    assert f'next=%2Fadmin%2Fsubmissions%2F{sid}"' in page
    async with db.transaction() as session:
        assert (await submissions.business_of(session, sid)).name == "Coopérative Tifawin"


async def test_the_history_shows_what_was_asked_of_the_owner(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client, name="Atelier Un")
    await onboard(client, name="Atelier Deux")
    ids = await submission_ids(db)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    await desk.post(f"/admin/submissions/{ids['Atelier Un']}/decision", [
        ("decision", "request_changes"),
        ("item_field", "product:1:photos"), ("item_reason", "photo_dark"),
        ("item_field", "product:1:price"), ("item_reason", "price_unclear"),
        ("item_field", "ice"), ("item_reason", "ice_invalid"),
        ("note", "Merci !")])
    await desk.post(f"/admin/submissions/{ids['Atelier Deux']}/decision", [
        ("decision", "request_changes"),
        ("item_field", "city"), ("item_reason", "city_unclear")])

    def history(html: str) -> str:
        return html.split('id="history"')[1].split("</section>")[0]

    one = plain(history(await desk.text(f"/admin/submissions/{ids['Atelier Un']}")))
    assert "Demandé au propriétaire" in one
    items = re.findall(r'<li data-field="[^"]+" data-reason="[^"]+"><strong>([^<]+)</strong>'
                       r" — ([^<]+)</li>", one)
    assert [(f, r.strip()) for f, r in items] == [
        ("Produit 1 · Photos", "Photo trop sombre"), ("Produit 1 · Prix", "Prix pas clair"),
        ("ICE", "ICE invalide")]
    assert "Merci !" in one
    two = plain(history(await desk.text(f"/admin/submissions/{ids['Atelier Deux']}")))
    assert "Ville" in two and "Ville pas claire" in two  # no note: the items still show
    await desk.get("/admin/lang/ar")
    arabic = plain(history(await desk.text(f"/admin/submissions/{ids['Atelier Un']}")))
    assert "الصورة مظلمة جدًا" in arabic and "المنتج 1 · الصور" in arabic


async def test_a_corrected_city_is_read_like_the_chat_reads_it(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client)  # Agadir, Souss-Massa
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    form = {"business_name": "Coopérative Tifawin", "owner_name": "Fatima Amrani",
            "phone": "+212661234567", "city": "casa", "region": "souss-massa",
            "sector": "argan", "email": "", "ice": ""}
    saved = await desk.post(f"/admin/submissions/{sid}/business", form)
    assert "m=saved" in saved.headers["Location"]
    async with db.transaction() as session:
        business = await submissions.business_of(session, sid)
        conv = await session.get(Conversation, business.conversation_id)
    assert (business.city, business.region) == ("Casablanca", "casablanca-settat")
    assert conv.state["draft"]["city_id"] == "casablanca"
    assert conv.state["draft"]["region"] == "casablanca-settat"
    page = await desk.text(saved.headers["Location"])
    assert re.search(r'id="business-region">Casablanca-Settat<', page)

    unknown = await desk.post(f"/admin/submissions/{sid}/business", {
        **form, "city": "Douar Ait Ouafqa", "region": "casablanca-settat"})
    assert "m=saved_city_unknown" in unknown.headers["Location"]
    page = plain(await desk.text(unknown.headers["Location"]))
    assert "Ville non reconnue" in page and "la région n'a pas changé" in page
    async with db.transaction() as session:
        business = await submissions.business_of(session, sid)
    assert (business.city, business.region) == ("Douar Ait Ouafqa", "casablanca-settat")


async def test_search_folds_accents_and_reads_cities_and_products(client, db):
    await add_user(db, "amina@tijara.ma")
    await onboard(client, name="Zellige Bennani", city="Fès", sector="zellige",
                  products=(("Zellige beldi", 1),))
    await onboard(client, name="Poterie Ziyad", city="Meknès", sector="pottery",
                  products=(("Tajine décoré", 1),))
    await onboard(client, name="Thuya Mogador", city="Essaouira", sector="wood_metal",
                  products=(("Boîte en thuya", 1), ("Échiquier", 1)))
    await onboard(client, name="Café Ville Blanche", owner="Ahmed Élalami", city="casa",
                  sector="food", products=(("Huile d'olive", 1),))
    ids = await submission_ids(db)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")

    def listed(html: str) -> set[int]:
        return {int(i) for i in re.findall(r'<tr data-id="(\d+)"', html)}

    cases = {
        "FÈS": {"Zellige Bennani"}, "fes": {"Zellige Bennani"},
        "meknes": {"Poterie Ziyad"}, "MEKNÈS": {"Poterie Ziyad"},
        "الصويرة": {"Thuya Mogador"}, "فاس": {"Zellige Bennani"},
        "casablanca": {"Café Ville Blanche"}, "الدار البيضاء": {"Café Ville Blanche"},
        "ÉCHIQUIER": {"Thuya Mogador"}, "boite thuya": {"Thuya Mogador"},
        "tajine": {"Poterie Ziyad"}, "elalami": {"Café Ville Blanche"},
        "zellige fès": {"Zellige Bennani"}, "zellige meknès": set(),
        "cafe": {"Café Ville Blanche"},
    }
    for query, names in cases.items():
        html = await desk.text(f"/admin/submissions?status=all&q={quote(query)}")
        assert listed(html) == {ids[n] for n in names}, query
        if names:
            assert f"{len(names)} inscription" in html, query
    # The tabs count what the search finds, and the export has the same rows.
    tabs = await desk.text(f"/admin/submissions?status=all&q={quote('FÈS')}")
    assert re.search(r'data-status="submitted">[^<]*<span class="count">1<', tabs)
    export = await (await desk.get(f"/admin/export.csv?q={quote('meknes')}")).text()
    assert "Poterie Ziyad" in export and "Zellige Bennani" not in export


async def test_queue_small_things(client, db, monkeypatch):
    from bot.admin import views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    await add_user(db, "amina@tijara.ma")
    for name in ("Un", "Deux", "Trois"):
        await onboard(client, name=f"Atelier {name}", sector="argan", city="Essaouira")
    ids = await submission_ids(db)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")

    # "Back to the list" comes back to the list as it was filtered.
    await desk.text("/admin/submissions?status=all&sector=argan&q=atelier&page=2")
    detail = await desk.text(f"/admin/submissions/{ids['Atelier Un']}")
    back = re.search(r'id="back-to-queue" href="([^"]+)"', detail).group(1)
    assert entities.unescape(back) == \
        "/admin/submissions?status=all&sector=argan&q=atelier&page=2"

    # A page past the end says so and leads to the last one.
    past = plain(await desk.text("/admin/submissions?status=all&page=99"))
    assert "La page 99 n'existe pas" in past and "Aucune inscription ne correspond" not in past
    last = re.search(r'id="queue-past-end">.*?href="([^"]+)"', past, re.S).group(1)
    assert last == "/admin/submissions?status=all&page=2"

    # Feminine filters read "Toutes"; the funnel's table is "Par région".
    queue = await desk.text("/admin/submissions")
    region = queue.split('<select name="region">')[1].split("</option>")[0]
    language = queue.split('<select name="language">')[1].split("</option>")[0]
    assert region.endswith(">Toutes") and language.endswith(">Toutes")
    funnel = await desk.text("/admin/funnel")
    assert "Par région" in funnel and "Regrouper par · Région" not in funnel

    # The Arabic pages name a known city in Arabic.
    await desk.get("/admin/lang/ar")
    arabic = await desk.text("/admin/submissions?status=all")
    assert "الصويرة" in arabic and ">Essaouira<" not in arabic
    page = await desk.text(f"/admin/submissions/{ids['Atelier Un']}")
    assert re.search(r'id="business-city"><bdi>الصويرة</bdi>', page)


async def test_the_logout_notice_is_on_the_login_card(client, db):
    await add_user(db, "amina@tijara.ma")
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    out = await desk.post("/admin/logout", {})
    page = await desk.text(out.headers["Location"])
    page = plain(page)
    card = page.split('class="card login-card"')[1].split("</section>")[0]
    assert "Vous êtes déconnecté" in card
    assert page.count("Vous êtes déconnecté") == 1
