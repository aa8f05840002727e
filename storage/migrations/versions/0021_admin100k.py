"""the funnel's columns on the conversation (funnel_stage, funnel_region, funnel_agent),
backfilled from the rows they are computed from (storage/funnel.py `staged`), and an index
holding all the funnel reads of a period's conversations (ix_conversation_funnel)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 13:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

BATCH = 5000
# What the funnel reads of a period's conversations, so that it reads the index alone.
FUNNEL = ['created_at', 'funnel_stage', 'funnel_region', 'funnel_agent', 'agent_id',
          'channel', 'user_ref']


def upgrade() -> None:
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('funnel_stage', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('funnel_region', sqlmodel.sql.sqltypes.AutoString(),
                                      server_default='', nullable=False))
        batch_op.add_column(sa.Column('funnel_agent', sa.Integer(), nullable=True))
    _backfill(op.get_bind())
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_created_at')
        batch_op.create_index('ix_conversation_funnel', FUNNEL, unique=False)


def _backfill(bind) -> None:
    from storage.funnel import refresh

    conversation = sa.table('conversation', sa.column('id'))
    last = 0
    while True:
        ids = bind.execute(sa.select(conversation.c.id).where(conversation.c.id > last)
                           .order_by(conversation.c.id).limit(BATCH)).scalars().all()
        if not ids:
            return
        refresh(bind, ids)
        last = ids[-1]


def downgrade() -> None:
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_funnel')
        batch_op.create_index('ix_conversation_created_at', ['created_at'], unique=False)
        batch_op.drop_column('funnel_agent')
        batch_op.drop_column('funnel_region')
        batch_op.drop_column('funnel_stage')
