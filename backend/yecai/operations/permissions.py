"""Permissions of business operations, and which built-in roles hold them by default."""

from yecai.manifest import Permission

OPERATIONS_READ = "operations.read"
OPERATIONS_READ_ALL = "operations.read_all_departments"
MASTER_DATA = "operations.manage_master_data"
CREATE_DOCUMENTS = "operations.create_documents"
ALL_DEPARTMENTS = "operations.all_departments"
RECORD_CASH = "operations.record_cash"
CLAIM_EXPENSES = "operations.claim_expenses"
APPROVE_CLAIMS = "operations.approve_claims"
PAY_CLAIMS = "operations.pay_claims"

PERMISSIONS = (
    Permission(OPERATIONS_READ, "查看业务单据", "Read documents", "查看本部门的业务单据和库存",
               "See one's own department's documents and stock",
               default_roles=("business", "manager", "finance", "auditor")),
    Permission(OPERATIONS_READ_ALL, "查看全部部门单据", "Read every department's documents", "查看所有部门的业务单据",
               "See the documents of every department", default_roles=("finance", "auditor")),
    Permission(MASTER_DATA, "维护基础资料", "Manage master data", "客户、供应商、商品、仓库",
               "Customers, suppliers, products, warehouses", default_roles=("business", "finance")),
    Permission(CREATE_DOCUMENTS, "录入业务单据", "Enter documents", "采购入库、销售订单、发货、退货",
               "Purchase receipts, sales orders, deliveries, returns", default_roles=("business", "finance")),
    Permission(ALL_DEPARTMENTS, "为任意部门录单", "Enter documents for any department", "不限于本部门",
               "Not only one's own department", default_roles=("finance",)),
    Permission(RECORD_CASH, "登记收付款", "Record receipts and payments", "客户收款、供应商付款",
               "Customer receipts, supplier payments", default_roles=("finance",)),
    Permission(CLAIM_EXPENSES, "费用报销申请", "Claim expenses", "提交本人的费用报销", "Submit one's own expense claims",
               default_roles=("admin", "finance", "business", "hr", "manager", "staff")),
    Permission(APPROVE_CLAIMS, "审批报销", "Approve claims", "审批本部门的费用报销",
               "Approve the expense claims of one's department", default_roles=("manager",)),
    Permission(PAY_CLAIMS, "支付报销", "Pay claims", "支付已审批的费用报销", "Pay approved expense claims",
               default_roles=("finance",)),
)
