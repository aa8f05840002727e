"""a reviewer's choice of a product's type (flows.taxonomy) beside their edits of its
generated English listing (producttranslation.type_key), and the owner's own choice with
the words it answered (product.owner_type, owner_type_asked: flows.producttype)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode: SQLite adds and drops columns by copying the table.
    with op.batch_alter_table('producttranslation') as batch:
        batch.add_column(sa.Column('type_key', sa.String(length=64), nullable=True))
    with op.batch_alter_table('product') as batch:
        batch.add_column(sa.Column('owner_type', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('owner_type_asked', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('product') as batch:
        batch.drop_column('owner_type_asked')
        batch.drop_column('owner_type')
    with op.batch_alter_table('producttranslation') as batch:
        batch.drop_column('type_key')
