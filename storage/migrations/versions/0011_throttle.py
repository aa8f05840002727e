"""web-chat throttling held across processes: throttlewindow

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28 10:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'throttlewindow',
        sa.Column('bucket', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('hits', sa.Integer(), nullable=False),
        sa.Column('expires', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('bucket'),
    )
    with op.batch_alter_table('throttlewindow', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_throttlewindow_expires'), ['expires'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('throttlewindow', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_throttlewindow_expires'))
    op.drop_table('throttlewindow')
