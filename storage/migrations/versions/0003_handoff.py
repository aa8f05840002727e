"""storefront handoff: storefront id and link, handoff error, first attempt, live time

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 10:00:00.000000
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:

    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.add_column(sa.Column('storefront_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True))
        batch_op.add_column(sa.Column('storefront_url', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True))
        batch_op.add_column(sa.Column('handoff_error', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True))
        batch_op.add_column(sa.Column('handoff_started_at', storage.models.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('live_at', storage.models.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_column('live_at')
        batch_op.drop_column('handoff_started_at')
        batch_op.drop_column('handoff_error')
        batch_op.drop_column('storefront_url')
        batch_op.drop_column('storefront_id')
