"""Queries of business operations: master data and document lists, filtered by the viewer's rights."""

from typing import Any, Optional

import strawberry
from strawberry.types import Info

from yecai.errors import invalid
from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_optional_id, guarded
from yecai.graphql.operations import types as t
from yecai.operations import models, service
from yecai.pagination import page_of, paginate


def _master_field(model: Any, node: Any, description: str) -> Any:
    async def resolver(self: Any, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                       search: Optional[str] = None) -> Any:
        async def run() -> Any:
            stmt = service.master_query(model, actor=info.context.actor, search=search)
            page = await paginate(info.context.session, stmt, order=[(model.code, False), (model.id, False)],
                                  first=first, after=after)
            return connection(page, node.from_model)

        return await guarded(info, run)

    resolver.__annotations__["return"] = Optional[Connection[node]]  # type: ignore[valid-type]
    return strawberry.field(resolver=resolver, description=description)


def _documents_field(model: Any, node: Any, description: str) -> Any:
    async def resolver(self: Any, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                       search: Optional[str] = None, state: Optional[t.DocumentState] = None) -> Any:
        async def run() -> Any:
            stmt = service.documents_query(model, actor=info.context.actor, search=search,
                                           state=models.DocumentState(state.value) if state else None)
            page = await paginate(info.context.session, stmt, order=[(model.date, True), (model.id, True)],
                                  first=first, after=after)
            return connection(page, node.from_model)

        return await guarded(info, run)

    resolver.__annotations__["return"] = Optional[Connection[node]]  # type: ignore[valid-type]
    return strawberry.field(resolver=resolver, description=description)


READ = " Needs `operations.read`; without `operations.read_all_departments`, own department only."


@strawberry.type
class OperationsQueries:
    customers = _master_field(models.Customer, t.Customer, "Customers (客户), by code.")
    suppliers = _master_field(models.Supplier, t.Supplier, "Suppliers (供应商), by code.")
    products = _master_field(models.Product, t.Product, "Products (商品), by code.")
    product_categories = _master_field(models.ProductCategory, t.ProductCategory, "Product categories, by code.")
    warehouses = _master_field(models.Warehouse, t.Warehouse, "Warehouses (仓库), by code.")
    purchase_receipts = _documents_field(models.PurchaseReceipt, t.PurchaseReceipt, "采购入库, newest first." + READ)
    sales_orders = _documents_field(models.SalesOrder, t.SalesOrder, "销售订单, newest first." + READ)
    sales_deliveries = _documents_field(models.SalesDelivery, t.SalesDelivery, "发货, newest first." + READ)
    sales_returns = _documents_field(models.SalesReturn, t.SalesReturn, "销售退货, newest first." + READ)
    customer_receipts = _documents_field(models.CustomerReceipt, t.CustomerReceipt, "收款, newest first." + READ)
    supplier_payments = _documents_field(models.SupplierPayment, t.SupplierPayment, "付款, newest first." + READ)
    expense_claims = _documents_field(models.ExpenseClaim, t.ExpenseClaim,
                                      "费用报销, newest first; one's own claims for everyone else." + READ)

    @strawberry.field(description="未结项 of a customer (deliveries) or a supplier (purchase receipts), oldest first; "
                                  "receipts and payments settle them in that order. Needs `operations.read`.")
    async def open_items(self, info: Info, customer_id: Optional[strawberry.ID] = None,
                         supplier_id: Optional[strawberry.ID] = None, first: int = DEFAULT_PAGE_SIZE,
                         after: Optional[str] = None) -> Optional[Connection[t.OpenItem]]:
        async def run() -> Connection[t.OpenItem]:
            if (customer_id is None) == (supplier_id is None):
                raise invalid("customerId", "请指定客户或供应商之一", "give either customerId or supplierId")
            items = await service.open_items_for(
                info.context.session, actor=info.context.actor,
                customer_id=decode_optional_id(customer_id, "Customer", "customerId"),
                supplier_id=decode_optional_id(supplier_id, "Supplier", "supplierId"))
            return connection(page_of(items, first=first, after=after), lambda i: t.OpenItem(
                number=i.number, date=i.date, amount=i.amount, settled=i.settled, open=i.open, _item=i))

        return await guarded(info, run)
