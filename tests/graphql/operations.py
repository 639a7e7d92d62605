"""Every mutation of the API, with a valid input built from the test world and the permission it needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.factories import PASSWORD
from tests.graphql.conftest import World, gid


@dataclass(frozen=True)
class MutationCase:
    name: str
    permission: str | None  # None: any signed-in user may
    input_type: str | None
    success: str
    make_input: Callable[[World], dict[str, Any] | None]

    @property
    def type_prefix(self) -> str:
        return self.name[0].upper() + self.name[1:]

    def document(self) -> str:
        args = "(input: $input)" if self.input_type else ""
        params = f"($input: {self.input_type}!)" if self.input_type else ""
        return (f"mutation{params} {{ {self.name}{args} {{ __typename "
                f"... on {self.type_prefix}Success {{ {self.success} }} "
                f"... on {self.type_prefix}Error {{ code field message }} }} }}")

    def variables(self, world: World) -> dict[str, Any]:
        value = self.make_input(world)
        return {"input": value} if self.input_type else {}


MUTATIONS = [
    MutationCase("createUser", "org.manage_users", "CreateUserInput", "user { id username }",
                 lambda w: {"username": "new.person", "displayName": "新员工", "password": PASSWORD,
                            "departmentId": gid("Department", w.child.id),
                            "roleIds": [gid("Role", w.custom_role.id)]}),
    MutationCase("updateUser", "org.manage_users", "UpdateUserInput", "user { id displayName }",
                 lambda w: {"id": gid("User", w.target.id), "displayName": "改名"}),
    MutationCase("setUserActive", "org.manage_users", "SetUserActiveInput", "user { id active }",
                 lambda w: {"id": gid("User", w.target.id), "active": False}),
    MutationCase("assignRoles", "auth.manage_roles", "AssignRolesInput", "user { id roles { code } }",
                 lambda w: {"userId": gid("User", w.target.id), "roleIds": [gid("Role", w.unused_role.id)]}),
    MutationCase("resetPassword", "org.manage_users", "ResetPasswordInput", "user { id }",
                 lambda w: {"userId": gid("User", w.target.id), "newPassword": "Brand!New9"}),
    MutationCase("createRole", "auth.manage_roles", "CreateRoleInput", "role { id code permissions }",
                 lambda w: {"code": "new_role", "name": "新角色", "permissions": ["ORG_READ", "AUDIT_READ"]}),
    MutationCase("updateRole", "auth.manage_roles", "UpdateRoleInput", "role { id permissions }",
                 lambda w: {"id": gid("Role", w.custom_role.id), "permissions": ["AUDIT_READ"]}),
    MutationCase("deleteRole", "auth.manage_roles", "DeleteRoleInput", "deletedId",
                 lambda w: {"id": gid("Role", w.unused_role.id)}),
    MutationCase("createDepartment", "org.manage_departments", "CreateDepartmentInput", "department { id code }",
                 lambda w: {"code": "NEWDEP", "name": "新部门", "kind": "SUPPORT",
                            "parentId": gid("Department", w.parent.id)}),
    MutationCase("updateDepartment", "org.manage_departments", "UpdateDepartmentInput", "department { id name }",
                 lambda w: {"id": gid("Department", w.child.id), "name": "改名部门"}),
    MutationCase("deleteDepartment", "org.manage_departments", "DeleteDepartmentInput", "deletedId",
                 lambda w: {"id": gid("Department", w.empty.id)}),
    MutationCase("revokeApiToken", "org.manage_users", "RevokeApiTokenInput", "apiToken { id active }",
                 lambda w: {"id": gid("ApiToken", w.target_token.id)}),
    MutationCase("createVoucher", "ledger.prepare_vouchers", "CreateVoucherInput", "voucher { id state }",
                 lambda w: {"date": "2026-11-12", "summary": "提现", "lines": [
                     {"accountId": gid("Account", w.ledger.accounts["1001"].id), "debit": "50.00"},
                     {"accountId": gid("Account", w.ledger.accounts["1002"].id), "credit": "50.00"}]}),
    MutationCase("reviewVoucher", "ledger.review_vouchers", "VoucherIdInput", "voucher { id state }",
                 lambda w: {"id": gid("Voucher", w.ledger.draft.id)}),
    MutationCase("unreviewVoucher", "ledger.review_vouchers", "VoucherIdInput", "voucher { id state }",
                 lambda w: {"id": gid("Voucher", w.ledger.spare_reviewed.id)}),
    MutationCase("postVoucher", "ledger.post_vouchers", "VoucherIdInput", "voucher { id state }",
                 lambda w: {"id": gid("Voucher", w.ledger.reviewed.id)}),
    MutationCase("reverseVoucher", "ledger.post_vouchers", "ReverseVoucherInput", "voucher { id state }",
                 lambda w: {"id": gid("Voucher", w.ledger.posted.id)}),
    MutationCase("deleteVoucher", "ledger.prepare_vouchers", "VoucherIdInput", "deletedId",
                 lambda w: {"id": gid("Voucher", w.ledger.spare_draft.id)}),
    MutationCase("createAccount", "ledger.manage_accounts", "CreateAccountInput", "account { id code }",
                 lambda w: {"code": "660104", "name": "通讯费", "dimensions": ["DEPARTMENT"]}),
    MutationCase("updateAccount", "ledger.manage_accounts", "UpdateAccountInput", "account { id name }",
                 lambda w: {"id": gid("Account", w.ledger.accounts["1001"].id), "name": "现金"}),
    MutationCase("openFiscalPeriod", "ledger.manage_periods", "PeriodInput", "fiscalPeriod { id code }",
                 lambda w: {"period": "2026-12"}),
    MutationCase("closeFiscalPeriod", "ledger.manage_periods", "PeriodInput", "fiscalPeriod { id status }",
                 lambda w: {"period": "2026-10"}),
    *[MutationCase(name, "operations.manage_master_data", "CreateMasterDataInput", f"{field} {{ id code }}",
                   lambda w, c=code: {"code": c, "name": "新资料"})
      for name, field, code in (("createCustomer", "customer", "NEW-C"), ("createSupplier", "supplier", "NEW-S"),
                                ("createProductCategory", "productCategory", "NEW-CAT"),
                                ("createWarehouse", "warehouse", "NEW-W"))],
    MutationCase("createProduct", "operations.manage_master_data", "CreateProductInput", "product { id code }",
                 lambda w: {"code": "NEW-P", "name": "新商品", "categoryId": gid("ProductCategory", w.ops.category.id)}),
    MutationCase("createPurchaseReceipt", "operations.create_documents", "CreatePurchaseReceiptInput",
                 "purchaseReceipt { id number vouchers { id } }",
                 lambda w: {"supplierId": gid("Supplier", w.ops.supplier.id),
                            "warehouseId": gid("Warehouse", w.ops.warehouse.id), "date": "2026-11-12",
                            "lines": [{"productId": gid("Product", w.ops.product.id), "quantity": "5",
                                       "unitPrice": "500.00", "taxRate": "0.13"}]}),
    MutationCase("createSalesOrder", "operations.create_documents", "CreateSalesOrderInput", "salesOrder { id }",
                 lambda w: {"customerId": gid("Customer", w.ops.customer.id), "date": "2026-11-12",
                            "lines": [{"productId": gid("Product", w.ops.product.id), "quantity": "2",
                                       "unitPrice": "999.00", "taxRate": "0.13"}]}),
    MutationCase("copySalesOrder", "operations.create_documents", "CopySalesOrderInput", "salesOrder { id }",
                 lambda w: {"orderId": gid("SalesOrder", w.ops.open_order.id), "date": "2026-11-12"}),
    MutationCase("deliverSalesOrder", "operations.create_documents", "DeliverSalesOrderInput",
                 "delivery { id vouchers { id } }",
                 lambda w: {"orderId": gid("SalesOrder", w.ops.open_order.id),
                            "warehouseId": gid("Warehouse", w.ops.warehouse.id), "date": "2026-11-12"}),
    MutationCase("returnSalesOrder", "operations.create_documents", "ReturnSalesOrderInput", "salesReturn { id }",
                 lambda w: {"deliveryId": gid("SalesDelivery", w.ops.delivery.id), "date": "2026-11-12",
                            "lines": [{"deliveryLineId": w.ops.delivery_line_id, "quantity": "1"}]}),
    MutationCase("recordCustomerReceipt", "operations.record_cash", "RecordCustomerReceiptInput",
                 "customerReceipt { id }",
                 lambda w: {"customerId": gid("Customer", w.ops.customer.id), "date": "2026-11-12",
                            "amount": "1000.00"}),
    MutationCase("recordSupplierPayment", "operations.record_cash", "RecordSupplierPaymentInput",
                 "supplierPayment { id }",
                 lambda w: {"supplierId": gid("Supplier", w.ops.supplier.id), "date": "2026-11-12",
                            "amount": "1000.00"}),
    MutationCase("createExpenseClaim", "operations.claim_expenses", "CreateExpenseClaimInput", "expenseClaim { id }",
                 lambda w: {"category": "TRAVEL", "amount": "300.00", "description": "差旅", "date": "2026-11-12"}),
    MutationCase("approveExpenseClaim", "operations.approve_claims", "ApproveExpenseClaimInput",
                 "expenseClaim { id state }", lambda w: {"id": gid("ExpenseClaim", w.ops.submitted_claim.id)}),
    MutationCase("payExpenseClaim", "operations.pay_claims", "PayExpenseClaimInput", "expenseClaim { id state }",
                 lambda w: {"id": gid("ExpenseClaim", w.ops.approved_claim.id), "date": "2026-11-12"}),
    MutationCase("createPostingRule", "posting.manage_rules", "CreatePostingRuleInput", "postingRule { id }",
                 lambda w: {"code": "bank_fee", "name": "收款手续费", "eventType": "CUSTOMER_RECEIPT", "definition": {
                     "summary": "手续费 {number}", "lines": [
                         {"side": "DEBIT", "account": "6603", "amount": "round(amount * 0.001, 2)"},
                         {"side": "CREDIT", "account": "1002", "amount": "round(amount * 0.001, 2)"}]}}),
    MutationCase("publishPostingRuleVersion", "posting.manage_rules", "PublishPostingRuleVersionInput",
                 "version { id version }",
                 lambda w: {"ruleId": gid("PostingRule", w.ops.rule.id), "note": "改为草稿待审", "definition": {
                     "summary": "收到 {customer_name} 货款 {number}", "land_as": "DRAFT", "lines": [
                         {"side": "DEBIT", "account": "1002", "amount": "amount"},
                         {"side": "CREDIT", "account": "1122", "amount": "amount",
                          "dimensions": {"CUSTOMER": "customer_id"}}]}}),
    MutationCase("setPostingRuleActive", "posting.manage_rules", "SetPostingRuleActiveInput", "postingRule { active }",
                 lambda w: {"id": gid("PostingRule", w.ops.rule.id), "active": False}),
    # Open to every signed-in user: only the anonymous are turned away.
    MutationCase("createApiToken", None, "CreateApiTokenInput", "apiToken { id } secret",
                 lambda w: {"name": "脚本"}),
    MutationCase("changePassword", None, "ChangePasswordInput", "ok",
                 lambda w: {"currentPassword": PASSWORD, "newPassword": "Chang3d!pw"}),
    MutationCase("logout", None, None, "ok", lambda w: None),
]
