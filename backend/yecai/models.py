"""Imports every domain: its tables (for Alembic and tests), its permissions and its event listeners."""

from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.auth.models import ApiToken, LoginAttempt, Role, RoleDefaultGrant, RolePermission, User, UserRole
from yecai.db import Base
from yecai.ledger import permissions as _ledger_permissions  # noqa: F401  (registers the books' permissions)
from yecai.ledger.models import Account, FiscalPeriod, Voucher, VoucherLine
from yecai.operations import permissions as _operations_permissions  # noqa: F401
from yecai.operations.models import (
    Customer,
    CustomerReceipt,
    ExpenseClaim,
    Product,
    ProductCategory,
    PurchaseReceipt,
    PurchaseReceiptLine,
    SalesDelivery,
    SalesDeliveryLine,
    SalesOrder,
    SalesOrderLine,
    SalesReturn,
    SalesReturnLine,
    StockBalance,
    StockMove,
    Supplier,
    SupplierPayment,
    Warehouse,
)
from yecai.org.models import Department
from yecai.posting import handlers as _posting_handlers  # noqa: F401  (posts business events)
from yecai.posting import permissions as _posting_permissions  # noqa: F401
from yecai.posting.models import PostingRecord, PostingRule, PostingRuleVersion

__all__ = [
    "Customer", "CustomerReceipt", "ExpenseClaim", "PostingRecord", "PostingRule", "PostingRuleVersion", "Product",
    "ProductCategory", "PurchaseReceipt", "PurchaseReceiptLine", "SalesDelivery", "SalesDeliveryLine", "SalesOrder",
    "SalesOrderLine", "SalesReturn", "SalesReturnLine", "StockBalance", "StockMove", "Supplier", "SupplierPayment",
    "Warehouse",
    "Account", "ApiToken", "AuditChainHead", "AuditEvent", "Base", "Department", "FiscalPeriod", "LoginAttempt",
    "Role", "RoleDefaultGrant", "RolePermission", "User", "UserRole", "Voucher", "VoucherLine",
]
