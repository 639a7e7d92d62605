"""Imports every domain's tables so that the metadata is complete (Alembic, tests)."""

from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.auth.models import ApiToken, LoginAttempt, Role, RoleDefaultGrant, RolePermission, User, UserRole
from yecai.db import Base
from yecai.ledger import permissions as _ledger_permissions  # noqa: F401  (registers the books' permissions)
from yecai.ledger.models import Account, FiscalPeriod, Voucher, VoucherLine
from yecai.org.models import Department

__all__ = [
    "Account", "ApiToken", "AuditChainHead", "AuditEvent", "Base", "Department", "FiscalPeriod", "LoginAttempt",
    "Role", "RoleDefaultGrant", "RolePermission", "User", "UserRole", "Voucher", "VoucherLine",
]
