"""Data-quality checks (对账): the sub-ledgers kept by documents must equal their accounts in the books."""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai import manifest
from yecai.actor import Actor
from yecai.errors import denied
from yecai.ledger import policies as ledger_policies
from yecai.ledger.models import Account, FiscalPeriod, Voucher, VoucherLine, VoucherState
from yecai.ledger.service import parse_period
from yecai.operations.documents import PURCHASE_RECEIPT
from yecai.operations.models import (
    Customer,
    CustomerReceipt,
    Product,
    PurchaseReceipt,
    PurchaseReceiptLine,
    SalesDelivery,
    SalesDeliveryLine,
    SalesReturn,
    SalesReturnLine,
    StockMove,
    Supplier,
    SupplierPayment,
)
from yecai.posting.models import PostingRecord, PostingRule

ZERO = Decimal("0.00")


@dataclass
class Exception_:
    """One thing that does not match, with the documents to look at."""

    message: str
    expected: Decimal | None = None
    actual: Decimal | None = None
    documents: list[tuple[str, int]] = field(default_factory=list)  # (document type code, id)
    vouchers: list[int] = field(default_factory=list)


class CheckCode(enum.StrEnum):
    RECEIVABLES = "RECEIVABLES"
    PAYABLES = "PAYABLES"
    STOCK = "STOCK"
    UNPOSTED = "UNPOSTED"
    DUPLICATE_INVOICES = "DUPLICATE_INVOICES"
    DIMENSIONS = "DIMENSIONS"


@dataclass
class Check:
    code: CheckCode
    name: str
    exceptions: list[Exception_] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.exceptions


def _end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1)


async def _account_by_dimension(session: AsyncSession, code: str, column: Any, key: int) -> dict[Any, Decimal]:
    """Net debit balance of posted lines on account ``code`` up to the period key, by a dimension."""
    rows = await session.execute(
        select(column, func.sum(VoucherLine.debit), func.sum(VoucherLine.credit))
        .join(Voucher, Voucher.id == VoucherLine.voucher_id).join(FiscalPeriod, FiscalPeriod.id == Voucher.period_id)
        .join(Account, Account.id == VoucherLine.account_id)
        .where(Voucher.state == VoucherState.POSTED, Account.code == code,
               FiscalPeriod.year * 100 + FiscalPeriod.month <= key)
        .group_by(column))
    return {dim: Decimal(d or 0) - Decimal(c or 0) for dim, d, c in rows.all()}


async def _sum_by(session: AsyncSession, stmt: Any) -> dict[Any, Decimal]:
    return {k: Decimal(v or 0) for k, v in (await session.execute(stmt)).all()}


def _compare(check: Check, documents: dict[Any, Decimal], books: dict[Any, Decimal], names: dict[Any, str],
             label: str) -> None:
    for key in sorted(set(documents) | set(books), key=lambda k: (k is None, k)):
        expected, actual = documents.get(key, ZERO), books.get(key, ZERO)
        if expected.quantize(Decimal("0.01")) != actual.quantize(Decimal("0.01")):
            check.exceptions.append(Exception_(
                f"{label} {names.get(key, key if key is not None else '（未填辅助核算）')}：单据 {expected}，账簿 {actual}",
                expected, actual))


async def reconcile(session: AsyncSession, *, actor: Actor, period: str) -> list[Check]:
    """Run every check as of the end of ``period``."""
    if not ledger_policies.can_read(actor):
        raise denied()
    year, month = parse_period(period)
    key, end = year * 100 + month, _end(year, month)
    checks = []

    # Receivables: deliveries less returns less receipts, per customer, against 1122 by customer.
    receivable = Check(CheckCode.RECEIVABLES, "应收账款与客户往来一致")
    owed: dict[Any, Decimal] = defaultdict(Decimal)
    for stmt, sign in (
        (select(SalesDelivery.customer_id, func.sum(SalesDeliveryLine.gross)).join(SalesDeliveryLine)
         .where(SalesDelivery.date < end).group_by(SalesDelivery.customer_id), 1),
        (select(SalesReturn.customer_id, func.sum(SalesReturnLine.gross)).join(SalesReturnLine)
         .where(SalesReturn.date < end).group_by(SalesReturn.customer_id), -1),
        (select(CustomerReceipt.customer_id, func.sum(CustomerReceipt.amount)).where(CustomerReceipt.date < end)
         .group_by(CustomerReceipt.customer_id), -1),
    ):
        for k, value in (await _sum_by(session, stmt)).items():
            owed[k] += sign * value
    customers = {c.id: c.name for c in (await session.execute(select(Customer))).scalars()}
    _compare(receivable, owed, await _account_by_dimension(session, "1122", VoucherLine.customer_id, key), customers,
             "客户")
    checks.append(receivable)

    # Payables: receipts less payments, per supplier, against 2202 by supplier (a credit balance).
    payable = Check(CheckCode.PAYABLES, "应付账款与供应商往来一致")
    due: dict[Any, Decimal] = defaultdict(Decimal)
    for stmt, sign in (
        (select(PurchaseReceipt.supplier_id, func.sum(PurchaseReceiptLine.gross)).join(PurchaseReceiptLine)
         .where(PurchaseReceipt.date < end).group_by(PurchaseReceipt.supplier_id), 1),
        (select(SupplierPayment.supplier_id, func.sum(SupplierPayment.amount)).where(SupplierPayment.date < end)
         .group_by(SupplierPayment.supplier_id), -1),
    ):
        for k, value in (await _sum_by(session, stmt)).items():
            due[k] += sign * value
    books = {k: -v for k, v in (await _account_by_dimension(session, "2202", VoucherLine.supplier_id, key)).items()}
    suppliers = {s.id: s.name for s in (await session.execute(select(Supplier))).scalars()}
    _compare(payable, due, books, suppliers, "供应商")
    checks.append(payable)

    # Stock: value of stock moves per product against 1405 by product.
    stock = Check(CheckCode.STOCK, "库存商品金额与存货明细一致")
    moved = await _sum_by(session, select(StockMove.product_id, func.sum(StockMove.value)).where(
        StockMove.date < end).group_by(StockMove.product_id))
    products = {p.id: p.name for p in (await session.execute(select(Product))).scalars()}
    _compare(stock, moved, await _account_by_dimension(session, "1405", VoucherLine.product_id, key), products, "商品")
    checks.append(stock)

    # Every business event posted by each active rule of its type.
    unposted = Check(CheckCode.UNPOSTED, "业务事件均已生成凭证")
    rules = (await session.execute(select(PostingRule).where(PostingRule.active.is_(True)))).scalars().all()
    for document_type in manifest.document_types():
        rule_ids = {r.id for r in rules if r.event_type == document_type.event_type}
        if not rule_ids:
            continue
        model, source_type = document_type.model, document_type.code
        date_column = getattr(model, document_type.event_date)
        docs = (await session.execute(select(model.id, model.number).where(
            date_column.is_not(None), date_column < end))).all()
        posted = defaultdict(set)
        for rule_id, source_id in (await session.execute(select(PostingRecord.rule_id, PostingRecord.source_id).where(
                PostingRecord.source_type == source_type))).all():
            posted[source_id].add(rule_id)
        for doc_id, number in docs:
            missing = rule_ids - posted[doc_id]
            if missing:
                unposted.exceptions.append(Exception_(f"单据 {number} 有 {len(missing)} 条记账规则未生成凭证",
                                                      documents=[(source_type, doc_id)]))
    checks.append(unposted)

    # No supplier invoice number used twice for one supplier.
    duplicates = Check(CheckCode.DUPLICATE_INVOICES, "供应商发票号不重复")
    rows = (await session.execute(select(PurchaseReceipt.supplier_id, PurchaseReceipt.supplier_invoice_no,
                                         PurchaseReceipt.id, PurchaseReceipt.number)
                                  .where(PurchaseReceipt.supplier_invoice_no.is_not(None))
                                  .order_by(PurchaseReceipt.id))).all()
    seen: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    for supplier_id, invoice, doc_id, number in rows:
        seen[(supplier_id, invoice)].append((doc_id, number))
    for (supplier_id, invoice), docs in seen.items():
        if len(docs) > 1:
            duplicates.exceptions.append(Exception_(
                f"供应商 {suppliers.get(supplier_id, supplier_id)} 的发票号 {invoice} 出现 {len(docs)} 次",
                documents=[(PURCHASE_RECEIPT.code, d) for d, _ in docs]))
    checks.append(duplicates)

    # Required dimensions present on every posted line.
    dims = Check(CheckCode.DIMENSIONS, "必需的辅助核算齐全")
    columns = {"CUSTOMER": VoucherLine.customer_id, "SUPPLIER": VoucherLine.supplier_id,
               "DEPARTMENT": VoucherLine.department_id, "PRODUCT": VoucherLine.product_id,
               "PROJECT": VoucherLine.project}
    for account in (await session.execute(select(Account))).scalars():
        for dimension in account.dimensions or []:
            rows = (await session.execute(
                select(Voucher.id, Voucher.number, VoucherLine.source_type, VoucherLine.source_id)
                .join(VoucherLine, VoucherLine.voucher_id == Voucher.id)
                .where(VoucherLine.account_id == account.id, columns[dimension].is_(None)))).all()
            for voucher_id, number, source_type, source_id in rows:
                dims.exceptions.append(Exception_(
                    f"凭证 记-{number:04d} 的科目 {account.code} 缺少辅助核算 {dimension}",
                    vouchers=[voucher_id], documents=[(source_type, source_id)] if source_type else []))
    checks.append(dims)
    return checks
