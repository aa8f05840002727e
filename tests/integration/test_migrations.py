"""The migrations build exactly the tables the code uses, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import storage.models  # noqa: F401 - the tables
from storage.migrate import upgrade_async


async def test_models_and_migrations_agree(db, db_url):
    await upgrade_async(db_url)  # a second upgrade is a no-op

    def differences(connection):
        return compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)

    async with db.engine.connect() as conn:
        diff = await conn.run_sync(differences)
    assert diff == []


async def test_0013_outbox_progress_down_and_up_again(db, db_url):
    """The last migration goes down (the column goes) and up again, rows kept."""
    import asyncio

    import sqlalchemy as sa
    from alembic import command

    from storage import outbox
    from storage.migrate import alembic_config

    async with db.transaction() as session:
        await outbox.enqueue(session, "send", "kept", {"replies": []}, conversation_id=1)
    await db.engine.dispose()
    await asyncio.to_thread(command.downgrade, alembic_config(db_url), "0012")

    def columns(connection):
        return {c["name"] for c in sa.inspect(connection).get_columns("outbox")}

    async with db.engine.connect() as conn:
        assert "progress" not in await conn.run_sync(columns)
    await db.engine.dispose()
    await upgrade_async(db_url)
    async with db.engine.connect() as conn:
        assert "progress" in await conn.run_sync(columns)
        assert (await conn.execute(sa.text("SELECT dedupe_key, progress FROM outbox"))).all() \
            == [("kept", None)]


async def test_0022_buyerq_down_and_up_again(db, db_url):
    """The buyers' columns go (rows kept) and come back empty."""
    import asyncio

    import sqlalchemy as sa
    from alembic import command

    from storage.migrate import alembic_config

    await db.engine.dispose()
    await asyncio.to_thread(command.downgrade, alembic_config(db_url), "0021")

    def columns(connection, table):
        return {c["name"] for c in sa.inspect(connection).get_columns(table)}

    async with db.engine.connect() as conn:
        assert "capacity_per" not in await conn.run_sync(columns, "product")
        assert "certifications" not in await conn.run_sync(columns, "business")
    await db.engine.dispose()
    await upgrade_async(db_url)
    async with db.engine.connect() as conn:
        assert {"capacity_quantity", "lead_time_days"} <= await conn.run_sync(columns, "product")
        assert {"fda_registered", "packaging"} <= await conn.run_sync(columns, "business")


async def test_0023_listing_edits_down_and_up_again(db, db_url):
    """The reviewer's type goes (their English texts kept) and comes back empty."""
    import asyncio

    import sqlalchemy as sa
    from alembic import command

    from storage.migrate import alembic_config
    from storage.models import Business, Conversation, ProductTranslation

    async with db.transaction() as session:
        conv = Conversation(channel="web", user_ref="m23")
        session.add(conv)
        await session.flush()
        business = Business(conversation_id=conv.id, name="B", owner_name="O", language="fr",
                            script="Latn", channel="web")
        session.add(business)
        await session.flush()
        session.add(ProductTranslation(business_id=business.id, position=0, title_en="Rug",
                                       type_key="kilim_rug"))
    await db.engine.dispose()
    await asyncio.to_thread(command.downgrade, alembic_config(db_url), "0022")

    def columns(connection):
        return {c["name"] for c in sa.inspect(connection).get_columns("producttranslation")}

    async with db.engine.connect() as conn:
        assert "type_key" not in await conn.run_sync(columns)
    await db.engine.dispose()
    await upgrade_async(db_url)
    async with db.engine.connect() as conn:
        assert (await conn.execute(sa.text(
            "SELECT title_en, type_key FROM producttranslation"))).all() == [("Rug", None)]


async def test_0024_business_media_down_and_up_again(db, db_url):
    """The photo links and the 'asked' mark go while products point at the business (the
    column is dropped in place, never by copying the table), and come back empty."""
    import asyncio

    import sqlalchemy as sa
    from alembic import command

    from storage.migrate import alembic_config
    from storage.models import Business, BusinessMedia, Conversation, Media, Product

    async with db.transaction() as session:
        conv = Conversation(channel="web", user_ref="m24")
        session.add(conv)
        await session.flush()
        business = Business(conversation_id=conv.id, name="B", owner_name="O", language="fr",
                            script="Latn", channel="web", buyer_asked=True)
        media = Media(conversation_id=conv.id, sha256="a" * 64, kind="photo",
                      content_type="image/jpeg", size=1)
        session.add_all([business, media])
        await session.flush()
        session.add_all([Product(business_id=business.id, position=0, name="Tapis"),
                         BusinessMedia(business_id=business.id, media_id=media.id,
                                       of="packaging", position=0)])
    await db.engine.dispose()
    await asyncio.to_thread(command.downgrade, alembic_config(db_url), "0023")

    def shape(connection):
        inspector = sa.inspect(connection)
        return ({c["name"] for c in inspector.get_columns("business")},
                set(inspector.get_table_names()))

    async with db.engine.connect() as conn:
        columns, tables = await conn.run_sync(shape)
        assert "buyer_asked" not in columns and "business_media" not in tables
        assert (await conn.execute(sa.text("SELECT name FROM product"))).all() == [("Tapis",)]
    await db.engine.dispose()
    await upgrade_async(db_url)
    async with db.engine.connect() as conn:
        columns, tables = await conn.run_sync(shape)
        assert "buyer_asked" in columns and "business_media" in tables
        assert (await conn.execute(sa.text("SELECT buyer_asked FROM business"))).all() == [
            (None,)]


async def test_0025_stored_listing_down_and_up_again(db, db_url):
    """The stored listing goes (the product kept) and comes back empty: read as computed."""
    import asyncio

    import sqlalchemy as sa
    from alembic import command

    from storage.migrate import alembic_config
    from storage.models import Business, Conversation, Product

    async with db.transaction() as session:
        conv = Conversation(channel="web", user_ref="m25")
        session.add(conv)
        await session.flush()
        business = Business(conversation_id=conv.id, name="B", owner_name="O", language="fr",
                            script="Latn", channel="web")
        session.add(business)
        await session.flush()
        session.add(Product(business_id=business.id, position=0, name="Zerbia",
                            listing={"name": "Rug"}, listing_version="1:x"))
    await db.engine.dispose()
    await asyncio.to_thread(command.downgrade, alembic_config(db_url), "0024")

    def columns(connection):
        return {c["name"] for c in sa.inspect(connection).get_columns("product")}

    async with db.engine.connect() as conn:
        assert "listing" not in await conn.run_sync(columns)
    await db.engine.dispose()
    await upgrade_async(db_url)
    async with db.engine.connect() as conn:
        assert (await conn.execute(sa.text(
            "SELECT name, listing, listing_version FROM product"))).all() == [
            ("Zerbia", None, None)]
