"""the buyers' questions: capacity and lead time per product, certifications, FDA
registration, export experience and packaging per business (flows.buyerq)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

PRODUCT = (
    sa.Column('capacity_quantity', sa.String(length=32), nullable=True),
    sa.Column('capacity_unit', sa.String(length=16), nullable=True),
    sa.Column('capacity_per', sa.String(length=8), nullable=True),
    sa.Column('lead_time_quantity', sa.String(length=32), nullable=True),
    sa.Column('lead_time_unit', sa.String(length=8), nullable=True),
    sa.Column('lead_time_days', sa.Integer(), nullable=True),
)
BUSINESS = (
    sa.Column('certifications', sa.JSON(), nullable=True),
    sa.Column('fda_registered', sa.String(length=8), nullable=True),
    sa.Column('export_experience', sa.String(length=8), nullable=True),
    sa.Column('export_countries', sa.JSON(), nullable=True),
    sa.Column('packaging', sa.String(length=500), nullable=True),
)


def upgrade() -> None:
    # Batch mode: SQLite adds and drops columns by copying the table.
    with op.batch_alter_table('product') as batch:
        for column in PRODUCT:
            batch.add_column(column)
    with op.batch_alter_table('business') as batch:
        for column in BUSINESS:
            batch.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table('business') as batch:
        for column in reversed(BUSINESS):
            batch.drop_column(column.name)
    with op.batch_alter_table('product') as batch:
        for column in reversed(PRODUCT):
            batch.drop_column(column.name)
