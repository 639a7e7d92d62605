"""Tables of the books: chart of accounts, fiscal periods, vouchers and their lines."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, Enum, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, Money, UTCDateTime, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=20, validate_strings=True)


class AccountType(enum.StrEnum):
    """Categories of 企业会计准则 accounts."""

    ASSET = "ASSET"  # 资产类
    LIABILITY = "LIABILITY"  # 负债类
    EQUITY = "EQUITY"  # 所有者权益类
    COST = "COST"  # 成本类
    PROFIT_LOSS = "PROFIT_LOSS"  # 损益类


class Direction(enum.StrEnum):
    """The side an account's balance normally sits on (余额方向)."""

    DEBIT = "DEBIT"  # 借
    CREDIT = "CREDIT"  # 贷


class Dimension(enum.StrEnum):
    """Auxiliary dimensions (辅助核算) a voucher line may carry."""

    CUSTOMER = "CUSTOMER"
    SUPPLIER = "SUPPLIER"
    DEPARTMENT = "DEPARTMENT"
    PROJECT = "PROJECT"
    PRODUCT = "PRODUCT"


class Account(Base):
    """An account of the chart of accounts (会计科目)."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    type: Mapped[AccountType] = mapped_column(_enum(AccountType))
    direction: Mapped[Direction] = mapped_column(_enum(Direction))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"), index=True)
    # Dimension names (see Dimension) every line on this account must carry.
    dimensions: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class PeriodStatus(enum.StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class FiscalPeriod(Base):
    """A month of the books (会计期间); vouchers are dated inside an open one."""

    __tablename__ = "fiscal_period"
    __table_args__ = (
        UniqueConstraint("year", "month"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(7), unique=True)  # "2026-11"
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    status: Mapped[PeriodStatus] = mapped_column(_enum(PeriodStatus), default=PeriodStatus.OPEN)
    # The last voucher number handed out in this period (记-0001, 记-0002 ...).
    last_voucher_number: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))


class VoucherState(enum.StrEnum):
    DRAFT = "DRAFT"  # 草稿
    REVIEWED = "REVIEWED"  # 已审核
    POSTED = "POSTED"  # 已记账


class VoucherOrigin(enum.StrEnum):
    MANUAL = "MANUAL"  # 手工凭证
    RULE = "RULE"  # 由记账规则生成
    REVERSAL = "REVERSAL"  # 冲销凭证


class Voucher(Base):
    """A balanced journal entry (记账凭证): word and number per period, date, summary, lines."""

    __tablename__ = "voucher"
    __table_args__ = (
        UniqueConstraint("period_id", "word", "number"),
        CheckConstraint("state <> 'POSTED' OR (total_debit = total_credit AND total_debit > 0)", name="posted_balances"),
        Index("ix_voucher_source", "source_type", "source_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("fiscal_period.id", ondelete="RESTRICT"), index=True)
    word: Mapped[str] = mapped_column(String(4), default="记")
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(String(200))
    state: Mapped[VoucherState] = mapped_column(_enum(VoucherState), default=VoucherState.DRAFT)
    origin: Mapped[VoucherOrigin] = mapped_column(_enum(VoucherOrigin), default=VoucherOrigin.MANUAL)
    # Kept equal to the sums of the lines by the database itself (see the migration's triggers).
    total_debit: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    total_credit: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    preparer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    poster_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reversal_of_id: Mapped[int | None] = mapped_column(ForeignKey("voucher.id", ondelete="RESTRICT"), unique=True)
    # The business document behind a voucher made by a posting rule (lineage).
    source_type: Mapped[str | None] = mapped_column(String(40))
    source_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class VoucherLine(Base):
    """One line (分录) of a voucher: an account, a debit or a credit, dimensions and its source."""

    __tablename__ = "voucher_line"
    __table_args__ = (
        UniqueConstraint("voucher_id", "line_no"),
        CheckConstraint("debit >= 0 AND credit >= 0", name="non_negative"),
        CheckConstraint("(debit = 0) <> (credit = 0)", name="one_side"),
        Index("ix_voucher_line_account", "account_id", "voucher_id"),
        Index("ix_voucher_line_source", "source_type", "source_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id", ondelete="RESTRICT"))
    line_no: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="RESTRICT"))
    debit: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    credit: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    customer_id: Mapped[int | None] = mapped_column(Integer, index=True)
    supplier_id: Mapped[int | None] = mapped_column(Integer, index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"))
    product_id: Mapped[int | None] = mapped_column(Integer, index=True)
    project: Mapped[str | None] = mapped_column(String(64))
    # Lineage: the document line and the rule version a generated line came from.
    source_type: Mapped[str | None] = mapped_column(String(40))
    source_id: Mapped[int | None] = mapped_column(Integer)
    source_line_id: Mapped[int | None] = mapped_column(Integer)
    rule_version_id: Mapped[int | None] = mapped_column(Integer, index=True)

    def dimension_values(self) -> dict[str, Any]:
        return {"CUSTOMER": self.customer_id, "SUPPLIER": self.supplier_id, "DEPARTMENT": self.department_id,
                "PRODUCT": self.product_id, "PROJECT": self.project}
