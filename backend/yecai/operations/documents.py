"""The document types of business operations: one row each, which every other domain reads."""

from yecai.manifest import DocumentType
from yecai.operations import events as ev
from yecai.operations import models as m

PURCHASE_RECEIPT = DocumentType("PurchaseReceipt", "采购入库", "Purchase receipt", "PR", m.PurchaseReceipt,
                                m.PurchaseReceiptLine, "receipt_id", ev.PurchaseReceived, "PURCHASE_RECEIVED")
SALES_ORDER = DocumentType("SalesOrder", "销售订单", "Sales order", "SO", m.SalesOrder, m.SalesOrderLine, "order_id")
SALES_DELIVERY = DocumentType("SalesDelivery", "发货", "Delivery", "SD", m.SalesDelivery, m.SalesDeliveryLine,
                              "delivery_id", ev.SalesDelivered, "SALES_DELIVERED")
SALES_RETURN = DocumentType("SalesReturn", "销售退货", "Sales return", "SR", m.SalesReturn, m.SalesReturnLine,
                            "return_id", ev.SalesReturned, "SALES_RETURNED")
CUSTOMER_RECEIPT = DocumentType("CustomerReceipt", "收款", "Customer receipt", "CR", m.CustomerReceipt,
                                event=ev.CustomerReceiptRecorded, event_type="CUSTOMER_RECEIPT")
SUPPLIER_PAYMENT = DocumentType("SupplierPayment", "付款", "Supplier payment", "SP", m.SupplierPayment,
                                event=ev.SupplierPaymentRecorded, event_type="SUPPLIER_PAYMENT")
EXPENSE_CLAIM = DocumentType("ExpenseClaim", "费用报销", "Expense claim", "EC", m.ExpenseClaim,
                             event=ev.ExpenseClaimPaid, event_type="EXPENSE_CLAIM_PAID", event_date="paid_on")

DOCUMENT_TYPES = (PURCHASE_RECEIPT, SALES_ORDER, SALES_DELIVERY, SALES_RETURN, CUSTOMER_RECEIPT, SUPPLIER_PAYMENT,
                  EXPENSE_CLAIM)
