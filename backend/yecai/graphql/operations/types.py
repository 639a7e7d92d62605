"""GraphQL types of business operations: master data and documents, each with its vouchers."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.auth.types import User
from yecai.graphql.ledger.types import Voucher
from yecai.graphql.org.types import Department, _int
from yecai.ledger import models as ledger_models
from yecai.ledger import policies as ledger_policies
from yecai.operations import models, policies

DocumentState = strawberry.enum(models.DocumentState, name="DocumentState")
ExpenseCategory = strawberry.enum(models.ExpenseCategory, name="ExpenseCategory", description="差旅 / 办公 / 招待")


def _master(model: Any, name: str, doc: str, extra: dict[str, Any] | None = None) -> type:
    """A master-data node type (customer, supplier, ...) readable by whoever reads documents."""

    @classmethod  # type: ignore[misc]
    def from_model(cls, m):
        return cls(id=m.id, code=m.code, name=m.name, _model=m)

    @classmethod  # type: ignore[misc]
    async def resolve_nodes(cls, *, info, node_ids, required=False):
        ids = [_int(i) for i in node_ids]
        actor = info.context.actor
        if not (policies.can_read(actor) or policies.can_manage_master_data(actor)):
            return [None for _ in ids]
        rows = await info.context.loaders.by_id(model).load_many([i or 0 for i in ids])
        return [cls.from_model(r) if r else None for r in rows]

    namespace = {"__annotations__": {"id": relay.NodeID[int], "code": str, "name": str,
                                     "_model": strawberry.Private[Any]},
                 "from_model": from_model, "resolve_nodes": resolve_nodes, "__doc__": doc, **(extra or {})}
    return strawberry.type(type(name, (relay.Node,), namespace), description=doc)


Customer = _master(models.Customer, "Customer", "A customer (客户).")
Supplier = _master(models.Supplier, "Supplier", "A supplier (供应商).")
ProductCategory = _master(models.ProductCategory, "ProductCategory", "A product category (商品类别).")
Warehouse = _master(models.Warehouse, "Warehouse", "A warehouse (仓库).")


@strawberry.type(description="A product (商品).")
class Product(relay.Node):
    id: relay.NodeID[int]
    code: str
    name: str
    unit: str
    _model: strawberry.Private[models.Product]

    @classmethod
    def from_model(cls, m: models.Product) -> "Product":
        return cls(id=m.id, code=m.code, name=m.name, unit=m.unit, _model=m)

    @strawberry.field
    async def category(self, info: Info) -> ProductCategory:  # type: ignore[valid-type]
        return ProductCategory.from_model(await info.context.loaders.by_id(models.ProductCategory).load(  # type: ignore[attr-defined]
            self._model.category_id))

    @strawberry.field(description="On hand per warehouse: quantity, value and average unit cost.")
    async def stock(self, info: Info) -> list["StockBalance"]:
        rows = await info.context.loaders.children(models.StockBalance, models.StockBalance.product_id,
                                                   models.StockBalance.warehouse_id).load(self.id)
        return [StockBalance.from_model(r) for r in rows]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        ids = [_int(i) for i in node_ids]
        if not policies.can_read(info.context.actor):
            return [None for _ in ids]
        rows = await info.context.loaders.by_id(models.Product).load_many([i or 0 for i in ids])
        return [cls.from_model(r) if r else None for r in rows]


@strawberry.type(description="Stock of a product in a warehouse, at moving weighted average.")
class StockBalance:
    quantity: Decimal
    value: Decimal
    _model: strawberry.Private[models.StockBalance]

    @classmethod
    def from_model(cls, m: models.StockBalance) -> "StockBalance":
        return cls(quantity=m.quantity, value=m.value, _model=m)

    @strawberry.field
    def unit_cost(self) -> Optional[Decimal]:
        return (self.value / self.quantity).quantize(Decimal("0.000001")) if self.quantity else None

    @strawberry.field
    async def warehouse(self, info: Info) -> Warehouse:  # type: ignore[valid-type]
        return Warehouse.from_model(await info.context.loaders.by_id(models.Warehouse).load(  # type: ignore[attr-defined]
            self._model.warehouse_id))


@strawberry.type(description="One movement of stock caused by a document line.")
class StockMove:
    date: dt.date
    quantity: Decimal
    value: Decimal
    balance_quantity: Decimal
    balance_value: Decimal
    source_type: str
    source_line_id: int
    _model: strawberry.Private[models.StockMove]

    @classmethod
    def from_model(cls, m: models.StockMove) -> "StockMove":
        return cls(date=m.date, quantity=m.quantity, value=m.value, balance_quantity=m.balance_quantity,
                   balance_value=m.balance_value, source_type=m.source_type, source_line_id=m.source_line_id,
                   _model=m)

    @strawberry.field
    async def product(self, info: Info) -> Product:
        return Product.from_model(await info.context.loaders.by_id(models.Product).load(self._model.product_id))


@strawberry.type(description="A line of goods: product, quantity, net unit price, VAT rate and the amounts.")
class DocumentLine:
    id: int
    line_no: int
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal
    cost: Optional[Decimal] = strawberry.field(description="Cost at moving average (deliveries and returns).")
    delivered_quantity: Optional[Decimal] = None
    returned_quantity: Optional[Decimal] = None
    _model: strawberry.Private[Any]

    @classmethod
    def from_model(cls, m: Any) -> "DocumentLine":
        return cls(id=m.id, line_no=m.line_no, quantity=m.quantity, unit_price=m.unit_price, tax_rate=m.tax_rate,
                   net=m.net, tax=m.tax, gross=m.gross, cost=getattr(m, "cost", None),
                   delivered_quantity=getattr(m, "delivered_quantity", None),
                   returned_quantity=getattr(m, "returned_quantity", None), _model=m)

    @strawberry.field
    async def product(self, info: Info) -> Product:
        return Product.from_model(await info.context.loaders.by_id(models.Product).load(self._model.product_id))


SOURCE_TYPES: dict[type, str] = {
    models.PurchaseReceipt: "purchase_receipt", models.SalesOrder: "sales_order",
    models.SalesDelivery: "sales_delivery", models.SalesReturn: "sales_return",
    models.CustomerReceipt: "customer_receipt", models.SupplierPayment: "supplier_payment",
    models.ExpenseClaim: "expense_claim",
}
LINE_MODELS: dict[type, tuple[type, Any]] = {
    models.PurchaseReceipt: (models.PurchaseReceiptLine, models.PurchaseReceiptLine.receipt_id),
    models.SalesOrder: (models.SalesOrderLine, models.SalesOrderLine.order_id),
    models.SalesDelivery: (models.SalesDeliveryLine, models.SalesDeliveryLine.delivery_id),
    models.SalesReturn: (models.SalesReturnLine, models.SalesReturnLine.return_id),
}


@strawberry.interface(description="A business document (业务单据): number, date, owner department, lineage.")
class BusinessDocument(relay.Node):
    id: relay.NodeID[int]
    number: str
    date: dt.date
    state: DocumentState
    created_at: dt.datetime
    _model: strawberry.Private[Any]

    @strawberry.field
    async def department(self, info: Info) -> Department:
        return Department.from_model(await info.context.loaders.department.load(self._model.department_id))

    @strawberry.field
    async def created_by(self, info: Info) -> Optional[User]:
        if self._model.created_by_id is None:
            return None
        row = await info.context.loaders.user.load(self._model.created_by_id)
        return User.from_model(row) if row else None

    @strawberry.field(description="Every voucher this document caused (empty without `ledger.read`).")
    async def vouchers(self, info: Info) -> list[Voucher]:
        if not ledger_policies.can_read(info.context.actor):
            return []
        source_type = SOURCE_TYPES[type(self._model)]
        rows = await info.context.loaders.children(
            ledger_models.Voucher, ledger_models.Voucher.source_id, ledger_models.Voucher.id).load(self.id)
        return [Voucher.from_model(r) for r in rows if r.source_type == source_type]

    @strawberry.field(description="Every stock movement this document caused.")
    async def stock_moves(self, info: Info) -> list[StockMove]:
        source_type = SOURCE_TYPES[type(self._model)]
        rows = await info.context.loaders.children(models.StockMove, models.StockMove.source_id,
                                                   models.StockMove.id).load(self.id)
        return [StockMove.from_model(r) for r in rows if r.source_type == source_type]

    @strawberry.field
    async def lines(self, info: Info) -> list[DocumentLine]:
        spec = LINE_MODELS.get(type(self._model))
        if spec is None:
            return []
        line_model, fk = spec
        rows = await info.context.loaders.children(line_model, fk, fk, line_model.line_no).load(self.id)
        return [DocumentLine.from_model(r) for r in rows]


def _fields(m: Any) -> dict[str, Any]:
    return {"id": m.id, "number": m.number, "date": m.date, "state": m.state, "created_at": m.created_at, "_model": m}


async def _customer(info: Info, customer_id: int) -> Any:
    return Customer.from_model(await info.context.loaders.by_id(models.Customer).load(customer_id))  # type: ignore[attr-defined]


async def _supplier(info: Info, supplier_id: int) -> Any:
    return Supplier.from_model(await info.context.loaders.by_id(models.Supplier).load(supplier_id))  # type: ignore[attr-defined]


async def _warehouse(info: Info, warehouse_id: int) -> Any:
    return Warehouse.from_model(await info.context.loaders.by_id(models.Warehouse).load(warehouse_id))  # type: ignore[attr-defined]


class _Visible:
    # Each document type names its table in a class attribute ``model`` (not a GraphQL field).

    @classmethod
    def from_model(cls, m: Any) -> Any:
        return cls(**_fields(m))  # type: ignore[call-arg]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        ids = [_int(i) for i in node_ids]
        rows = await info.context.loaders.by_id(cls.model).load_many([i or 0 for i in ids])
        actor = info.context.actor
        return [cls.from_model(r) if r and policies.can_see_department(actor, r.department_id) else None
                for r in rows]


@strawberry.type(description="采购入库: goods received from a supplier.")
class PurchaseReceipt(_Visible, BusinessDocument):
    model = models.PurchaseReceipt
    supplier_invoice_no: Optional[str] = None

    @classmethod
    def from_model(cls, m: models.PurchaseReceipt) -> "PurchaseReceipt":
        return cls(**_fields(m), supplier_invoice_no=m.supplier_invoice_no)

    @strawberry.field
    async def supplier(self, info: Info) -> Supplier:  # type: ignore[valid-type]
        return await _supplier(info, self._model.supplier_id)

    @strawberry.field
    async def warehouse(self, info: Info) -> Warehouse:  # type: ignore[valid-type]
        return await _warehouse(info, self._model.warehouse_id)


@strawberry.type(description="销售订单.")
class SalesOrder(_Visible, BusinessDocument):
    model = models.SalesOrder

    @strawberry.field
    async def customer(self, info: Info) -> Customer:  # type: ignore[valid-type]
        return await _customer(info, self._model.customer_id)

    @strawberry.field(description="The deliveries made against this order.")
    async def deliveries(self, info: Info) -> list["SalesDelivery"]:
        rows = await info.context.loaders.children(models.SalesDelivery, models.SalesDelivery.order_id,
                                                   models.SalesDelivery.id).load(self.id)
        return [SalesDelivery.from_model(r) for r in rows]

    @strawberry.field(description="The order this one was copied from (引用复制).")
    async def copied_from(self, info: Info) -> Optional["SalesOrder"]:
        if self._model.copied_from_id is None:
            return None
        return SalesOrder.from_model(await info.context.loaders.by_id(models.SalesOrder).load(
            self._model.copied_from_id))


@strawberry.type(description="发货: goods delivered against an order.")
class SalesDelivery(_Visible, BusinessDocument):
    model = models.SalesDelivery

    @strawberry.field
    async def customer(self, info: Info) -> Customer:  # type: ignore[valid-type]
        return await _customer(info, self._model.customer_id)

    @strawberry.field
    async def order(self, info: Info) -> SalesOrder:
        return SalesOrder.from_model(await info.context.loaders.by_id(models.SalesOrder).load(self._model.order_id))

    @strawberry.field
    async def warehouse(self, info: Info) -> Warehouse:  # type: ignore[valid-type]
        return await _warehouse(info, self._model.warehouse_id)


@strawberry.type(description="销售退货: goods returned against a delivery.")
class SalesReturn(_Visible, BusinessDocument):
    model = models.SalesReturn

    @strawberry.field
    async def customer(self, info: Info) -> Customer:  # type: ignore[valid-type]
        return await _customer(info, self._model.customer_id)

    @strawberry.field
    async def delivery(self, info: Info) -> SalesDelivery:
        return SalesDelivery.from_model(await info.context.loaders.by_id(models.SalesDelivery).load(
            self._model.delivery_id))


@strawberry.type(description="收款: money received from a customer.")
class CustomerReceipt(_Visible, BusinessDocument):
    model = models.CustomerReceipt
    amount: Decimal = Decimal("0")

    @classmethod
    def from_model(cls, m: models.CustomerReceipt) -> "CustomerReceipt":
        return cls(**_fields(m), amount=m.amount)

    @strawberry.field
    async def customer(self, info: Info) -> Customer:  # type: ignore[valid-type]
        return await _customer(info, self._model.customer_id)


@strawberry.type(description="付款: money paid to a supplier.")
class SupplierPayment(_Visible, BusinessDocument):
    model = models.SupplierPayment
    amount: Decimal = Decimal("0")

    @classmethod
    def from_model(cls, m: models.SupplierPayment) -> "SupplierPayment":
        return cls(**_fields(m), amount=m.amount)

    @strawberry.field
    async def supplier(self, info: Info) -> Supplier:  # type: ignore[valid-type]
        return await _supplier(info, self._model.supplier_id)


@strawberry.type(description="What the viewer may do with this claim now.")
class ExpenseClaimAbilities:
    approve: bool
    pay: bool


@strawberry.type(description="费用报销: claimed by an employee, approved by their manager, paid by finance.")
class ExpenseClaim(_Visible, BusinessDocument):
    model = models.ExpenseClaim
    category: ExpenseCategory = models.ExpenseCategory.TRAVEL
    amount: Decimal = Decimal("0")
    description: str = ""
    approved_at: Optional[dt.datetime] = None
    paid_on: Optional[dt.date] = None

    @classmethod
    def from_model(cls, m: models.ExpenseClaim) -> "ExpenseClaim":
        return cls(**_fields(m), category=m.category, amount=m.amount, description=m.description,
                   approved_at=m.approved_at, paid_on=m.paid_on)

    @strawberry.field
    async def claimant(self, info: Info) -> User:
        return User.from_model(await info.context.loaders.user.load(self._model.claimant_id))

    @strawberry.field
    async def approver(self, info: Info) -> Optional[User]:
        if self._model.approver_id is None:
            return None
        return User.from_model(await info.context.loaders.user.load(self._model.approver_id))

    @strawberry.field
    def viewer_can(self, info: Info) -> ExpenseClaimAbilities:
        actor = info.context.actor
        return ExpenseClaimAbilities(approve=policies.can_approve_claim(actor, self._model),
                                     pay=policies.can_pay_claim(actor, self._model))

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        ids = [_int(i) for i in node_ids]
        rows = await info.context.loaders.by_id(models.ExpenseClaim).load_many([i or 0 for i in ids])
        actor = info.context.actor
        return [cls.from_model(r) if r and (policies.can_see_department(actor, r.department_id)
                                            or actor.is_user(r.claimant_id)) else None for r in rows]


@strawberry.type(description="未结项: a delivery a customer still owes on, or a receipt still owed to a supplier.")
class OpenItem:
    number: str
    date: dt.date
    amount: Decimal = strawberry.field(description="Gross amount, less returns.")
    settled: Decimal = strawberry.field(description="What receipts or payments have applied to it.")
    open: Decimal
    _item: strawberry.Private[Any]

    @strawberry.field
    async def document(self, info: Info) -> BusinessDocument:
        row = await info.context.loaders.by_id(MODELS_BY_SOURCE[self._item.item_type]).load(self._item.item_id)
        return DOCUMENT_TYPES[self._item.item_type].from_model(row)


DOCUMENT_TYPES: dict[str, Any] = {
    "purchase_receipt": PurchaseReceipt, "sales_order": SalesOrder, "sales_delivery": SalesDelivery,
    "sales_return": SalesReturn, "customer_receipt": CustomerReceipt, "supplier_payment": SupplierPayment,
    "expense_claim": ExpenseClaim,
}
MODELS_BY_SOURCE: dict[str, Any] = {v: k for k, v in SOURCE_TYPES.items()}
