"""The operations objects files are attached to: receipts of expense claims, supplier invoice scans."""

from yecai.attachable import AttachmentOwner
from yecai.operations import policies
from yecai.operations.models import ExpenseClaim, PurchaseReceipt

ATTACHMENT_OWNERS = (
    AttachmentOwner(type="ExpenseClaim", zh="费用报销", en="Expense claim", model=ExpenseClaim,
                    can_read=policies.can_see_document, can_attach=policies.can_attach_to_claim,
                    can_delete=policies.can_delete_claim_attachment, search_kind="expense_claim",
                    refers=("department_id", "claimant_id")),
    AttachmentOwner(type="PurchaseReceipt", zh="采购入库", en="Purchase receipt", model=PurchaseReceipt,
                    can_read=policies.can_see_document, can_attach=policies.can_attach_to_receipt,
                    can_delete=policies.can_delete_receipt_attachment, search_kind="purchase_receipt",
                    refers=("department_id",)),
)
