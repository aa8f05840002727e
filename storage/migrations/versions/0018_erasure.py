"""erased conversations counted for the funnel: erased_count

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 13:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'erased_count',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('stage', sa.Integer(), nullable=False),
        sa.Column('cause', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column('region', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('agent_id', sa.Integer(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('day', 'stage', 'cause', 'channel', 'language', 'region',
                            'agent_id'),
    )
    with op.batch_alter_table('erased_count', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_erased_count_day'), ['day'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('erased_count', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erased_count_day'))
    op.drop_table('erased_count')
