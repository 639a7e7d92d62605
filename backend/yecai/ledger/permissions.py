"""Permissions of the books, and which built-in roles hold them by default."""

from yecai.auth.permissions import Permission, grant_by_default, register

LEDGER_READ = "ledger.read"
LEDGER_MANAGE_ACCOUNTS = "ledger.manage_accounts"
LEDGER_MANAGE_PERIODS = "ledger.manage_periods"
LEDGER_PREPARE = "ledger.prepare_vouchers"
LEDGER_REVIEW = "ledger.review_vouchers"
LEDGER_POST = "ledger.post_vouchers"

register(
    Permission(LEDGER_READ, "ledger", "查看账簿", "Read the books", "查看科目、凭证和报表"),
    Permission(LEDGER_MANAGE_ACCOUNTS, "ledger", "维护会计科目", "Manage accounts", "新增、修改、停用会计科目"),
    Permission(LEDGER_MANAGE_PERIODS, "ledger", "管理会计期间", "Manage fiscal periods", "开启和结账会计期间"),
    Permission(LEDGER_PREPARE, "ledger", "制单", "Prepare vouchers", "录入手工凭证"),
    Permission(LEDGER_REVIEW, "ledger", "审核凭证", "Review vouchers", "审核他人编制的凭证"),
    Permission(LEDGER_POST, "ledger", "记账", "Post vouchers", "将已审核凭证记账、冲销已记账凭证"),
)
grant_by_default("finance", LEDGER_READ, LEDGER_MANAGE_ACCOUNTS, LEDGER_MANAGE_PERIODS, LEDGER_PREPARE,
                 LEDGER_REVIEW, LEDGER_POST)
grant_by_default("auditor", LEDGER_READ)
grant_by_default("manager", LEDGER_READ)
