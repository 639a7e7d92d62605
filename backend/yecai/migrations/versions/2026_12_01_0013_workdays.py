"""workdays: the work calendar's marked days (public holidays, make-up working days)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 20:30:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import yecai.db

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('work_calendar_day',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('HOLIDAY', 'WORKDAY', 'ORDINARY', name='daykind', native_enum=False, length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('source', sa.Enum('SEEDED', 'EDITED', name='daysource', native_enum=False, length=20), nullable=False),
    sa.Column('created_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', yecai.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_calendar_day')),
    sa.UniqueConstraint('day', name=op.f('uq_work_calendar_day_day'))
    )


def downgrade() -> None:
    op.drop_table('work_calendar_day')
