"""Events business documents publish; the posting domain listens and writes the vouchers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PurchaseReceived:
    receipt_id: int


@dataclass(frozen=True)
class SalesDelivered:
    delivery_id: int


@dataclass(frozen=True)
class SalesReturned:
    return_id: int


@dataclass(frozen=True)
class CustomerReceiptRecorded:
    receipt_id: int


@dataclass(frozen=True)
class SupplierPaymentRecorded:
    payment_id: int


@dataclass(frozen=True)
class ExpenseClaimPaid:
    claim_id: int
