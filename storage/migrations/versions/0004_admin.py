"""admin pages: login throttling, the correction log, English product texts

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 12:00:00.000000
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('loginfailure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
    sa.Column('ip', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('at', storage.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('loginfailure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loginfailure_at'), ['at'], unique=False)
        batch_op.create_index('ix_loginfailure_email_ip', ['email', 'ip'], unique=False)

    op.create_table('fieldedit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('old', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('new', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('at', storage.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('fieldedit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fieldedit_submission_id'), ['submission_id'], unique=False)

    op.create_table('producttranslation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('business_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('description_en', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('updated_at', storage.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['business_id'], ['business.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('business_id', 'position')
    )
    with op.batch_alter_table('producttranslation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_producttranslation_business_id'), ['business_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('producttranslation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_producttranslation_business_id'))
    op.drop_table('producttranslation')
    with op.batch_alter_table('fieldedit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fieldedit_submission_id'))
    op.drop_table('fieldedit')
    with op.batch_alter_table('loginfailure', schema=None) as batch_op:
        batch_op.drop_index('ix_loginfailure_email_ip')
        batch_op.drop_index(batch_op.f('ix_loginfailure_at'))
    op.drop_table('loginfailure')
