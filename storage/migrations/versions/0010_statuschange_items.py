"""the history keeps what a request for changes asked: statuschange.items

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 16:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('statuschange', schema=None) as batch_op:
        batch_op.add_column(sa.Column('items', sa.JSON(), server_default=sa.text("'[]'"),
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('statuschange', schema=None) as batch_op:
        batch_op.drop_column('items')
