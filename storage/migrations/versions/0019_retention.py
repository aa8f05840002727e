"""personal data: the consent version agreed to, raw webhook bodies dropped after a while

business.consent_version; inbound.raw_dropped_at with ix_inbound_raw_kept (the bodies still
kept, oldest first, for the retention chore).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 13:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('business', schema=None) as batch_op:
        batch_op.add_column(sa.Column('consent_version', sa.Integer(), nullable=True))
    with op.batch_alter_table('inbound', schema=None) as batch_op:
        batch_op.add_column(sa.Column('raw_dropped_at', sa.DateTime(timezone=True),
                                      nullable=True))
    op.create_index('ix_inbound_raw_kept', 'inbound', ['received_at', 'id'],
                    postgresql_where=sa.text('raw_dropped_at IS NULL'),
                    sqlite_where=sa.text('raw_dropped_at IS NULL'))


def downgrade() -> None:
    op.drop_index('ix_inbound_raw_kept', table_name='inbound')
    with op.batch_alter_table('inbound', schema=None) as batch_op:
        batch_op.drop_column('raw_dropped_at')
    with op.batch_alter_table('business', schema=None) as batch_op:
        batch_op.drop_column('consent_version')
