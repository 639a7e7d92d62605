"""sharing: sharing rules with their audience, publications, receipts and feedback

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 20:22:21.126569+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import yecai.db

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sharing_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('responsible_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=True),
    sa.Column('recurrence', sa.String(length=500), nullable=False),
    sa.Column('starts_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('working_days', sa.Boolean(), nullable=False),
    sa.Column('deadline_minutes', sa.Integer(), nullable=False),
    sa.Column('email', sa.Boolean(), nullable=False),
    sa.Column('requires_acknowledgement', sa.Boolean(), nullable=False),
    sa.Column('requires_answer', sa.Boolean(), nullable=False),
    sa.Column('snapshot_kind', sa.Enum('RECEIVABLES_BY_CUSTOMER', 'STOCK_BY_WAREHOUSE', 'TRIAL_BALANCE', name='snapshotkind', native_enum=False, length=40), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('next_node_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_sharing_rule_created_by_id_user_account'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_sharing_rule_department_id_department'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['deputy_id'], ['user_account.id'], name=op.f('fk_sharing_rule_deputy_id_user_account'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['responsible_id'], ['user_account.id'], name=op.f('fk_sharing_rule_responsible_id_user_account'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_rule'))
    )
    with op.batch_alter_table('sharing_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_rule_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sharing_rule_deputy_id'), ['deputy_id'], unique=False)
        batch_op.create_index('ix_sharing_rule_next_node', ['active', 'next_node_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_sharing_rule_responsible_id'), ['responsible_id'], unique=False)

    op.create_table('publication',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('time_node', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deadline', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('state', sa.Enum('DUE', 'PUBLISHED', 'MISSED', name='publicationstate', native_enum=False, length=40), nullable=False),
    sa.Column('timeliness', sa.Enum('ON_TIME', 'LATE', name='timeliness', native_enum=False, length=40), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('responsible_id', sa.Integer(), nullable=False),
    sa.Column('deputy_id', sa.Integer(), nullable=True),
    sa.Column('audience', sa.JSON(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('snapshot_kind', sa.Enum('RECEIVABLES_BY_CUSTOMER', 'STOCK_BY_WAREHOUSE', 'TRIAL_BALANCE', name='snapshotkind', native_enum=False, length=40), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=True),
    sa.Column('published_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('missed_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_publication_department_id_department'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['deputy_id'], ['user_account.id'], name=op.f('fk_publication_deputy_id_user_account'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['published_by_id'], ['user_account.id'], name=op.f('fk_publication_published_by_id_user_account'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['responsible_id'], ['user_account.id'], name=op.f('fk_publication_responsible_id_user_account'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['rule_id'], ['sharing_rule.id'], name=op.f('fk_publication_rule_id_sharing_rule'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publication')),
    sa.UniqueConstraint('rule_id', 'time_node', name=op.f('uq_publication_rule_id_time_node'))
    )
    with op.batch_alter_table('publication', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_publication_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_publication_deputy_id'), ['deputy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_publication_responsible_id'), ['responsible_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_publication_rule_id'), ['rule_id'], unique=False)
        batch_op.create_index('ix_publication_state_deadline', ['state', 'deadline'], unique=False)

    op.create_table('sharing_audience',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('DEPARTMENT', 'ROLE', 'USER', name='audiencekind', native_enum=False, length=40), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('role_code', sa.String(length=64), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_sharing_audience_department_id_department'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['rule_id'], ['sharing_rule.id'], name=op.f('fk_sharing_audience_rule_id_sharing_rule'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_sharing_audience_user_id_user_account'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_audience')),
    sa.UniqueConstraint('rule_id', 'kind', 'department_id', 'role_code', 'user_id', name=op.f('uq_sharing_audience_rule_id_kind_department_id_role_code_user_id'))
    )
    with op.batch_alter_table('sharing_audience', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_audience_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sharing_audience_role_code'), ['role_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_sharing_audience_rule_id'), ['rule_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sharing_audience_user_id'), ['user_id'], unique=False)

    op.create_table('publication_receipt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('publication_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('acknowledged_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_publication_receipt_department_id_department'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['publication_id'], ['publication.id'], name=op.f('fk_publication_receipt_publication_id_publication'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_publication_receipt_user_id_user_account'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publication_receipt')),
    sa.UniqueConstraint('publication_id', 'user_id', name=op.f('uq_publication_receipt_publication_id_user_id'))
    )
    with op.batch_alter_table('publication_receipt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_publication_receipt_publication_id'), ['publication_id'], unique=False)
        batch_op.create_index('ix_publication_receipt_user', ['user_id', 'acknowledged_at'], unique=False)

    op.create_table('publication_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('publication_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('question', sa.Boolean(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', yecai.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('action_item_id', sa.Integer(), nullable=True),
    sa.Column('created_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['action_item_id'], ['action_item.id'], name=op.f('fk_publication_feedback_action_item_id_action_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['answered_by_id'], ['user_account.id'], name=op.f('fk_publication_feedback_answered_by_id_user_account'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_publication_feedback_author_id_user_account'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['publication_id'], ['publication.id'], name=op.f('fk_publication_feedback_publication_id_publication'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publication_feedback'))
    )
    with op.batch_alter_table('publication_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_publication_feedback_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_publication_feedback_publication_id'), ['publication_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('publication_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_publication_feedback_publication_id'))
        batch_op.drop_index(batch_op.f('ix_publication_feedback_author_id'))

    op.drop_table('publication_feedback')
    with op.batch_alter_table('publication_receipt', schema=None) as batch_op:
        batch_op.drop_index('ix_publication_receipt_user')
        batch_op.drop_index(batch_op.f('ix_publication_receipt_publication_id'))

    op.drop_table('publication_receipt')
    with op.batch_alter_table('sharing_audience', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_audience_user_id'))
        batch_op.drop_index(batch_op.f('ix_sharing_audience_rule_id'))
        batch_op.drop_index(batch_op.f('ix_sharing_audience_role_code'))
        batch_op.drop_index(batch_op.f('ix_sharing_audience_department_id'))

    op.drop_table('sharing_audience')
    with op.batch_alter_table('publication', schema=None) as batch_op:
        batch_op.drop_index('ix_publication_state_deadline')
        batch_op.drop_index(batch_op.f('ix_publication_rule_id'))
        batch_op.drop_index(batch_op.f('ix_publication_responsible_id'))
        batch_op.drop_index(batch_op.f('ix_publication_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_publication_department_id'))

    op.drop_table('publication')
    with op.batch_alter_table('sharing_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_rule_responsible_id'))
        batch_op.drop_index('ix_sharing_rule_next_node')
        batch_op.drop_index(batch_op.f('ix_sharing_rule_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_sharing_rule_department_id'))

    op.drop_table('sharing_rule')
