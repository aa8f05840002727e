"""the photos of a business's certificates and packaging (flows.buyerq) kept with it
when the draft is submitted (business_media), and whether the buyers' questions were
asked (business.buyer_asked: the admin's readiness counts those photos as the owner's)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 16:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # recreate='never': plain ALTER TABLE (SQLite >= 3.35 drops columns); copying the
    # table would DROP TABLE business, which SQLite refuses while rows point at it.
    with op.batch_alter_table('business', recreate='never') as batch:
        batch.add_column(sa.Column('buyer_asked', sa.Boolean(), nullable=True))
    op.create_table(
        'business_media',
        sa.Column('business_id', sa.Integer(), sa.ForeignKey('business.id'), nullable=False),
        sa.Column('media_id', sa.Integer(), sa.ForeignKey('media.id'), nullable=False),
        sa.Column('of', sa.String(length=32), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('business_id', 'media_id'),
    )
    # Erasure deletes the links by media id (storage.erasure.WHERE).
    op.create_index('ix_business_media_media_id', 'business_media', ['media_id'])


def downgrade() -> None:
    op.drop_index('ix_business_media_media_id', table_name='business_media')
    op.drop_table('business_media')
    with op.batch_alter_table('business', recreate='never') as batch:
        batch.drop_column('buyer_asked')
