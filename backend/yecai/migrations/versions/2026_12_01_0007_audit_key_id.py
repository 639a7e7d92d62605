"""audit: keyed hash chain (the key id of each event; NULL for events hashed before)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 09:00:00.000000+00:00

Events already in the chain keep their plain SHA-256 hashes and a NULL key id: they still
verify, and nothing re-keys them (their hashes are the evidence as it was written). Every event
written from now on is keyed. Stop every worker of the previous version before starting the new
one: an unkeyed event written after a keyed one reads as a rewrite. (Downgrading drops the key
ids; the previous version then reads every keyed event as broken.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("key_id")
