"""Imports every domain's tables so that the metadata is complete (Alembic, tests)."""

from yecai.audit.models import AuditChainHead, AuditEvent
from yecai.auth.models import ApiToken, LoginAttempt, Role, RolePermission, User, UserRole
from yecai.db import Base
from yecai.org.models import Department

__all__ = [
    "ApiToken", "AuditChainHead", "AuditEvent", "Base", "Department", "LoginAttempt", "Role", "RolePermission",
    "User", "UserRole",
]
