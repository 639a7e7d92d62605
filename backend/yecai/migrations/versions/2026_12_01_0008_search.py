"""search: the outbox of changes to index, the worker's lease and state, recent searches, searches that found nothing

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 13:11:38.587679+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import yecai.db

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('search_miss',
    sa.Column('query', sa.String(length=100), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('last_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('query', name=op.f('pk_search_miss'))
    )
    op.create_table('search_outbox',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('created_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_outbox'))
    )
    op.create_table('search_worker',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('holder', sa.String(length=80), nullable=True),
    sa.Column('lease_until', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('applied', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('last_applied_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_search_worker'))
    )
    op.create_table('recent_search',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('query', sa.String(length=100), nullable=False),
    sa.Column('searched_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_recent_search_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recent_search')),
    sa.UniqueConstraint('user_id', 'query', name=op.f('uq_recent_search_user_id_query'))
    )
    with op.batch_alter_table('recent_search', schema=None) as batch_op:
        batch_op.create_index('ix_recent_search_user_at', ['user_id', 'searched_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('recent_search', schema=None) as batch_op:
        batch_op.drop_index('ix_recent_search_user_at')

    op.drop_table('recent_search')
    op.drop_table('search_worker')
    op.drop_table('search_outbox')
    op.drop_table('search_miss')
