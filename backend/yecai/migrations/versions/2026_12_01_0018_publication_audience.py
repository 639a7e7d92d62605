"""publication_audience: a publication's frozen audience as rows, so lists filter as the policy decides

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 23:55:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('publication_audience',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('publication_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('DEPARTMENT', 'ROLE', 'USER', name='audiencekind', native_enum=False, length=40), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('role_code', sa.String(length=64), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['publication_id'], ['publication.id'], name=op.f('fk_publication_audience_publication_id_publication'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publication_audience'))
    )
    with op.batch_alter_table('publication_audience', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_publication_audience_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_publication_audience_publication_id'), ['publication_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_publication_audience_role_code'), ['role_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_publication_audience_user_id'), ['user_id'], unique=False)
    # The publications already published: their frozen audience (JSON) as rows.
    bind = op.get_bind()
    publication = sa.table('publication', sa.column('id', sa.Integer()), sa.column('audience', sa.JSON()),
                           sa.column('state', sa.String()))
    audience = sa.table('publication_audience', sa.column('publication_id', sa.Integer()), sa.column('kind', sa.String()),
                        sa.column('department_id', sa.Integer()), sa.column('role_code', sa.String()),
                        sa.column('user_id', sa.Integer()))
    rows = []
    for pid, value in bind.execute(sa.select(publication.c.id, publication.c.audience)
                                   .where(publication.c.state == 'PUBLISHED')):
        value = value or {}
        rows += [dict(publication_id=pid, kind='DEPARTMENT', department_id=d, role_code=None, user_id=None)
                 for d in value.get('departments', ())]
        rows += [dict(publication_id=pid, kind='ROLE', department_id=None, role_code=r, user_id=None)
                 for r in value.get('roles', ())]
        rows += [dict(publication_id=pid, kind='USER', department_id=None, role_code=None, user_id=u)
                 for u in value.get('users', ())]
    if rows:
        op.bulk_insert(audience, rows)


def downgrade() -> None:
    with op.batch_alter_table('publication_audience', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_publication_audience_user_id'))
        batch_op.drop_index(batch_op.f('ix_publication_audience_role_code'))
        batch_op.drop_index(batch_op.f('ix_publication_audience_publication_id'))
        batch_op.drop_index(batch_op.f('ix_publication_audience_department_id'))
    op.drop_table('publication_audience')
