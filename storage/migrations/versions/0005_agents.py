"""field agents: invite and referral codes, agents' own chats

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 12:45:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'agentcode',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('agent_id', sa.Integer(), nullable=False),
        sa.Column('used_at', storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['agent_id'], ['user.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('code'),
    )
    with op.batch_alter_table('agentcode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agentcode_agent_id'), ['agent_id'], unique=False)
    op.create_table(
        'agentchat',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('user_ref', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column('agent_id', sa.Integer(), nullable=False),
        sa.Column('linked_at', storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['agent_id'], ['user.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('channel', 'user_ref'),
    )
    with op.batch_alter_table('agentchat', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agentchat_agent_id'), ['agent_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('agentchat', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agentchat_agent_id'))
    op.drop_table('agentchat')
    with op.batch_alter_table('agentcode', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agentcode_agent_id'))
    op.drop_table('agentcode')
