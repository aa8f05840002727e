"""a conversation's messages still to process, oldest first: ix_inbound_waiting

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-08 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_inbound_waiting', 'inbound', ['conversation_id', 'received_at', 'id'],
                    postgresql_where=sa.text('processed_at IS NULL'),
                    sqlite_where=sa.text('processed_at IS NULL'))


def downgrade() -> None:
    op.drop_index('ix_inbound_waiting', table_name='inbound')
