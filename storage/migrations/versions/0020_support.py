"""support requests and staff replies (a person to talk to)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 13:00:00
"""

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'support_request',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('conversation_id', sa.Integer(), sa.ForeignKey('conversation.id'),
                  nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('waiting', sa.Boolean(), nullable=False),
        sa.Column('opened_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('closed_at', UTCDateTime(), nullable=True),
        sa.Column('closed_by', sa.String(length=120), nullable=False),
    )
    op.create_index('ix_support_request_conversation_id', 'support_request',
                    ['conversation_id'])
    op.create_index('ix_support_request_status_updated', 'support_request',
                    ['status', 'updated_at'])
    op.create_table(
        'support_reply',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('request_id', sa.Integer(), sa.ForeignKey('support_request.id'),
                  nullable=False),
        sa.Column('conversation_id', sa.Integer(), sa.ForeignKey('conversation.id'),
                  nullable=False),
        sa.Column('author', sa.String(length=120), nullable=False),
        sa.Column('author_name', sa.String(length=120), nullable=False),
        sa.Column('text', sa.String(length=2000), nullable=False),
        sa.Column('via', sa.String(length=24), nullable=False),
        sa.Column('at', UTCDateTime(), nullable=False),
    )
    op.create_index('ix_support_reply_request_id', 'support_reply', ['request_id'])
    op.create_index('ix_support_reply_conversation_id', 'support_reply', ['conversation_id'])


def downgrade() -> None:
    op.drop_table('support_reply')
    op.drop_table('support_request')
