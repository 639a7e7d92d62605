"""idempotency records scoped to the actor and the operation

Idempotency keys were a unique column of each document table, global to everyone and looked up
before the policy. They become records per (actor, operation, key) with the request's digest;
the keys documents already carry move into records (without a digest), then the columns go.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import yecai.db

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The document tables that carried a key, and the operation that made their documents.
DOCUMENTS = {
    "purchase_receipt": "create_purchase_receipt",
    "sales_order": "create_sales_order",
    "sales_delivery": "deliver_sales_order",
    "sales_return": "return_sales_order",
    "customer_receipt": "record_customer_receipt",
    "supplier_payment": "record_supplier_payment",
    "expense_claim": "create_expense_claim",
}


def upgrade() -> None:
    op.create_table(
        "idempotency_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("operation", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("request_digest", sa.String(length=64), nullable=True),
        sa.Column("document_type", sa.String(length=40), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_record")),
        sa.UniqueConstraint("actor", "operation", "key", name=op.f("uq_idempotency_record_actor_operation_key")),
    )
    with op.batch_alter_table("idempotency_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_idempotency_record_created_at"), ["created_at"], unique=False)
    for table, operation in DOCUMENTS.items():
        op.execute(sa.text(
            f"INSERT INTO idempotency_record (actor, operation, key, request_digest, document_type, document_id, "
            f"created_at) SELECT 'user:' || CAST(created_by_id AS VARCHAR), '{operation}', idempotency_key, NULL, "
            f"'{table}', id, created_at FROM {table} WHERE idempotency_key IS NOT NULL AND created_by_id IS NOT NULL"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"uq_{table}_idempotency_key", type_="unique")
            batch_op.drop_column("idempotency_key")


def downgrade() -> None:
    for table in DOCUMENTS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("idempotency_key", sa.String(length=80), nullable=True))
            batch_op.create_unique_constraint(f"uq_{table}_idempotency_key", ["idempotency_key"])
    with op.batch_alter_table("idempotency_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idempotency_record_created_at"))
    op.drop_table("idempotency_record")
