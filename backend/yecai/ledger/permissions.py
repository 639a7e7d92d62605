"""Permissions of the books, and which built-in roles hold them by default."""

from yecai.manifest import Permission

LEDGER_READ = "ledger.read"
LEDGER_MANAGE_ACCOUNTS = "ledger.manage_accounts"
LEDGER_MANAGE_PERIODS = "ledger.manage_periods"
LEDGER_PREPARE = "ledger.prepare_vouchers"
LEDGER_REVIEW = "ledger.review_vouchers"
LEDGER_POST = "ledger.post_vouchers"

PERMISSIONS = (
    Permission(LEDGER_READ, "查看账簿", "Read the books", "查看科目、凭证和报表", "See accounts, vouchers and reports",
               default_roles=("finance", "auditor", "manager")),
    Permission(LEDGER_MANAGE_ACCOUNTS, "维护会计科目", "Manage accounts", "新增、修改、停用会计科目",
               "Add, change and deactivate accounts", default_roles=("finance",)),
    Permission(LEDGER_MANAGE_PERIODS, "管理会计期间", "Manage fiscal periods", "开启和结账会计期间",
               "Open and close fiscal periods", default_roles=("finance",)),
    Permission(LEDGER_PREPARE, "制单", "Prepare vouchers", "录入手工凭证", "Enter manual vouchers",
               default_roles=("finance",)),
    Permission(LEDGER_REVIEW, "审核凭证", "Review vouchers", "审核他人编制的凭证", "Review vouchers others prepared",
               default_roles=("finance",)),
    Permission(LEDGER_POST, "记账", "Post vouchers", "将已审核凭证记账、冲销已记账凭证",
               "Post reviewed vouchers; reverse posted ones", default_roles=("finance",)),
)
