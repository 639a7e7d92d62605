"""Mutations of business operations. Documents that touch the books post their vouchers in the same request."""

import datetime as dt
from decimal import Decimal
from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, error_type, result_union, run_mutation
from yecai.graphql.operations import types as t
from yecai.ledger import errors as ledger_errors
from yecai.operations import errors, service
from yecai.posting import errors as posting_errors

POSTING = [ledger_errors.PERIOD_NOT_OPEN, ledger_errors.PERIOD_CLOSED, ledger_errors.DIMENSION_REQUIRED,
           ledger_errors.ACCOUNT_INACTIVE, ledger_errors.ACCOUNT_NOT_LEAF, ledger_errors.UNBALANCED,
           posting_errors.POSTING_FAILED]

CreateCustomerError = error_type("CreateCustomer", [errors.CODE_TAKEN])
CreateSupplierError = error_type("CreateSupplier", [errors.CODE_TAKEN])
CreateProductCategoryError = error_type("CreateProductCategory", [errors.CODE_TAKEN])
CreateWarehouseError = error_type("CreateWarehouse", [errors.CODE_TAKEN])
CreateProductError = error_type("CreateProduct", [errors.CODE_TAKEN])
CreatePurchaseReceiptError = error_type("CreatePurchaseReceipt", [errors.INACTIVE, errors.DUPLICATE_INVOICE,
                                                                  errors.OTHER_DEPARTMENT, *POSTING])
CreateSalesOrderError = error_type("CreateSalesOrder", [errors.INACTIVE, errors.OTHER_DEPARTMENT])
CopySalesOrderError = error_type("CopySalesOrder", [errors.INACTIVE, errors.OTHER_DEPARTMENT])
DeliverSalesOrderError = error_type("DeliverSalesOrder", [errors.INSUFFICIENT_STOCK, errors.OVER_DELIVERY,
                                                          errors.WRONG_STATE, errors.INACTIVE, errors.OTHER_DEPARTMENT,
                                                          *POSTING])
ReturnSalesOrderError = error_type("ReturnSalesOrder", [errors.OVER_RETURN, errors.OTHER_DEPARTMENT, *POSTING])
RecordCustomerReceiptError = error_type("RecordCustomerReceipt", [errors.OVER_PAYMENT, errors.INACTIVE, *POSTING])
RecordSupplierPaymentError = error_type("RecordSupplierPayment", [errors.OVER_PAYMENT, errors.INACTIVE, *POSTING])
CreateExpenseClaimError = error_type("CreateExpenseClaim")
ApproveExpenseClaimError = error_type("ApproveExpenseClaim", [errors.WRONG_STATE, errors.SELF_APPROVAL])
PayExpenseClaimError = error_type("PayExpenseClaim", [errors.WRONG_STATE, *POSTING])


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
    idempotency_key: Optional[str] = strawberry.field(default=None, description="Retries with it act once.")


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
    order_line_id: int
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
    delivery_line_id: int
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


@strawberry.type
class CreateCustomerSuccess:
    customer: t.Customer  # type: ignore[valid-type]


@strawberry.type
class CreateSupplierSuccess:
    supplier: t.Supplier  # type: ignore[valid-type]


@strawberry.type
class CreateProductCategorySuccess:
    product_category: t.ProductCategory  # type: ignore[valid-type]


@strawberry.type
class CreateWarehouseSuccess:
    warehouse: t.Warehouse  # type: ignore[valid-type]


@strawberry.type
class CreateProductSuccess:
    product: t.Product


@strawberry.type
class CreatePurchaseReceiptSuccess:
    purchase_receipt: t.PurchaseReceipt


@strawberry.type
class CreateSalesOrderSuccess:
    sales_order: t.SalesOrder


@strawberry.type
class CopySalesOrderSuccess:
    sales_order: t.SalesOrder


@strawberry.type
class DeliverSalesOrderSuccess:
    delivery: t.SalesDelivery


@strawberry.type
class ReturnSalesOrderSuccess:
    sales_return: t.SalesReturn


@strawberry.type
class RecordCustomerReceiptSuccess:
    customer_receipt: t.CustomerReceipt


@strawberry.type
class RecordSupplierPaymentSuccess:
    supplier_payment: t.SupplierPayment


@strawberry.type
class CreateExpenseClaimSuccess:
    expense_claim: t.ExpenseClaim


@strawberry.type
class ApproveExpenseClaimSuccess:
    expense_claim: t.ExpenseClaim


@strawberry.type
class PayExpenseClaimSuccess:
    expense_claim: t.ExpenseClaim


def _lines(lines: list[PricedLineInput]) -> list[service.PricedLineInput]:
    return [service.PricedLineInput(product_id=decode_id(line.product_id, "Product", f"lines[{i}].productId"),
                                    quantity=line.quantity, unit_price=line.unit_price, tax_rate=line.tax_rate)
            for i, line in enumerate(lines)]


@strawberry.type
class OperationsMutations:
    @strawberry.mutation(description="Add a customer. Needs `operations.manage_master_data`.")
    async def create_customer(self, info: Info, input: CreateMasterDataInput) -> result_union("CreateCustomer", CreateCustomerSuccess, CreateCustomerError):  # type: ignore[valid-type]
        async def run() -> CreateCustomerSuccess:
            row = await service.create_customer(info.context.session, actor=info.context.actor, code=input.code,
                                                name=input.name)
            return CreateCustomerSuccess(customer=t.Customer.from_model(row))  # type: ignore[attr-defined]

        return await run_mutation(info, CreateCustomerError, run)

    @strawberry.mutation(description="Add a supplier. Needs `operations.manage_master_data`.")
    async def create_supplier(self, info: Info, input: CreateMasterDataInput) -> result_union("CreateSupplier", CreateSupplierSuccess, CreateSupplierError):  # type: ignore[valid-type]
        async def run() -> CreateSupplierSuccess:
            row = await service.create_supplier(info.context.session, actor=info.context.actor, code=input.code,
                                                name=input.name)
            return CreateSupplierSuccess(supplier=t.Supplier.from_model(row))  # type: ignore[attr-defined]

        return await run_mutation(info, CreateSupplierError, run)

    @strawberry.mutation(description="Add a product category. Needs `operations.manage_master_data`.")
    async def create_product_category(self, info: Info, input: CreateMasterDataInput) -> result_union("CreateProductCategory", CreateProductCategorySuccess, CreateProductCategoryError):  # type: ignore[valid-type]
        async def run() -> CreateProductCategorySuccess:
            row = await service.create_product_category(info.context.session, actor=info.context.actor,
                                                        code=input.code, name=input.name)
            return CreateProductCategorySuccess(product_category=t.ProductCategory.from_model(row))  # type: ignore[attr-defined]

        return await run_mutation(info, CreateProductCategoryError, run)

    @strawberry.mutation(description="Add a warehouse. Needs `operations.manage_master_data`.")
    async def create_warehouse(self, info: Info, input: CreateMasterDataInput) -> result_union("CreateWarehouse", CreateWarehouseSuccess, CreateWarehouseError):  # type: ignore[valid-type]
        async def run() -> CreateWarehouseSuccess:
            row = await service.create_warehouse(info.context.session, actor=info.context.actor, code=input.code,
                                                 name=input.name)
            return CreateWarehouseSuccess(warehouse=t.Warehouse.from_model(row))  # type: ignore[attr-defined]

        return await run_mutation(info, CreateWarehouseError, run)

    @strawberry.mutation(description="Add a product. Needs `operations.manage_master_data`.")
    async def create_product(self, info: Info, input: CreateProductInput) -> result_union("CreateProduct", CreateProductSuccess, CreateProductError):  # type: ignore[valid-type]
        async def run() -> CreateProductSuccess:
            row = await service.create_product(info.context.session, actor=info.context.actor, code=input.code,
                                               name=input.name, unit=input.unit,
                                               category_id=decode_id(input.category_id, "ProductCategory",
                                                                     "categoryId"))
            return CreateProductSuccess(product=t.Product.from_model(row))

        return await run_mutation(info, CreateProductError, run)

    @strawberry.mutation(description="采购入库: receive goods on credit; stock and vouchers follow. "
                                     "Needs `operations.create_documents` for the department.")
    async def create_purchase_receipt(self, info: Info, input: CreatePurchaseReceiptInput) -> result_union("CreatePurchaseReceipt", CreatePurchaseReceiptSuccess, CreatePurchaseReceiptError):  # type: ignore[valid-type]
        async def run() -> CreatePurchaseReceiptSuccess:
            row = await service.create_purchase_receipt(
                info.context.session, actor=info.context.actor,
                supplier_id=decode_id(input.supplier_id, "Supplier", "supplierId"),
                warehouse_id=decode_id(input.warehouse_id, "Warehouse", "warehouseId"), day=input.date,
                lines=_lines(input.lines),
                department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
                supplier_invoice_no=input.supplier_invoice_no, idempotency_key=input.idempotency_key)
            return CreatePurchaseReceiptSuccess(purchase_receipt=t.PurchaseReceipt.from_model(row))

        return await run_mutation(info, CreatePurchaseReceiptError, run)

    @strawberry.mutation(description="销售订单. Needs `operations.create_documents` for the department.")
    async def create_sales_order(self, info: Info, input: CreateSalesOrderInput) -> result_union("CreateSalesOrder", CreateSalesOrderSuccess, CreateSalesOrderError):  # type: ignore[valid-type]
        async def run() -> CreateSalesOrderSuccess:
            row = await service.create_sales_order(
                info.context.session, actor=info.context.actor,
                customer_id=decode_id(input.customer_id, "Customer", "customerId"), day=input.date,
                lines=_lines(input.lines),
                department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
                idempotency_key=input.idempotency_key)
            return CreateSalesOrderSuccess(sales_order=t.SalesOrder.from_model(row))

        return await run_mutation(info, CreateSalesOrderError, run)

    @strawberry.mutation(description="引用复制: a new sales order from an existing one.")
    async def copy_sales_order(self, info: Info, input: CopySalesOrderInput) -> result_union("CopySalesOrder", CopySalesOrderSuccess, CopySalesOrderError):  # type: ignore[valid-type]
        async def run() -> CopySalesOrderSuccess:
            row = await service.copy_sales_order(info.context.session, actor=info.context.actor,
                                                 order_id=decode_id(input.order_id, "SalesOrder", "orderId"),
                                                 day=input.date)
            return CopySalesOrderSuccess(sales_order=t.SalesOrder.from_model(row))

        return await run_mutation(info, CopySalesOrderError, run)

    @strawberry.mutation(description="Deliver all or part of an order: stock out at average cost; revenue, "
                                     "receivable and cost vouchers follow in the same transaction.")
    async def deliver_sales_order(self, info: Info, input: DeliverSalesOrderInput) -> result_union("DeliverSalesOrder", DeliverSalesOrderSuccess, DeliverSalesOrderError):  # type: ignore[valid-type]
        async def run() -> DeliverSalesOrderSuccess:
            lines = [service.DeliveryLineInput(line.order_line_id, line.quantity) for line in input.lines] \
                if input.lines else None
            row = await service.deliver_sales_order(
                info.context.session, actor=info.context.actor,
                order_id=decode_id(input.order_id, "SalesOrder", "orderId"),
                warehouse_id=decode_id(input.warehouse_id, "Warehouse", "warehouseId"), day=input.date, lines=lines,
                idempotency_key=input.idempotency_key)
            return DeliverSalesOrderSuccess(delivery=t.SalesDelivery.from_model(row))

        return await run_mutation(info, DeliverSalesOrderError, run)

    @strawberry.mutation(description="销售退货 against a delivery, at the delivery's price and cost.")
    async def return_sales_order(self, info: Info, input: ReturnSalesOrderInput) -> result_union("ReturnSalesOrder", ReturnSalesOrderSuccess, ReturnSalesOrderError):  # type: ignore[valid-type]
        async def run() -> ReturnSalesOrderSuccess:
            row = await service.return_sales_order(
                info.context.session, actor=info.context.actor,
                delivery_id=decode_id(input.delivery_id, "SalesDelivery", "deliveryId"), day=input.date,
                lines=[service.ReturnLineInput(line.delivery_line_id, line.quantity) for line in input.lines],
                idempotency_key=input.idempotency_key)
            return ReturnSalesOrderSuccess(sales_return=t.SalesReturn.from_model(row))

        return await run_mutation(info, ReturnSalesOrderError, run)

    @strawberry.mutation(description="收款 from a customer, up to what they owe. Needs `operations.record_cash`.")
    async def record_customer_receipt(self, info: Info, input: RecordCustomerReceiptInput) -> result_union("RecordCustomerReceipt", RecordCustomerReceiptSuccess, RecordCustomerReceiptError):  # type: ignore[valid-type]
        async def run() -> RecordCustomerReceiptSuccess:
            row = await service.record_customer_receipt(
                info.context.session, actor=info.context.actor,
                customer_id=decode_id(input.customer_id, "Customer", "customerId"), day=input.date,
                amount=input.amount,
                department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
                idempotency_key=input.idempotency_key)
            return RecordCustomerReceiptSuccess(customer_receipt=t.CustomerReceipt.from_model(row))

        return await run_mutation(info, RecordCustomerReceiptError, run)

    @strawberry.mutation(description="付款 to a supplier, up to what is owed. Needs `operations.record_cash`.")
    async def record_supplier_payment(self, info: Info, input: RecordSupplierPaymentInput) -> result_union("RecordSupplierPayment", RecordSupplierPaymentSuccess, RecordSupplierPaymentError):  # type: ignore[valid-type]
        async def run() -> RecordSupplierPaymentSuccess:
            row = await service.record_supplier_payment(
                info.context.session, actor=info.context.actor,
                supplier_id=decode_id(input.supplier_id, "Supplier", "supplierId"), day=input.date,
                amount=input.amount,
                department_id=decode_optional_id(input.department_id, "Department", "departmentId"),
                idempotency_key=input.idempotency_key)
            return RecordSupplierPaymentSuccess(supplier_payment=t.SupplierPayment.from_model(row))

        return await run_mutation(info, RecordSupplierPaymentError, run)

    @strawberry.mutation(description="Claim an expense for oneself. Needs `operations.claim_expenses`.")
    async def create_expense_claim(self, info: Info, input: CreateExpenseClaimInput) -> result_union("CreateExpenseClaim", CreateExpenseClaimSuccess, CreateExpenseClaimError):  # type: ignore[valid-type]
        async def run() -> CreateExpenseClaimSuccess:
            row = await service.create_expense_claim(
                info.context.session, actor=info.context.actor, category=input.category.value, amount=input.amount,
                description=input.description, day=input.date, idempotency_key=input.idempotency_key)
            return CreateExpenseClaimSuccess(expense_claim=t.ExpenseClaim.from_model(row))

        return await run_mutation(info, CreateExpenseClaimError, run)

    @strawberry.mutation(description="The claimant's department manager approves or rejects a claim. "
                                     "Needs `operations.approve_claims`.")
    async def approve_expense_claim(self, info: Info, input: ApproveExpenseClaimInput) -> result_union("ApproveExpenseClaim", ApproveExpenseClaimSuccess, ApproveExpenseClaimError):  # type: ignore[valid-type]
        async def run() -> ApproveExpenseClaimSuccess:
            row = await service.approve_expense_claim(info.context.session, actor=info.context.actor,
                                                      claim_id=decode_id(input.id, "ExpenseClaim"),
                                                      approve=input.approve)
            return ApproveExpenseClaimSuccess(expense_claim=t.ExpenseClaim.from_model(row))

        return await run_mutation(info, ApproveExpenseClaimError, run)

    @strawberry.mutation(description="Pay an approved claim; its voucher follows. Needs `operations.pay_claims`.")
    async def pay_expense_claim(self, info: Info, input: PayExpenseClaimInput) -> result_union("PayExpenseClaim", PayExpenseClaimSuccess, PayExpenseClaimError):  # type: ignore[valid-type]
        async def run() -> PayExpenseClaimSuccess:
            row = await service.pay_expense_claim(info.context.session, actor=info.context.actor,
                                                  claim_id=decode_id(input.id, "ExpenseClaim"), day=input.date)
            return PayExpenseClaimSuccess(expense_claim=t.ExpenseClaim.from_model(row))

        return await run_mutation(info, PayExpenseClaimError, run)
