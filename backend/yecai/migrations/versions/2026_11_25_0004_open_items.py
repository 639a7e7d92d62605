"""open item applications

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 13:11:20.571555+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import yecai.db

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "open_item_application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_type", sa.String(length=40), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("item_type", sa.String(length=40), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("amount", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open_item_application")),
    )
    with op.batch_alter_table("open_item_application", schema=None) as batch_op:
        batch_op.create_index("ix_open_item_application_item", ["item_type", "item_id"], unique=False)
        batch_op.create_index("ix_open_item_application_payment", ["payment_type", "payment_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("open_item_application", schema=None) as batch_op:
        batch_op.drop_index("ix_open_item_application_payment")
        batch_op.drop_index("ix_open_item_application_item")

    op.drop_table("open_item_application")
