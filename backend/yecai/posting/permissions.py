"""Permissions of posting rules."""

from yecai.manifest import Permission

POSTING_READ = "posting.read"
POSTING_MANAGE = "posting.manage_rules"

PERMISSIONS = (
    Permission(POSTING_READ, "查看记账规则", "Read posting rules", "查看记账规则、预览与重放",
               "See posting rules, previews and replays", default_roles=("finance", "auditor")),
    Permission(POSTING_MANAGE, "维护记账规则", "Manage posting rules", "发布新的规则版本",
               "Publish new rule versions", default_roles=("finance",)),
)
