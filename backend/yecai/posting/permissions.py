"""Permissions of posting rules."""

from yecai.auth.permissions import Permission, grant_by_default, register

POSTING_READ = "posting.read"
POSTING_MANAGE = "posting.manage_rules"

register(
    Permission(POSTING_READ, "posting", "查看记账规则", "Read posting rules", "查看记账规则、预览与重放"),
    Permission(POSTING_MANAGE, "posting", "维护记账规则", "Manage posting rules", "发布新的规则版本"),
)
grant_by_default("finance", POSTING_READ, POSTING_MANAGE)
grant_by_default("auditor", POSTING_READ)
