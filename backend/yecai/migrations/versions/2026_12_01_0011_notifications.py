"""notifications: each user's notifications and settings per kind and channel; the scheduler's job_run

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 16:25:00.944193+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import yecai.db

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('job_run',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('last_node', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('runs', sa.Integer(), nullable=False),
    sa.Column('last_started_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_finished_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_result', sa.Text(), nullable=True),
    sa.Column('holder', sa.String(length=80), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_job_run'))
    )
    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('subject_id', sa.String(length=120), nullable=True),
    sa.Column('in_portal', sa.Boolean(), nullable=False),
    sa.Column('created_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('read_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('email_state', sa.String(length=10), nullable=False),
    sa.Column('email_attempts', sa.Integer(), nullable=False),
    sa.Column('email_next_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('email_sent_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('email_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['recipient_id'], ['user_account.id'], name=op.f('fk_notification_recipient_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index('ix_notification_email', ['email_state', 'email_next_at'], unique=False)
        batch_op.create_index('ix_notification_recipient_read', ['recipient_id', 'in_portal', 'read_at', 'id'], unique=False)

    op.create_table('notification_setting',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_notification_setting_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'kind', 'channel', name=op.f('pk_notification_setting'))
    )


def downgrade() -> None:
    op.drop_table('notification_setting')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index('ix_notification_recipient_read')
        batch_op.drop_index('ix_notification_email')

    op.drop_table('notification')
    op.drop_table('job_run')
