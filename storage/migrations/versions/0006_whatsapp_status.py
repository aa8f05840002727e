"""whatsapp delivery reports

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 12:55:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'whatsapp_status',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('message_sid', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column('error_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column('error_message', sqlmodel.sql.sqltypes.AutoString(length=500),
                  nullable=False),
        sa.Column('recipient', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column('conversation_id', sa.Integer(), nullable=True),
        sa.Column('received_at', storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('message_sid', 'status'),
    )
    with op.batch_alter_table('whatsapp_status', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_whatsapp_status_message_sid'), ['message_sid'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_whatsapp_status_conversation_id'),
                              ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_whatsapp_status_received_at'), ['received_at'],
                              unique=False)


def downgrade() -> None:
    op.drop_table('whatsapp_status')
