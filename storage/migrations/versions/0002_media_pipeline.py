"""media pipeline: thumbnail, original, perceptual hash, advice, duration

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00.000000
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


# recreate='never': plain ALTER TABLE ADD/DROP COLUMN (SQLite >= 3.35 drops columns).
# Copying the table instead would DROP TABLE media, which SQLite refuses while
# productmedia rows point at it (foreign keys are on).


def upgrade() -> None:

    with op.batch_alter_table('media', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('thumbnail_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column('original_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column('original_size', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('phash', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
        # server_default only fills the rows that already exist; the model sets it.
        batch_op.add_column(sa.Column('advice', sa.JSON(), server_default=sa.text("'[]'"), nullable=False))
        batch_op.add_column(sa.Column('duration_s', sa.Float(), nullable=True))
        batch_op.create_index(batch_op.f('ix_media_original_sha256'), ['original_sha256'], unique=False)

    # Rows from before the pipeline point at the bytes exactly as received.
    op.execute("UPDATE media SET original_sha256 = sha256, original_size = size "
               "WHERE original_sha256 IS NULL")


def downgrade() -> None:

    with op.batch_alter_table('media', schema=None, recreate='never') as batch_op:
        batch_op.drop_index(batch_op.f('ix_media_original_sha256'))
        batch_op.drop_column('duration_s')
        batch_op.drop_column('advice')
        batch_op.drop_column('phash')
        batch_op.drop_column('original_size')
        batch_op.drop_column('original_sha256')
        batch_op.drop_column('thumbnail_sha256')
