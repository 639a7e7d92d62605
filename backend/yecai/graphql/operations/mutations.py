"""Mutations of business operations. Documents that touch the books post their vouchers in the same request."""

import datetime as dt
from decimal import Decimal
from typing import Any, Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, mutation
from yecai.graphql.operations import types as t
from yecai.operations import errors, service
from yecai.operations import events as ev
from yecai.operations import permissions as p


@strawberry.input(description="Code and name of a customer, supplier, product category or warehouse.")
class CreateMasterDataInput:
    code: str
    name: str


@strawberry.input
class CreateProductInput:
    code: str
    name: str
    category_id: strawberry.ID
    unit: str = "件"


@strawberry.input(description="A line of goods: net unit price and VAT rate (e.g. 0.13); tax is computed per line.")
class PricedLineInput:
    product_id: strawberry.ID
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal


@strawberry.input
class CreatePurchaseReceiptInput:
    supplier_id: strawberry.ID
    warehouse_id: strawberry.ID
    date: dt.date
    lines: list[PricedLineInput]
    department_id: Optional[strawberry.ID] = None
    supplier_invoice_no: Optional[str] = None
    idempotency_key: Optional[str] = strawberry.field(default=None, description=(
        "Retries with it act once: the same key from the same user for the same request, within a day, answers "
        "the first result; for a different request it is refused (IDEMPOTENCY_KEY_REUSED)."))


@strawberry.input
class CreateSalesOrderInput:
    customer_id: strawberry.ID
    date: dt.date
    lines: list[PricedLineInput]
    department_id: Optional[strawberry.ID] = None
    idempotency_key: Optional[str] = None


@strawberry.input(description="引用复制: a new order from an existing one.")
class CopySalesOrderInput:
    order_id: strawberry.ID
    date: dt.date


@strawberry.input
class DeliveryLineInput:
    order_line_id: strawberry.ID
    quantity: Decimal


@strawberry.input(description="Leave out lines to deliver everything that remains.")
class DeliverSalesOrderInput:
    order_id: strawberry.ID
    warehouse_id: strawberry.ID
    date: dt.date
    lines: Optional[list[DeliveryLineInput]] = None
    idempotency_key: Optional[str] = None


@strawberry.input
class ReturnLineInput:
    delivery_line_id: strawberry.ID
    quantity: Decimal


@strawberry.input
class ReturnSalesOrderInput:
    delivery_id: strawberry.ID
    date: dt.date
    lines: list[ReturnLineInput]
    idempotency_key: Optional[str] = None


@strawberry.input
class RecordCustomerReceiptInput:
    customer_id: strawberry.ID
    date: dt.date
    amount: Decimal
    department_id: Optional[strawberry.ID] = None
    idempotency_key: Optional[str] = None


@strawberry.input
class RecordSupplierPaymentInput:
    supplier_id: strawberry.ID
    date: dt.date
    amount: Decimal
    department_id: Optional[strawberry.ID] = None
    idempotency_key: Optional[str] = None


@strawberry.input
class CreateExpenseClaimInput:
    category: t.ExpenseCategory
    amount: Decimal
    description: str
    date: dt.date
    idempotency_key: Optional[str] = None


@strawberry.input
class ApproveExpenseClaimInput:
    id: strawberry.ID
    approve: bool = strawberry.field(default=True, description="false rejects the claim.")


@strawberry.input
class PayExpenseClaimInput:
    id: strawberry.ID
    date: dt.date


def _lines(lines: list[PricedLineInput]) -> list[service.PricedLineInput]:
    return [service.PricedLineInput(product_id=decode_id(line.product_id, "Product", f"lines[{i}].productId"),
                                    quantity=line.quantity, unit_price=line.unit_price, tax_rate=line.tax_rate)
            for i, line in enumerate(lines)]


def _master(name: str, label: str, node: Any, create: Any) -> Any:
    """``create<Name>``: a customer, supplier, product category or warehouse from a code and a name."""

    async def resolver(self: Any, info: Info, input: CreateMasterDataInput) -> Any:
        return node.from_model(await create(info.context.session, actor=info.context.actor, code=input.code,
                                            name=input.name))

    resolver.__name__ = f"create_{name}"
    return mutation(f"Add a {label}.", permission=p.MASTER_DATA, errors=[errors.CODE_TAKEN],
                    returns=(name, node))(resolver)


DEPARTMENT_DOCUMENT = [errors.INACTIVE, errors.OTHER_DEPARTMENT]
KEYED = errors.IDEMPOTENCY_ERRORS  # what a mutation taking an idempotency key may also answer


@strawberry.type
class OperationsMutations:
    create_customer = _master("customer", "customer", t.Customer, service.create_customer)
    create_supplier = _master("supplier", "supplier", t.Supplier, service.create_supplier)
    create_product_category = _master("product_category", "product category", t.ProductCategory,
                                      service.create_product_category)
    create_warehouse = _master("warehouse", "warehouse", t.Warehouse, service.create_warehouse)

    @mutation("Add a product.", permission=p.MASTER_DATA, errors=[errors.CODE_TAKEN], returns=("product", t.Product))
    async def create_product(self, info: Info, input: CreateProductInput) -> t.Product:
        return t.Product.from_model(await service.create_product(
            info.context.session, actor=info.context.actor, code=input.code, name=input.name, unit=input.unit,
            category_id=decode_id(input.category_id, "ProductCategory", "categoryId")))

    @mutation("采购入库: receive goods on credit; stock and vouchers follow. For the document's department.",
              permission=p.CREATE_DOCUMENTS, errors=[*DEPARTMENT_DOCUMENT, errors.DUPLICATE_INVOICE, *KEYED],
              emits=[ev.PurchaseReceived], returns=("purchase_receipt", t.PurchaseReceipt))
    async def create_purchase_receipt(self, info: Info, input: CreatePurchaseReceiptInput) -> t.PurchaseReceipt:
        return t.PurchaseReceipt.from_model(await service.create_purchase_receipt(
            info.context.session, actor=info.context.actor,
            supplier_id=decode_id(input.supplier_id, "Supplier", "supplierId"),
            warehouse_id=decode_id(input.warehouse_id, "Warehouse", "warehouseId"), day=input.date,
            lines=_lines(input.lines),
            department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
            supplier_invoice_no=input.supplier_invoice_no, idempotency_key=input.idempotency_key))

    @mutation("销售订单, for the document's department.", permission=p.CREATE_DOCUMENTS,
              errors=[*DEPARTMENT_DOCUMENT, *KEYED],
              returns=("sales_order", t.SalesOrder))
    async def create_sales_order(self, info: Info, input: CreateSalesOrderInput) -> t.SalesOrder:
        return t.SalesOrder.from_model(await service.create_sales_order(
            info.context.session, actor=info.context.actor,
            customer_id=decode_id(input.customer_id, "Customer", "customerId"), day=input.date,
            lines=_lines(input.lines),
            department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
            idempotency_key=input.idempotency_key))

    @mutation("引用复制: a new sales order from an existing one.", permission=p.CREATE_DOCUMENTS,
              errors=DEPARTMENT_DOCUMENT, returns=("sales_order", t.SalesOrder))
    async def copy_sales_order(self, info: Info, input: CopySalesOrderInput) -> t.SalesOrder:
        return t.SalesOrder.from_model(await service.copy_sales_order(
            info.context.session, actor=info.context.actor, order_id=decode_id(input.order_id, "SalesOrder", "orderId"),
            day=input.date))

    @mutation("Deliver all or part of an order: stock out at average cost; revenue, receivable and cost vouchers "
              "follow in the same transaction.", permission=p.CREATE_DOCUMENTS,
              errors=[errors.INSUFFICIENT_STOCK, errors.OVER_DELIVERY, errors.WRONG_STATE, *DEPARTMENT_DOCUMENT, *KEYED],
              emits=[ev.SalesDelivered], returns=("delivery", t.SalesDelivery))
    async def deliver_sales_order(self, info: Info, input: DeliverSalesOrderInput) -> t.SalesDelivery:
        lines = [service.DeliveryLineInput(decode_id(line.order_line_id, "SalesOrderLine", f"lines[{i}].orderLineId"),
                                           line.quantity) for i, line in enumerate(input.lines)] \
            if input.lines else None
        return t.SalesDelivery.from_model(await service.deliver_sales_order(
            info.context.session, actor=info.context.actor, order_id=decode_id(input.order_id, "SalesOrder", "orderId"),
            warehouse_id=decode_id(input.warehouse_id, "Warehouse", "warehouseId"), day=input.date, lines=lines,
            idempotency_key=input.idempotency_key))

    @mutation("销售退货 against a delivery, at the delivery's price and cost.", permission=p.CREATE_DOCUMENTS,
              errors=[errors.OVER_RETURN, errors.OTHER_DEPARTMENT, *KEYED], emits=[ev.SalesReturned],
              returns=("sales_return", t.SalesReturn))
    async def return_sales_order(self, info: Info, input: ReturnSalesOrderInput) -> t.SalesReturn:
        return t.SalesReturn.from_model(await service.return_sales_order(
            info.context.session, actor=info.context.actor,
            delivery_id=decode_id(input.delivery_id, "SalesDelivery", "deliveryId"), day=input.date,
            lines=[service.ReturnLineInput(decode_id(line.delivery_line_id, "SalesDeliveryLine",
                                                     f"lines[{i}].deliveryLineId"), line.quantity)
                   for i, line in enumerate(input.lines)],
            idempotency_key=input.idempotency_key))

    @mutation("收款 from a customer, up to what they owe.", permission=p.RECORD_CASH,
              errors=[errors.OVER_PAYMENT, errors.INACTIVE, *KEYED], emits=[ev.CustomerReceiptRecorded],
              returns=("customer_receipt", t.CustomerReceipt))
    async def record_customer_receipt(self, info: Info, input: RecordCustomerReceiptInput) -> t.CustomerReceipt:
        return t.CustomerReceipt.from_model(await service.record_customer_receipt(
            info.context.session, actor=info.context.actor,
            customer_id=decode_id(input.customer_id, "Customer", "customerId"), day=input.date, amount=input.amount,
            department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
            idempotency_key=input.idempotency_key))

    @mutation("付款 to a supplier, up to what is owed.", permission=p.RECORD_CASH,
              errors=[errors.OVER_PAYMENT, errors.INACTIVE, *KEYED], emits=[ev.SupplierPaymentRecorded],
              returns=("supplier_payment", t.SupplierPayment))
    async def record_supplier_payment(self, info: Info, input: RecordSupplierPaymentInput) -> t.SupplierPayment:
        return t.SupplierPayment.from_model(await service.record_supplier_payment(
            info.context.session, actor=info.context.actor,
            supplier_id=decode_id(input.supplier_id, "Supplier", "supplierId"), day=input.date, amount=input.amount,
            department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
            idempotency_key=input.idempotency_key))

    @mutation("Claim an expense for oneself.", permission=p.CLAIM_EXPENSES, errors=KEYED,
              returns=("expense_claim", t.ExpenseClaim))
    async def create_expense_claim(self, info: Info, input: CreateExpenseClaimInput) -> t.ExpenseClaim:
        return t.ExpenseClaim.from_model(await service.create_expense_claim(
            info.context.session, actor=info.context.actor, category=input.category.value, amount=input.amount,
            description=input.description, day=input.date, idempotency_key=input.idempotency_key))

    @mutation("The claimant's department manager approves or rejects a claim.", permission=p.APPROVE_CLAIMS,
              errors=[errors.WRONG_STATE, errors.SELF_APPROVAL], returns=("expense_claim", t.ExpenseClaim))
    async def approve_expense_claim(self, info: Info, input: ApproveExpenseClaimInput) -> t.ExpenseClaim:
        return t.ExpenseClaim.from_model(await service.approve_expense_claim(
            info.context.session, actor=info.context.actor, claim_id=decode_id(input.id, "ExpenseClaim"),
            approve=input.approve))

    @mutation("Pay an approved claim; its voucher follows.", permission=p.PAY_CLAIMS, errors=[errors.WRONG_STATE],
              emits=[ev.ExpenseClaimPaid], returns=("expense_claim", t.ExpenseClaim))
    async def pay_expense_claim(self, info: Info, input: PayExpenseClaimInput) -> t.ExpenseClaim:
        return t.ExpenseClaim.from_model(await service.pay_expense_claim(
            info.context.session, actor=info.context.actor, claim_id=decode_id(input.id, "ExpenseClaim"),
            day=input.date))
