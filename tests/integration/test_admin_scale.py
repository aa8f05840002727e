"""The admin's reads that the database does for it (issue 14, item 7), on SQLite and on
PostgreSQL: the search through the folded column, the funnel in SQL, the streamed
`submissions list --json`, the queue's pages and the handoff histogram of /metrics.
Each is checked against what the code did before (the Python versions are kept here as
oracles) over a dataset built by hand."""

from __future__ import annotations

import gc
import io
import json
import re
from argparse import Namespace
from collections import defaultdict
from datetime import timedelta

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import event

from bot.cli import _list
from bot.outbox.body import listing
from bot.outbox.metrics import HANDOFF_BUCKETS
from bot.signing import Signer
from flows.steps import ORDER
from storage import corrections, search, submissions
from storage import funnel as funnels
from storage import queue as review_queue
from storage.migrate import alembic_config
from storage.models import (
    AgentChat,
    Business,
    BusinessMedia,
    Conversation,
    Media,
    Product,
    ProductMedia,
    StatusChange,
    Submission,
    User,
    utcnow,
)

NOW = utcnow()

# (name, owner, city, phone, email, products, status)
PEOPLE = [
    ("Coopérative Tifawin", "Aïcha Oulhaj", "Agadir", "06 61 23 45 67", None,
     ["Huile d'argan", "Amlou"], "submitted"),
    ("تعاونيـــة الأَرْكَان", "فاطمة العلوي", "تافراوت", "0612345678", None,
     ["زيت الأركان"], "submitted"),
    ("Zellige Beldi", "Karim Bennani", "Fès", "+212 700 112 233", "karim@beldi.ma",
     ["Zellige émaillé"], "approved"),
    ("Thuya Mogador", "Ahmed Élalami", "Essaouira", None, None,
     ["Boîte en thuya", "Échiquier"], "live"),
    ("Café Ville Blanche", "Omar", "Casablanca", "0522 00 11 22", None,
     ["Huile d'olive"], "rejected"),
    ("Tapis Tafraoute", "Hassan", "Douar Ait Ouafqa", "0661000000", None,
     ["Tapis 100% laine"], "changes_requested"),
    ("Poterie Ziyad", "Youssef", "Meknès", None, "z@poterie.ma", ["Tajine décoré"],
     "submitted"),
]
QUERIES = ["tifawin", "FÈS", "fes", "fès", "فاس", "الصويرة", "essaouira", "casa", "casablanca",
           "dar lbida", "الدار البيضاء", "tafraout", "Tafraoute", "تافراوت", "تعاونية الاركان",
           "الأركان", "زيت", "ÉCHIQUIER", "echiquier thuya", "elalami", "aicha", "AÏCHA",
           "06 61 23", "0612345678", "612345678", "700 112 233", "+212 700", "100%", "100",
           "%", "_", "laine", "zellige meknès", "zellige fès", "beldi.ma", "@", "#3", "3",
           "nothing", "a", "huile", "huile argan", "ait ouafqa", "Tajine décoré"]


class OldNeedle(search.Needle):
    """The search as it ran in Python before (storage/queue.py up to 0012), over the
    needle's words (a phone in pieces is one phrase since): the oracle."""

    def matches(self, sid, texts, phone, city) -> bool:
        if sid == self.id:
            return True
        if self.digits and phone and self.digits in re.sub(r"\D", "", phone):
            return True
        known = search.city_of(city)
        haystack = "\n".join(search.folded(t) for t in (*texts, phone, city) if t)
        if known is not None:
            haystack += ("\n" + search.folded(known.name_fr) + "\n"
                         + search.folded(known.name_ar))
        return all(word in haystack or (cid is not None and known is not None
                                        and known.id == cid)
                   for word, cid in zip(self.words, self.cities, strict=True))


async def seed_people(db, people=PEOPLE) -> dict[str, int]:
    """Businesses written as storage.submissions.record writes them (search.fill)."""
    ids = {}
    async with db.transaction() as session:
        for i, (name, owner, city, phone, email, products, status) in enumerate(people):
            conv = Conversation(channel="web", user_ref=f"p{i}", language="fr",
                                step="submitted", created_at=NOW - timedelta(hours=i))
            session.add(conv)
            await session.flush()
            business = Business(conversation_id=conv.id, name=name, owner_name=owner,
                                city=city, phone=phone, email=email, language="fr",
                                script="Latn", channel="web", region="souss-massa")
            search.fill(business, products)
            session.add(business)
            await session.flush()
            for position, product in enumerate(products):
                session.add(Product(business_id=business.id, position=position, name=product))
            submission = Submission(business_id=business.id, status=status,
                                    submitted_at=NOW - timedelta(minutes=i))
            session.add(submission)
            await session.flush()
            ids[name] = submission.id
    return ids


async def found(db, q: str, **filters) -> set[int]:
    async with db.transaction() as session:
        rows, total = await review_queue.search(session, review_queue.Filters(q=q, **filters),
                                                per_page=100)
        counts = await review_queue.status_counts(session, review_queue.Filters(q=q))
    assert total == len(rows)
    if not filters:
        assert sum(counts.values()) == total  # the tabs count what the search finds
    return {r.submission.id for r in rows}


async def test_search_finds_what_the_python_search_found(db):
    ids = await seed_people(db)
    async with db.transaction() as session:
        rows = (await session.execute(sa.select(Submission.id, Business).join(
            Business, Business.id == Submission.business_id))).all()
        names = defaultdict(list)
        for business_id, name in (await session.execute(
                sa.select(Product.business_id, Product.name))).all():
            names[business_id].append(name)
    for q in QUERIES:
        needle = OldNeedle(q)
        expected = {sid for sid, b in rows if needle.matches(
            sid, [b.name, b.owner_name, b.email, *names[b.id]], b.phone, b.city)}
        assert await found(db, q) == expected, q
    # What an admin would notice, spelled out.
    assert await found(db, "FÈS") == await found(db, "fes") == {ids["Zellige Beldi"]}
    assert await found(db, "tafraoute") == {ids["تعاونيـــة الأَرْكَان"],
                                            ids["Tapis Tafraoute"]}
    assert await found(db, "تعاونية الاركان") == {ids["تعاونيـــة الأَرْكَان"]}
    assert await found(db, "dar lbida") == {ids["Café Ville Blanche"]}
    assert await found(db, "100%") == {ids["Tapis Tafraoute"]}
    # A wildcard is a character like any other.
    assert await found(db, "%") == {ids["Tapis Tafraoute"]}
    assert await found(db, "_") == set()
    assert await found(db, "61 23 45") == {ids["Coopérative Tifawin"],
                                            ids["تعاونيـــة الأَرْكَان"]}
    # A phone typed in pieces is one number: "06", "61" and "23" scattered over another
    # phone ("0612345678") do not make it that phone.
    assert await found(db, "06 61 23") == {ids["Coopérative Tifawin"]}
    assert await found(db, "huile", status="submitted") == {ids["Coopérative Tifawin"]}


async def test_a_correction_is_found_by_its_new_words_only(db):
    ids = await seed_people(db)
    sid = ids["Poterie Ziyad"]
    async with db.transaction() as session:
        await corrections.correct_business(session, sid, {"business_name": "Atelier Safi",
                                                          "city": "Safi"}, actor="admin:a")
        product = (await session.execute(sa.select(Product).join(Business).join(
            Submission, Submission.business_id == Business.id)
            .where(Submission.id == sid))).scalar_one()
        await corrections.correct_product(session, sid, product.id, {"name": "Gargoulette"},
                                          actor="admin:a")
    assert await found(db, "atelier safi") == {sid}
    assert await found(db, "gargoulette") == {sid}
    assert await found(db, "آسفي") == {sid}  # the known city's Arabic name
    assert await found(db, "ziyad") == await found(db, "tajine") == set()


async def test_queue_pages_walk_every_match_once(db):
    people = [(f"Atelier {i:02}", "X", "Agadir", None, None, ["Tapis"], "submitted")
              for i in range(7)]
    ids = await seed_people(db, people)
    seen = []
    async with db.transaction() as session:
        for page in range(1, 5):
            rows, total = await review_queue.search(
                session, review_queue.Filters(status="submitted", q="atelier"), page=page,
                per_page=3)
            assert total == 7
            seen += [r.submission.id for r in rows]
            assert all(r.products == 1 for r in rows)
    # Waiting for a review: oldest first (seed_people makes the later ones older).
    assert seen == sorted(ids.values(), reverse=True)


# --- the funnel ------------------------------------------------------------------------

_REGISTERED_AT = ORDER.index("product_name")


def old_stage(step, state, language, status, reached) -> int:
    """storage/funnel.py's `_stage` before the funnel moved into SQL: the oracle."""
    if status == "live" or "live" in reached:
        return 7
    if status in ("approved", "exported", "handoff_failed") or "approved" in reached:
        return 6
    if status is not None:
        return 5
    products = (state.get("draft") or {}).get("products") or []
    if any(isinstance(p, dict) and p.get("photos") for p in products):
        return 4
    if any(isinstance(p, dict) and p.get("name") for p in products):
        return 3
    if step in ORDER and ORDER.index(step) >= _REGISTERED_AT or products:
        return 2
    if step not in ("start", "language") and (language or state.get("language")):
        return 1
    return 0


def draft(products=(), region=None) -> dict:
    return {"products": list(products), "region": region, "business_name": None}


# (channel, step, conversation language, state, region, status, history, agent)
CONVERSATIONS = [
    ("web", "start", None, {}, None, None, (), None),
    ("web", "language", "fr", {"language": "fr"}, None, None, (), None),
    ("telegram", "consent", None, {"language": "ar", "draft": draft()}, None, None, (), None),
    ("web", "business_name", "fr", {"language": "fr", "draft": draft(region="oriental")},
     None, None, (), 1),
    ("whatsapp", "product_name", "ary", {"language": "ary", "draft": draft()}, None, None, (),
     None),
    ("web", "consent", "fr", {"language": "fr", "draft": draft([{"name": None, "photos": []}])},
     None, None, (), None),
    ("web", "photos", "fr", {"language": "fr", "draft": draft([{"name": "Tapis",
                                                                "photos": []}])},
     None, None, (), 2),
    ("telegram", "description", "ar", {"language": "ar", "draft": draft(
        [{"name": "", "photos": []}, {"name": "Zit", "photos": [{"media_id": 1}]}],
        region="souss-massa")}, None, None, (), None),
    ("web", "submitted", "fr", {"language": "fr", "draft": draft()}, "souss-massa",
     "submitted", (), 1),
    ("web", "submitted", "fr", {"language": "fr", "draft": draft()}, "", "rejected",
     ("approved",), None),
    ("whatsapp", "submitted", "ary", {"language": "ary"}, "fes-meknes", "exported", (), 2),
    ("whatsapp", "submitted", None, {"language": "ary"}, "fes-meknes", "approved",
     ("live",), None),
    ("web", "submitted", "fr", {"language": "fr"}, None, "live", (), None),
    ("web", "submitted", "fr", {"language": "fr"}, None, "changes_requested", (), 1),
]


async def seed_funnel(db) -> None:
    async with db.transaction() as session:
        for agent in (1, 2):
            session.add(User(id=agent, email=f"agent{agent}@tijara.ma", role="agent"))
        await session.flush()
        for i, (channel, step, language, state, region, status, history, agent) in enumerate(
                CONVERSATIONS):
            conv = Conversation(channel=channel, user_ref=f"u{i}", step=step, language=language,
                                state=state, agent_id=agent if i % 2 else None,
                                created_at=NOW - timedelta(days=1, minutes=i))
            session.add(conv)
            await session.flush()
            if status is None:
                continue
            business = Business(conversation_id=conv.id, name=f"B{i}", owner_name="O",
                                region=region, language="fr", script="Latn", channel=channel,
                                agent_id=agent)
            session.add(business)
            await session.flush()
            submission = Submission(business_id=business.id, status=status)
            session.add(submission)
            await session.flush()
            for to_status in ("submitted", *history):
                session.add(StatusChange(submission_id=submission.id, to_status=to_status,
                                         actor="test"))
        # Outside the period, and an agent's own chat: neither is counted.
        session.add(Conversation(channel="web", user_ref="old", step="submitted",
                                 created_at=NOW - timedelta(days=90)))
        session.add(Conversation(channel="telegram", user_ref="agent-chat", step="start",
                                 created_at=NOW - timedelta(days=1)))
        session.add(AgentChat(channel="telegram", user_ref="agent-chat", agent_id=1))


def expected_funnel(by: str, scope_agent: int | None = None):
    total, groups = [0] * 8, defaultdict(lambda: [0] * 8)
    for i, (channel, step, language, state, region, status, history, agent) in enumerate(
            CONVERSATIONS):
        conv_agent = agent if i % 2 else None
        business_agent = agent if status else None
        if scope_agent is not None and scope_agent not in (conv_agent, business_agent):
            continue
        stage = old_stage(step, state, language, status, set(history))
        key = {"region": region or (state.get("draft") or {}).get("region") or "",
               "channel": channel, "language": language or state.get("language") or "",
               "agent": business_agent or conv_agent or 0}[by]
        for k in range(stage + 1):
            total[k] += 1
            groups[key][k] += 1
    return total, sorted(groups.items(), key=lambda kv: (-kv[1][0], str(kv[0])))


@pytest.mark.parametrize("scope_agent", [None, 1])
async def test_funnel_counts_as_the_python_funnel_did(db, scope_agent):
    await seed_funnel(db)
    async with db.transaction() as session:
        for by in funnels.GROUPINGS:
            result = await funnels.funnel(session, NOW - timedelta(days=30), NOW, by,
                                          scope_agent=scope_agent)
            total, groups = expected_funnel(by, scope_agent)
            assert result.total == total, by
            assert [(k, v) for k, v in result.groups] == groups, by
    if scope_agent is None:  # by hand, for the record
        assert result.total == [14, 12, 10, 8, 7, 6, 4, 2]


# --- the JSON list ---------------------------------------------------------------------


async def seed_listing(db, n: int) -> None:
    async with db.transaction() as session:
        agent = User(email=f"a{n}@tijara.ma", name="Samira", role="agent")
        session.add(agent)
        await session.flush()
        for i in range(n):
            conv = Conversation(channel="web", user_ref=f"l{n}-{i}", step="submitted")
            session.add(conv)
            await session.flush()
            business = Business(conversation_id=conv.id, name=f"Atelier {i}", owner_name="O",
                                language="fr", script="Latn", channel="web",
                                agent_id=agent.id if i % 3 == 0 else None, consent_at=NOW)
            if i % 4 == 1:  # a certificate with a photo, and two of the packaging
                business.certifications = [{"kind": "organic", "body": "ECOCERT",
                                            "number": None, "expires": None}]
            session.add(business)
            await session.flush()
            for k, of in enumerate(("certificate:organic", "packaging", "packaging")
                                   if i % 4 == 1 else ()):
                media = Media(sha256=f"{n:04}{i:04}d{k}".ljust(64, "0"), kind="photo",
                              content_type="image/png", size=20 + k, width=8, height=6)
                session.add(media)
                await session.flush()
                session.add(BusinessMedia(business_id=business.id, media_id=media.id, of=of,
                                          position=k))
            for position in range(i % 3):
                product = Product(business_id=business.id, position=position,
                                  name=f"Produit {position}", price_amount="150")
                session.add(product)
                await session.flush()
                for k in range(2):
                    media = Media(sha256=f"{n:04}{i:04}{position}{k}".ljust(64, "0"),
                                  kind="photo" if k == 0 else "audio",
                                  content_type="image/jpeg", size=10, width=4, height=3)
                    session.add(media)
                    await session.flush()
                    session.add(ProductMedia(product_id=product.id, media_id=media.id,
                                             position=k))
            submission = Submission(business_id=business.id, status="submitted")
            session.add(submission)
            await session.flush()
            session.add(StatusChange(submission_id=submission.id, to_status="submitted",
                                     actor="owner"))
            if i % 2:
                submission.status = "approved"
                session.add(StatusChange(submission_id=submission.id, to_status="approved",
                                         from_status="submitted", actor="cli"))


async def listed(db, **args) -> tuple[str, int]:
    """`submissions list` as written, and the statements it took."""
    statements = []

    def count(*_):
        statements.append(1)

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    out = io.StringIO()
    try:
        await _list(db, Namespace(**{"json": True, "status": None, **args}),
                    Signer("test-secret", "http://testserver"), out)
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)
    return out.getvalue(), len(statements)


async def test_json_list_is_the_same_and_its_queries_do_not_grow(db):
    signer = Signer("test-secret", "http://testserver")
    assert (await listed(db))[0] == "[]\n"
    await seed_listing(db, 5)
    small, five = await listed(db)
    await seed_listing(db, 45)
    text, fifty = await listed(db)
    assert five == fifty  # the same statements for 5 submissions as for 50
    async with db.transaction() as session:
        views = await submissions.views(session)
        english = await submissions.english_texts(session, [v.business.id for v in views])
    # Byte for byte what it printed before: json.dumps of the whole list (but for the
    # image links' expiry, which moves with the clock).
    before = json.dumps([listing(v, signer, translations=english[v.business.id])
                         for v in views], ensure_ascii=False, indent=2) + "\n"
    assert unsigned(text) == unsigned(before)
    items = json.loads(text)
    assert len(items) == 50 and [i["id"] for i in items] == sorted(i["id"] for i in items)
    assert items[1]["approved_at"] and items[0]["approved_at"] is None
    assert [len(p["images"]) for p in items[2]["products"]] == [1, 1]  # photos, not audio
    assert items[0]["agent"]["name"] == "Samira" and items[1]["agent"] is None
    assert len(items[1]["business"]["packaging_photos"]) == 2
    assert [len(c["photos"]) for c in items[1]["products"][0]["certifications"]] == [1]
    assert items[2]["business"]["packaging_photos"] == []
    approved, _ = await listed(db, status="approved")
    assert {i["status"] for i in json.loads(approved)} == {"approved"}
    assert len(json.loads(approved)) == 2 + 22
    plain, _ = await listed(db, json=False, status="rejected")
    assert plain == "no submissions in status rejected\n"


def unsigned(text: str) -> str:
    return re.sub(r"=\d+&sig=[0-9a-f]+", "=EXP&sig=SIG", text)


async def test_json_list_reads_page_after_page(db, monkeypatch):
    await seed_listing(db, 7)
    whole, _ = await listed(db)
    original = submissions.page
    monkeypatch.setattr(submissions, "page",
                        lambda session, **kw: original(session, **{**kw, "size": 3}))
    paged, statements = await listed(db)
    assert unsigned(paged) == unsigned(whole)
    assert len(json.loads(paged)) == 7
    # The cyclic collector, off while the listing runs, is back on after it.
    assert gc.isenabled() and gc.get_freeze_count() == 0


async def test_a_filtered_list_shows_each_submissions_own_photos_page_after_page(
        db, monkeypatch):
    """A page's certificate and packaging photos are read for the range of its ids: with
    --status, submissions of other statuses inside that range (with photos of their own)
    lend none of theirs, and the filtered objects are those of the full list."""
    await seed_listing(db, 16)
    async with db.transaction() as session:  # half of those with photos leave "approved"
        for s in (await session.execute(sa.select(Submission).order_by(Submission.id))
                  ).scalars().all()[1::8]:
            s.status = "rejected"
    original = submissions.page
    monkeypatch.setattr(submissions, "page",
                        lambda session, **kw: original(session, **{**kw, "size": 2}))
    whole = {i["id"]: i for i in json.loads(unsigned((await listed(db))[0]))}
    assert sum(bool(i["business"]["packaging_photos"]) for i in whole.values()) == 4
    for status in ("approved", "rejected", "submitted"):
        shown = json.loads(unsigned((await listed(db, status=status))[0]))
        assert shown == [whole[i["id"]] for i in shown]
        assert {i["status"] for i in shown} == {status}
    rejected = json.loads(unsigned((await listed(db, status="rejected"))[0]))
    assert [len(i["business"]["packaging_photos"]) for i in rejected] == [2, 2]


# --- /metrics --------------------------------------------------------------------------


async def test_handoff_histogram_is_counted_by_the_database(db):
    gaps = [3, 60, 7200, 2 * 86400, -5, 30 * 86400]  # a clock skew counts as 0 s
    async with db.transaction() as session:
        for i, gap in enumerate(gaps + [None]):
            conv = Conversation(channel="web", user_ref=f"m{i}", step="submitted")
            session.add(conv)
            await session.flush()
            business = Business(conversation_id=conv.id, name="B", owner_name="O",
                                language="fr", script="Latn", channel="web")
            session.add(business)
            await session.flush()
            decided = NOW - timedelta(days=40)
            session.add(Submission(
                business_id=business.id, status="live" if gap is not None else "approved",
                decided_at=decided,
                live_at=decided + timedelta(seconds=gap) if gap is not None else None))
    async with db.transaction() as session:
        found = await submissions.handoff_latencies(session, HANDOFF_BUCKETS)
    clamped = [max(0, g) for g in gaps]
    assert found.count == len(gaps)
    assert found.total == pytest.approx(sum(clamped), abs=0.01)
    assert found.within == [sum(g <= b for g in clamped) for b in HANDOFF_BUCKETS]


# --- the migration ---------------------------------------------------------------------


async def test_migration_backfills_the_search_and_goes_back(db, db_url):
    config = alembic_config(db_url)
    await _alembic(command.downgrade, config, "0012")
    async with db.engine.begin() as conn:
        await conn.execute(sa.text(
            "INSERT INTO conversation (id, channel, user_ref, locale, script, step, state, "
            "version, status, created_at, updated_at) VALUES (1, 'web', 'x', 'fr', 'Latn', "
            "'submitted', '{}', 0, 'active', :now, :now)"), {"now": NOW})
        await conn.execute(sa.text(
            "INSERT INTO business (id, conversation_id, name, owner_name, phone, city, "
            "language, script, channel, created_at, updated_at) VALUES (1, 1, "
            "'Coopérative Ténéré', 'Aïcha', '06 61 00 11 22', 'tafraoute', 'fr', 'Latn', "
            "'web', :now, :now)"), {"now": NOW})
        await conn.execute(sa.text(
            "INSERT INTO product (id, business_id, position, name, description) "
            "VALUES (1, 1, 0, 'Huile d''Argan', '')"))
        await conn.execute(sa.text(
            "INSERT INTO submission (id, business_id, status, revision, submitted_at, "
            "updated_at) VALUES (1, 1, 'submitted', 1, :now, :now)"), {"now": NOW})
    await _alembic(command.upgrade, config, "head")
    async with db.transaction() as session:
        business = await session.get(Business, 1)
    assert business.search_text.split("\n") == [
        "cooperative tenere", "aicha", "huile d'argan", "06 61 00 11 22", "tafraoute",
        "tafraout", "تافراوت"]
    assert (business.search_phone, business.search_city) == ("0661001122", "tafraout")
    assert await found(db, "TÉNÉRÉ argan") == {1}
    assert await found(db, "تافراوت") == {1}


async def _alembic(step, config, revision):
    import asyncio

    await asyncio.to_thread(step, config, revision)
