"""Tables of business operations: master data, documents with lines, stock balances and moves."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, Enum, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, Fixed, Money, Quantity, UTCDateTime, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=20, validate_strings=True)


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Supplier(Base):
    __tablename__ = "supplier"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProductCategory(Base):
    """A product category; posting rules map categories to revenue and cost accounts."""

    __tablename__ = "product_category"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category_id: Mapped[int] = mapped_column(ForeignKey("product_category.id", ondelete="RESTRICT"), index=True)
    unit: Mapped[str] = mapped_column(String(20), default="件")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Warehouse(Base):
    __tablename__ = "warehouse"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class StockBalance(Base):
    """On-hand quantity and value of a product in a warehouse (moving weighted average)."""

    __tablename__ = "stock_balance"

    product_id: Mapped[int] = mapped_column(ForeignKey("product.id", ondelete="RESTRICT"), primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id", ondelete="RESTRICT"), primary_key=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    value: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))


class StockMove(Base):
    """One movement of stock, caused by a document line."""

    __tablename__ = "stock_move"
    __table_args__ = (Index("ix_stock_move_source", "source_type", "source_id"),
                      Index("ix_stock_move_product", "product_id", "warehouse_id", "id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id", ondelete="RESTRICT"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id", ondelete="RESTRICT"))
    date: Mapped[date] = mapped_column(Date)
    quantity: Mapped[Decimal] = mapped_column(Quantity())  # + in, - out
    value: Mapped[Decimal] = mapped_column(Money())  # + in, - out, at cost
    balance_quantity: Mapped[Decimal] = mapped_column(Quantity())
    balance_value: Mapped[Decimal] = mapped_column(Money())
    source_type: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[int] = mapped_column(Integer)
    source_line_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DocumentState(enum.StrEnum):
    DRAFT = "DRAFT"
    OPEN = "OPEN"  # confirmed, waiting for what follows (delivery, payment, approval)
    PARTIAL = "PARTIAL"  # partly delivered
    DONE = "DONE"  # completed (received, delivered, paid)
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"


class _Document:
    """Columns every document has: a number, a date, an owner department and who created it."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    date: Mapped[date] = mapped_column(Date)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    state: Mapped[DocumentState] = mapped_column(_enum(DocumentState))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class _PricedLine:
    """Columns of a line with goods at a net unit price and a VAT rate (tax per line, rounded half-up)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id", ondelete="RESTRICT"))
    quantity: Mapped[Decimal] = mapped_column(Quantity())
    unit_price: Mapped[Decimal] = mapped_column(Fixed(6))
    tax_rate: Mapped[Decimal] = mapped_column(Fixed(4))
    net: Mapped[Decimal] = mapped_column(Money())
    tax: Mapped[Decimal] = mapped_column(Money())
    gross: Mapped[Decimal] = mapped_column(Money())


class PurchaseReceipt(_Document, Base):
    """采购入库: goods received from a supplier, on credit."""

    __tablename__ = "purchase_receipt"

    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id", ondelete="RESTRICT"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id", ondelete="RESTRICT"))
    supplier_invoice_no: Mapped[str | None] = mapped_column(String(40), index=True)


class PurchaseReceiptLine(_PricedLine, Base):
    __tablename__ = "purchase_receipt_line"
    __table_args__ = (UniqueConstraint("receipt_id", "line_no"),)

    receipt_id: Mapped[int] = mapped_column(ForeignKey("purchase_receipt.id", ondelete="RESTRICT"))


class SalesOrder(_Document, Base):
    """销售订单: what a customer ordered; delivered in one or more deliveries."""

    __tablename__ = "sales_order"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"), index=True)
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("sales_order.id", ondelete="RESTRICT"))


class SalesOrderLine(_PricedLine, Base):
    __tablename__ = "sales_order_line"
    __table_args__ = (UniqueConstraint("order_id", "line_no"),)

    order_id: Mapped[int] = mapped_column(ForeignKey("sales_order.id", ondelete="RESTRICT"))
    delivered_quantity: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    returned_quantity: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))


class SalesDelivery(_Document, Base):
    """发货: goods leaving a warehouse against an order; it creates the receivable."""

    __tablename__ = "sales_delivery"

    order_id: Mapped[int] = mapped_column(ForeignKey("sales_order.id", ondelete="RESTRICT"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id", ondelete="RESTRICT"))


class SalesDeliveryLine(_PricedLine, Base):
    __tablename__ = "sales_delivery_line"
    __table_args__ = (UniqueConstraint("delivery_id", "line_no"),)

    delivery_id: Mapped[int] = mapped_column(ForeignKey("sales_delivery.id", ondelete="RESTRICT"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("sales_order_line.id", ondelete="RESTRICT"))
    cost: Mapped[Decimal] = mapped_column(Money())  # at the moving average when delivered
    returned_quantity: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))


class SalesReturn(_Document, Base):
    """销售退货: goods coming back against a delivery, at the cost recorded when delivered."""

    __tablename__ = "sales_return"

    order_id: Mapped[int] = mapped_column(ForeignKey("sales_order.id", ondelete="RESTRICT"), index=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("sales_delivery.id", ondelete="RESTRICT"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id", ondelete="RESTRICT"))


class SalesReturnLine(_PricedLine, Base):
    __tablename__ = "sales_return_line"
    __table_args__ = (UniqueConstraint("return_id", "line_no"),)

    return_id: Mapped[int] = mapped_column(ForeignKey("sales_return.id", ondelete="RESTRICT"))
    delivery_line_id: Mapped[int] = mapped_column(ForeignKey("sales_delivery_line.id", ondelete="RESTRICT"))
    cost: Mapped[Decimal] = mapped_column(Money())


class CustomerReceipt(_Document, Base):
    """收款: money from a customer into the bank, applied to open receivables."""

    __tablename__ = "customer_receipt"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"), index=True)
    amount: Mapped[Decimal] = mapped_column(Money())


class SupplierPayment(_Document, Base):
    """付款: money paid to a supplier against open payables."""

    __tablename__ = "supplier_payment"

    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id", ondelete="RESTRICT"), index=True)
    amount: Mapped[Decimal] = mapped_column(Money())


class ExpenseCategory(enum.StrEnum):
    TRAVEL = "TRAVEL"  # 差旅费
    OFFICE = "OFFICE"  # 办公费
    ENTERTAINMENT = "ENTERTAINMENT"  # 业务招待费


class ExpenseClaim(_Document, Base):
    """费用报销: an employee's claim, approved by the department manager, then paid."""

    __tablename__ = "expense_claim"

    claimant_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    category: Mapped[ExpenseCategory] = mapped_column(_enum(ExpenseCategory))
    amount: Mapped[Decimal] = mapped_column(Money())
    description: Mapped[str] = mapped_column(String(500))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paid_on: Mapped[date | None] = mapped_column(Date)  # the payment's date, which its voucher carries


class OpenItemApplication(Base):
    """How much of a receipt or payment settles which open item (a delivery's or a receipt's amount due)."""

    __tablename__ = "open_item_application"
    __table_args__ = (Index("ix_open_item_application_item", "item_type", "item_id"),
                      Index("ix_open_item_application_payment", "payment_type", "payment_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_type: Mapped[str] = mapped_column(String(40))  # customer_receipt | supplier_payment
    payment_id: Mapped[int] = mapped_column(Integer)
    item_type: Mapped[str] = mapped_column(String(40))  # sales_delivery | purchase_receipt
    item_id: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money())


class IdempotencyRecord(Base):
    """That one actor's call of one operation with one idempotency key made a document (幂等记录).

    Scoped to the actor and the operation, as Stripe scopes keys to an account: another user's key
    is another key. The request's digest refuses the same key for a different request; a record
    older than a day no longer counts.
    """

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("actor", "operation", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor: Mapped[str] = mapped_column(String(80))  # user:<id>, or system:<name> for commands and seeds
    operation: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(80))
    request_digest: Mapped[str | None] = mapped_column(String(64))  # null for records from before digests
    document_type: Mapped[str | None] = mapped_column(String(40))
    document_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
