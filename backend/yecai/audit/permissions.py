"""Permissions of the audit trail."""

from yecai.manifest import Permission

AUDIT_READ = "audit.read"

PERMISSIONS = (
    Permission(AUDIT_READ, "查看审计日志", "Read audit trail", "浏览审计日志", "Browse the audit trail",
               default_roles=("admin", "auditor")),
)
