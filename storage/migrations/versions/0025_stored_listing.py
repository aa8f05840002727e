"""each product's English listing stored with the version that made it (product.listing,
listing_version: storage.listings), read instead of computed on every read

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 16:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Null for the rows already there: readers compute those (no backfill needed).
    with op.batch_alter_table('product') as batch:
        batch.add_column(sa.Column('listing', sa.JSON(none_as_null=True), nullable=True))
        batch.add_column(sa.Column('listing_version', sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('product') as batch:
        batch.drop_column('listing_version')
        batch.drop_column('listing')
