"""Permissions of business operations, and which built-in roles hold them by default."""

from yecai.auth.permissions import Permission, grant_by_default, register

OPERATIONS_READ = "operations.read"
OPERATIONS_READ_ALL = "operations.read_all_departments"
MASTER_DATA = "operations.manage_master_data"
CREATE_DOCUMENTS = "operations.create_documents"
ALL_DEPARTMENTS = "operations.all_departments"
RECORD_CASH = "operations.record_cash"
CLAIM_EXPENSES = "operations.claim_expenses"
APPROVE_CLAIMS = "operations.approve_claims"
PAY_CLAIMS = "operations.pay_claims"

register(
    Permission(OPERATIONS_READ, "operations", "查看业务单据", "Read documents", "查看本部门的业务单据和库存"),
    Permission(OPERATIONS_READ_ALL, "operations", "查看全部部门单据", "Read every department's documents",
               "查看所有部门的业务单据"),
    Permission(MASTER_DATA, "operations", "维护基础资料", "Manage master data", "客户、供应商、商品、仓库"),
    Permission(CREATE_DOCUMENTS, "operations", "录入业务单据", "Enter documents", "采购入库、销售订单、发货、退货"),
    Permission(ALL_DEPARTMENTS, "operations", "为任意部门录单", "Enter documents for any department",
               "不限于本部门"),
    Permission(RECORD_CASH, "operations", "登记收付款", "Record receipts and payments", "客户收款、供应商付款"),
    Permission(CLAIM_EXPENSES, "operations", "费用报销申请", "Claim expenses", "提交本人的费用报销"),
    Permission(APPROVE_CLAIMS, "operations", "审批报销", "Approve claims", "审批本部门的费用报销"),
    Permission(PAY_CLAIMS, "operations", "支付报销", "Pay claims", "支付已审批的费用报销"),
)
_EVERYONE = ("admin", "finance", "business", "hr", "manager", "staff", "auditor")
for _role in _EVERYONE:
    if _role != "auditor":
        grant_by_default(_role, CLAIM_EXPENSES)
grant_by_default("business", OPERATIONS_READ, MASTER_DATA, CREATE_DOCUMENTS)
grant_by_default("manager", OPERATIONS_READ, APPROVE_CLAIMS)
grant_by_default("finance", OPERATIONS_READ, OPERATIONS_READ_ALL, MASTER_DATA, RECORD_CASH, PAY_CLAIMS,
                 CREATE_DOCUMENTS, ALL_DEPARTMENTS)
grant_by_default("auditor", OPERATIONS_READ, OPERATIONS_READ_ALL)
