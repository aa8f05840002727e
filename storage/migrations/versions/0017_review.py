"""review reasons kept with a decision (statuschange.reasons), and each revision as it
stood when the next one replaced it (revisionsnapshot), for "what changed"

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 13:00:00
"""

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('statuschange', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reasons', sa.JSON(), server_default=sa.text("'[]'"),
                                      nullable=False))
    op.create_table(
        'revisionsnapshot',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('submission_id', sa.Integer(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('snapshot', sa.JSON(), nullable=False),
        sa.Column('at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['submission_id'], ['submission.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('submission_id', 'revision'),
    )


def downgrade() -> None:
    op.drop_table('revisionsnapshot')
    with op.batch_alter_table('statuschange', schema=None) as batch_op:
        batch_op.drop_column('reasons')
