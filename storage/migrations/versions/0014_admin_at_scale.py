"""admin pages at scale: the search's folded columns (business.search_text, search_phone,
search_city) backfilled and indexed (pg_trgm on PostgreSQL), and the indexes of the queue,
the funnel and the agent filter

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-12 08:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

BATCH = 2000
TRIGRAM = ('search_text', 'search_phone')


def upgrade() -> None:
    with op.batch_alter_table('business', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.Text(), server_default='',
                                      nullable=False))
        batch_op.add_column(sa.Column('search_phone',
                                      sqlmodel.sql.sqltypes.AutoString(length=32),
                                      nullable=True))
        batch_op.add_column(sa.Column('search_city',
                                      sqlmodel.sql.sqltypes.AutoString(length=32),
                                      nullable=True))
    _backfill(op.get_bind())
    with op.batch_alter_table('business', schema=None) as batch_op:
        batch_op.create_index('ix_business_search_city', ['search_city'], unique=False)
        batch_op.create_index('ix_business_agent_id', ['agent_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        ops = f'{_trigram_schema(bind)}.gin_trgm_ops'
        for column in TRIGRAM:
            op.execute(f'CREATE INDEX ix_business_{column} ON business '
                       f'USING gin ({column} {ops})')
    else:  # the model's indexes; SQLite's LIKE '%word%' scans the narrow column anyway
        for column in TRIGRAM:
            op.create_index(f'ix_business_{column}', 'business', [column], unique=False)
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_created_at', ['created_at'], unique=False)
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_index('ix_submission_status')
        batch_op.create_index('ix_submission_status_submitted_at',
                              ['status', 'submitted_at', 'id'], unique=False)
        batch_op.create_index('ix_submission_submitted_at', ['submitted_at', 'id'],
                              unique=False)
    with op.batch_alter_table('statuschange', schema=None) as batch_op:
        batch_op.create_index('ix_statuschange_to_status_submission_id',
                              ['to_status', 'submission_id'], unique=False)


def _trigram_schema(bind) -> str:
    """Where pg_trgm is (installing it in `public` when it is not yet anywhere): its
    operator class is named with its schema, whatever this database's search_path."""
    found = bind.execute(sa.text(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
    )).scalar()
    if found:
        return found
    public = bind.execute(sa.text(
        "SELECT 1 FROM pg_namespace WHERE nspname = 'public'")).scalar()
    schema = 'public' if public else bind.execute(sa.text('SELECT current_schema()')).scalar()
    bind.execute(sa.text(f'CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA "{schema}"'))
    return f'"{schema}"'


def _backfill(bind) -> None:
    """Every business's search columns, from its fields and product names, with the
    folding the code uses (storage.search), a batch at a time."""
    from storage.search import columns

    business = sa.table('business', sa.column('id'), sa.column('name'),
                        sa.column('owner_name'), sa.column('email'), sa.column('phone'),
                        sa.column('city'), sa.column('search_text'),
                        sa.column('search_phone'), sa.column('search_city'))
    product = sa.table('product', sa.column('business_id'), sa.column('position'),
                       sa.column('name'))
    update = (sa.update(business).where(business.c.id == sa.bindparam('b_id'))
              .values(search_text=sa.bindparam('b_text'), search_phone=sa.bindparam('b_phone'),
                      search_city=sa.bindparam('b_city')))
    last = 0
    while True:
        rows = bind.execute(sa.select(
            business.c.id, business.c.name, business.c.owner_name, business.c.email,
            business.c.phone, business.c.city).where(business.c.id > last)
            .order_by(business.c.id).limit(BATCH)).all()
        if not rows:
            return
        names: dict[int, list[str]] = {}
        for bid, name in bind.execute(sa.select(product.c.business_id, product.c.name).where(
                product.c.business_id.in_([r.id for r in rows]))
                .order_by(product.c.business_id, product.c.position)):
            names.setdefault(bid, []).append(name)
        values = []
        for r in rows:
            found = columns(r.name, r.owner_name, r.email, r.phone, r.city, names.get(r.id, ()))
            values.append({'b_id': r.id, 'b_text': found['search_text'],
                           'b_phone': found['search_phone'], 'b_city': found['search_city']})
        bind.execute(update, values)
        last = rows[-1].id


def downgrade() -> None:
    # pg_trgm stays: other databases' objects may use it.
    with op.batch_alter_table('statuschange', schema=None) as batch_op:
        batch_op.drop_index('ix_statuschange_to_status_submission_id')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_index('ix_submission_submitted_at')
        batch_op.drop_index('ix_submission_status_submitted_at')
        batch_op.create_index('ix_submission_status', ['status'], unique=False)
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_created_at')
    with op.batch_alter_table('business', schema=None) as batch_op:
        for column in TRIGRAM:
            batch_op.drop_index(f'ix_business_{column}')
        batch_op.drop_index('ix_business_agent_id')
        batch_op.drop_index('ix_business_search_city')
        batch_op.drop_column('search_city')
        batch_op.drop_column('search_phone')
        batch_op.drop_column('search_text')
