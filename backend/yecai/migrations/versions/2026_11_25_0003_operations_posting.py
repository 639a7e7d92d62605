"""operations and posting

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 12:35:09.824026+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import yecai.db

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("code", name=op.f("uq_customer_code")),
    )
    op.create_table(
        "posting_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("current_version_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_rule")),
        sa.UniqueConstraint("code", name=op.f("uq_posting_rule_code")),
    )
    with op.batch_alter_table("posting_rule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posting_rule_event_type"), ["event_type"], unique=False)

    op.create_table(
        "product_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_category")),
        sa.UniqueConstraint("code", name=op.f("uq_product_category_code")),
    )
    op.create_table(
        "supplier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier")),
        sa.UniqueConstraint("code", name=op.f("uq_supplier_code")),
    )
    op.create_table(
        "warehouse",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouse")),
        sa.UniqueConstraint("code", name=op.f("uq_warehouse_code")),
    )
    op.create_table(
        "product",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["product_category.id"],
            name=op.f("fk_product_category_id_product_category"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
        sa.UniqueConstraint("code", name=op.f("uq_product_code")),
    )
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_category_id"), ["category_id"], unique=False)

    op.create_table(
        "customer_receipt",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("amount", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "DRAFT",
                "OPEN",
                "PARTIAL",
                "DONE",
                "SUBMITTED",
                "APPROVED",
                "REJECTED",
                "CANCELLED",
                name="documentstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_customer_receipt_created_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_customer_receipt_customer_id_customer"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_customer_receipt_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_receipt")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_customer_receipt_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_customer_receipt_number")),
    )
    with op.batch_alter_table("customer_receipt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_receipt_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_customer_receipt_department_id"), ["department_id"], unique=False)

    op.create_table(
        "expense_claim",
        sa.Column("claimant_id", sa.Integer(), nullable=False),
        sa.Column(
            "category",
            sa.Enum("TRAVEL", "OFFICE", "ENTERTAINMENT", name="expensecategory", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("amount", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("approver_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", yecai.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paid_at", yecai.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "DRAFT",
                "OPEN",
                "PARTIAL",
                "DONE",
                "SUBMITTED",
                "APPROVED",
                "REJECTED",
                "CANCELLED",
                name="documentstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["approver_id"],
            ["user_account.id"],
            name=op.f("fk_expense_claim_approver_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["claimant_id"],
            ["user_account.id"],
            name=op.f("fk_expense_claim_claimant_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_expense_claim_created_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_expense_claim_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expense_claim")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_expense_claim_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_expense_claim_number")),
    )
    with op.batch_alter_table("expense_claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_expense_claim_claimant_id"), ["claimant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_expense_claim_department_id"), ["department_id"], unique=False)

    op.create_table(
        "posting_rule_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("published_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["user_account.id"],
            name=op.f("fk_posting_rule_version_published_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["posting_rule.id"],
            name=op.f("fk_posting_rule_version_rule_id_posting_rule"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_rule_version")),
        sa.UniqueConstraint("rule_id", "version", name=op.f("uq_posting_rule_version_rule_id_version")),
    )
    with op.batch_alter_table("posting_rule_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posting_rule_version_rule_id"), ["rule_id"], unique=False)

    op.create_table(
        "purchase_receipt",
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("supplier_invoice_no", sa.String(length=40), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "DRAFT",
                "OPEN",
                "PARTIAL",
                "DONE",
                "SUBMITTED",
                "APPROVED",
                "REJECTED",
                "CANCELLED",
                name="documentstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_purchase_receipt_created_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_purchase_receipt_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["supplier.id"], name=op.f("fk_purchase_receipt_supplier_id_supplier"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_purchase_receipt_warehouse_id_warehouse"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_receipt")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_purchase_receipt_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_purchase_receipt_number")),
    )
    with op.batch_alter_table("purchase_receipt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_purchase_receipt_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_purchase_receipt_supplier_id"), ["supplier_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_purchase_receipt_supplier_invoice_no"), ["supplier_invoice_no"], unique=False
        )

    op.create_table(
        "sales_order",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("copied_from_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "DRAFT",
                "OPEN",
                "PARTIAL",
                "DONE",
                "SUBMITTED",
                "APPROVED",
                "REJECTED",
                "CANCELLED",
                name="documentstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["copied_from_id"],
            ["sales_order.id"],
            name=op.f("fk_sales_order_copied_from_id_sales_order"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_sales_order_created_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_sales_order_customer_id_customer"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_sales_order_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_order")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_sales_order_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_sales_order_number")),
    )
    with op.batch_alter_table("sales_order", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_order_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_order_department_id"), ["department_id"], unique=False)

    op.create_table(
        "stock_balance",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("value", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_stock_balance_product_id_product"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_stock_balance_warehouse_id_warehouse"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("product_id", "warehouse_id", name=op.f("pk_stock_balance")),
    )
    op.create_table(
        "stock_move",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("value", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("balance_quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("balance_value", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("source_type", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("source_line_id", sa.Integer(), nullable=False),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_stock_move_product_id_product"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouse.id"], name=op.f("fk_stock_move_warehouse_id_warehouse"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_move")),
    )
    with op.batch_alter_table("stock_move", schema=None) as batch_op:
        batch_op.create_index("ix_stock_move_product", ["product_id", "warehouse_id", "id"], unique=False)
        batch_op.create_index("ix_stock_move_source", ["source_type", "source_id"], unique=False)

    op.create_table(
        "supplier_payment",
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("amount", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "DRAFT",
                "OPEN",
                "PARTIAL",
                "DONE",
                "SUBMITTED",
                "APPROVED",
                "REJECTED",
                "CANCELLED",
                name="documentstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_supplier_payment_created_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_supplier_payment_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["supplier.id"], name=op.f("fk_supplier_payment_supplier_id_supplier"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_payment")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_supplier_payment_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_supplier_payment_number")),
    )
    with op.batch_alter_table("supplier_payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supplier_payment_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_supplier_payment_supplier_id"), ["supplier_id"], unique=False)

    op.create_table(
        "purchase_receipt_line",
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("unit_price", yecai.db.Fixed(precision=24, scale=6), nullable=False),
        sa.Column("tax_rate", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("net", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("tax", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("gross", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_purchase_receipt_line_product_id_product"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["receipt_id"],
            ["purchase_receipt.id"],
            name=op.f("fk_purchase_receipt_line_receipt_id_purchase_receipt"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_receipt_line")),
        sa.UniqueConstraint("receipt_id", "line_no", name=op.f("uq_purchase_receipt_line_receipt_id_line_no")),
    )
    op.create_table(
        "sales_delivery",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "DRAFT",
                "OPEN",
                "PARTIAL",
                "DONE",
                "SUBMITTED",
                "APPROVED",
                "REJECTED",
                "CANCELLED",
                name="documentstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_sales_delivery_created_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_sales_delivery_customer_id_customer"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_sales_delivery_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["sales_order.id"], name=op.f("fk_sales_delivery_order_id_sales_order"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_sales_delivery_warehouse_id_warehouse"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_delivery")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_sales_delivery_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_sales_delivery_number")),
    )
    with op.batch_alter_table("sales_delivery", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_delivery_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_delivery_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_delivery_order_id"), ["order_id"], unique=False)

    op.create_table(
        "sales_order_line",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("delivered_quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("returned_quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("unit_price", yecai.db.Fixed(precision=24, scale=6), nullable=False),
        sa.Column("tax_rate", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("net", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("tax", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("gross", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["sales_order.id"], name=op.f("fk_sales_order_line_order_id_sales_order"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_sales_order_line_product_id_product"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_order_line")),
        sa.UniqueConstraint("order_id", "line_no", name=op.f("uq_sales_order_line_order_id_line_no")),
    )
    op.create_table(
        "posting_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("rule_version_id", sa.Integer(), nullable=False),
        sa.Column("source_type", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("voucher_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["posting_rule.id"], name=op.f("fk_posting_record_rule_id_posting_rule"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["rule_version_id"],
            ["posting_rule_version.id"],
            name=op.f("fk_posting_record_rule_version_id_posting_rule_version"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["voucher_id"], ["voucher.id"], name=op.f("fk_posting_record_voucher_id_voucher"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_record")),
        sa.UniqueConstraint(
            "rule_id", "source_type", "source_id", name=op.f("uq_posting_record_rule_id_source_type_source_id")
        ),
    )
    with op.batch_alter_table("posting_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posting_record_voucher_id"), ["voucher_id"], unique=False)

    op.create_table(
        "sales_delivery_line",
        sa.Column("delivery_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("cost", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("returned_quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("unit_price", yecai.db.Fixed(precision=24, scale=6), nullable=False),
        sa.Column("tax_rate", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("net", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("tax", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("gross", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["sales_delivery.id"],
            name=op.f("fk_sales_delivery_line_delivery_id_sales_delivery"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["sales_order_line.id"],
            name=op.f("fk_sales_delivery_line_order_line_id_sales_order_line"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_sales_delivery_line_product_id_product"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_delivery_line")),
        sa.UniqueConstraint("delivery_id", "line_no", name=op.f("uq_sales_delivery_line_delivery_id_line_no")),
    )
    op.create_table(
        "sales_return",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("delivery_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "DRAFT",
                "OPEN",
                "PARTIAL",
                "DONE",
                "SUBMITTED",
                "APPROVED",
                "REJECTED",
                "CANCELLED",
                name="documentstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_sales_return_created_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_sales_return_customer_id_customer"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["sales_delivery.id"],
            name=op.f("fk_sales_return_delivery_id_sales_delivery"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_sales_return_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["sales_order.id"], name=op.f("fk_sales_return_order_id_sales_order"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"], ["warehouse.id"], name=op.f("fk_sales_return_warehouse_id_warehouse"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_return")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_sales_return_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_sales_return_number")),
    )
    with op.batch_alter_table("sales_return", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_return_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_return_delivery_id"), ["delivery_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_return_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_return_order_id"), ["order_id"], unique=False)

    op.create_table(
        "sales_return_line",
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("delivery_line_id", sa.Integer(), nullable=False),
        sa.Column("cost", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("unit_price", yecai.db.Fixed(precision=24, scale=6), nullable=False),
        sa.Column("tax_rate", yecai.db.Fixed(precision=22, scale=4), nullable=False),
        sa.Column("net", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("tax", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.Column("gross", yecai.db.Fixed(precision=20, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["delivery_line_id"],
            ["sales_delivery_line.id"],
            name=op.f("fk_sales_return_line_delivery_line_id_sales_delivery_line"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_sales_return_line_product_id_product"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["sales_return.id"],
            name=op.f("fk_sales_return_line_return_id_sales_return"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_return_line")),
        sa.UniqueConstraint("return_id", "line_no", name=op.f("uq_sales_return_line_return_id_line_no")),
    )


def downgrade() -> None:
    op.drop_table("sales_return_line")
    with op.batch_alter_table("sales_return", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_return_order_id"))
        batch_op.drop_index(batch_op.f("ix_sales_return_department_id"))
        batch_op.drop_index(batch_op.f("ix_sales_return_delivery_id"))
        batch_op.drop_index(batch_op.f("ix_sales_return_customer_id"))

    op.drop_table("sales_return")
    op.drop_table("sales_delivery_line")
    with op.batch_alter_table("posting_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_record_voucher_id"))

    op.drop_table("posting_record")
    op.drop_table("sales_order_line")
    with op.batch_alter_table("sales_delivery", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_delivery_order_id"))
        batch_op.drop_index(batch_op.f("ix_sales_delivery_department_id"))
        batch_op.drop_index(batch_op.f("ix_sales_delivery_customer_id"))

    op.drop_table("sales_delivery")
    op.drop_table("purchase_receipt_line")
    with op.batch_alter_table("supplier_payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_payment_supplier_id"))
        batch_op.drop_index(batch_op.f("ix_supplier_payment_department_id"))

    op.drop_table("supplier_payment")
    with op.batch_alter_table("stock_move", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_move_source")
        batch_op.drop_index("ix_stock_move_product")

    op.drop_table("stock_move")
    op.drop_table("stock_balance")
    with op.batch_alter_table("sales_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_order_department_id"))
        batch_op.drop_index(batch_op.f("ix_sales_order_customer_id"))

    op.drop_table("sales_order")
    with op.batch_alter_table("purchase_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_supplier_invoice_no"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_supplier_id"))
        batch_op.drop_index(batch_op.f("ix_purchase_receipt_department_id"))

    op.drop_table("purchase_receipt")
    with op.batch_alter_table("posting_rule_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_rule_version_rule_id"))

    op.drop_table("posting_rule_version")
    with op.batch_alter_table("expense_claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_expense_claim_department_id"))
        batch_op.drop_index(batch_op.f("ix_expense_claim_claimant_id"))

    op.drop_table("expense_claim")
    with op.batch_alter_table("customer_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_receipt_department_id"))
        batch_op.drop_index(batch_op.f("ix_customer_receipt_customer_id"))

    op.drop_table("customer_receipt")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_category_id"))

    op.drop_table("product")
    op.drop_table("warehouse")
    op.drop_table("supplier")
    op.drop_table("product_category")
    with op.batch_alter_table("posting_rule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_rule_event_type"))

    op.drop_table("posting_rule")
    op.drop_table("customer")
