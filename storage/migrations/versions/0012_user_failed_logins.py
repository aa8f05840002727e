"""admins told of failed logins, one password check at a time: user.failed_logins,
last_failed_ip, last_failed_at, login_busy_until

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 08:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('last_failed_ip',
                                      sqlmodel.sql.sqltypes.AutoString(length=64),
                                      nullable=True))
        batch_op.add_column(sa.Column('last_failed_at',
                                      storage.models.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('login_busy_until',
                                      storage.models.UTCDateTime(timezone=True),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('login_busy_until')
        batch_op.drop_column('last_failed_at')
        batch_op.drop_column('last_failed_ip')
        batch_op.drop_column('failed_logins')
