"""an append-only audit trail of access to personal data: auditentry

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 12:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_PG_FUNCTION = """
CREATE FUNCTION auditentry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'auditentry is append-only'; END $$
"""


def upgrade() -> None:
    op.create_table(
        'auditentry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
        sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('remote', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('detail', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('auditentry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auditentry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_auditentry_action'), ['action'], unique=False)
    # Append-only in the database itself, whatever code or console touches it.
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(_PG_FUNCTION)
        op.execute("CREATE TRIGGER auditentry_append_only BEFORE UPDATE OR DELETE ON auditentry "
                   "FOR EACH ROW EXECUTE FUNCTION auditentry_append_only()")
    else:
        for event in ('UPDATE', 'DELETE'):
            op.execute(f"CREATE TRIGGER auditentry_no_{event.lower()} BEFORE {event} ON auditentry "
                       "BEGIN SELECT RAISE(ABORT, 'auditentry is append-only'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER auditentry_append_only ON auditentry")
        op.execute("DROP FUNCTION auditentry_append_only()")
    else:
        op.execute("DROP TRIGGER auditentry_no_update")
        op.execute("DROP TRIGGER auditentry_no_delete")
    with op.batch_alter_table('auditentry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auditentry_action'))
        batch_op.drop_index(batch_op.f('ix_auditentry_at'))
    op.drop_table('auditentry')
