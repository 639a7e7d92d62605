"""GraphQL types of business operations: master data, documents and their lines, stock, open items."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai import manifest
from yecai.graphql.auth.types import User
from yecai.graphql.base import (
    DEFAULT_PAGE_SIZE,
    Connection,
    ListSize,
    ModelNode,
    connection,
    decode_optional_id,
    guarded,
)
from yecai.graphql.enums import DocumentType, DocumentTypeEnum
from yecai.graphql.ledger.types import Voucher
from yecai.graphql.org.types import Department
from yecai.ledger import models as ledger_models
from yecai.ledger import policies as ledger_policies
from yecai.operations import models, policies, service
from yecai.pagination import paginate

DocumentState = strawberry.enum(models.DocumentState, name="DocumentState")
ExpenseCategory = strawberry.enum(models.ExpenseCategory, name="ExpenseCategory", description="差旅 / 办公 / 招待")


@strawberry.interface(description="Master data (基础资料): a customer, supplier, product, product category or warehouse.")
class MasterData(relay.Node):
    id: relay.NodeID[int]
    code: str
    name: str


class _MasterNode(ModelNode):
    @classmethod
    def visible(cls, info: Info, row: Any) -> bool:
        return policies.can_see_master_data(info.context.actor)


def _master(model: Any, name: str, doc: str) -> type:
    """A master-data node type (customer, supplier, ...) with a code and a name."""

    @classmethod  # type: ignore[misc]
    def from_model(cls, m):
        return cls(id=m.id, code=m.code, name=m.name, _model=m)

    namespace = {"__annotations__": {"id": relay.NodeID[int], "code": str, "name": str,
                                     "_model": strawberry.Private[Any]},
                 "model": model, "from_model": from_model, "__doc__": doc}
    return strawberry.type(type(name, (_MasterNode, MasterData), namespace), description=doc)


Customer: Any = _master(models.Customer, "Customer", "A customer (客户).")
Supplier: Any = _master(models.Supplier, "Supplier", "A supplier (供应商).")
ProductCategory: Any = _master(models.ProductCategory, "ProductCategory", "A product category (商品类别).")
Warehouse: Any = _master(models.Warehouse, "Warehouse", "A warehouse (仓库).")


@strawberry.type(description="A product (商品).")
class Product(_MasterNode, MasterData):
    model = models.Product
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
        return ProductCategory.from_model(await info.context.loaders.by_id(models.ProductCategory).load(
            self._model.category_id))

    @strawberry.field(description="On hand per warehouse: quantity, value and average unit cost.",
                      directives=[ListSize(assumed_size=3)])
    async def stock(self, info: Info) -> list["StockBalance"]:
        rows = await info.context.loaders.children(models.StockBalance, models.StockBalance.product_id,
                                                   models.StockBalance.warehouse_id).load(self.id)
        return [StockBalance.from_model(r) for r in rows]

    @strawberry.field(description="Its stock movements, newest first, optionally in one warehouse. Needs "
                                  "`operations.read`.")
    async def stock_moves(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                          warehouse_id: Optional[strawberry.ID] = None) -> Optional[Connection["StockMove"]]:
        async def run() -> Connection[StockMove]:
            stmt = service.stock_moves_query(
                actor=info.context.actor, product_id=self.id,
                warehouse_id=decode_optional_id(warehouse_id, "Warehouse", "warehouseId"))
            page = await paginate(info.context.session, stmt, order=[(models.StockMove.id, True)], first=first,
                                  after=after)
            return connection(page, StockMove.from_model)

        return await guarded(info, run)


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
        return Warehouse.from_model(await info.context.loaders.by_id(models.Warehouse).load(
            self._model.warehouse_id))


# ---------------------------------------------------------------- documents and their lines


async def _document_of_type(info: Info, code: str, pk: int | None) -> Any:
    """The node of a document (by its type's code), when the viewer may see it."""
    document_type = manifest.document_type(code)
    if document_type is None or pk is None:
        return None
    row = await info.context.loaders.by_id(document_type.model).load(pk)
    if row is None or not policies.can_see_document(info.context.actor, row):
        return None
    return DOCUMENT_NODES[document_type.name].from_model(row)


async def _line_of_type(info: Info, code: str, pk: int | None) -> Any:
    document_type = manifest.document_type(code)
    if document_type is None or document_type.line_name is None or pk is None:
        return None
    return await LINE_NODES[document_type.line_name].load(info, pk)


@strawberry.interface(description="A line of goods on a document: product, quantity, net unit price, VAT rate, amounts.")
class DocumentLine(relay.Node):
    id: relay.NodeID[int]
    line_no: int
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal
    _model: strawberry.Private[Any]

    @strawberry.field
    async def product(self, info: Info) -> Product:
        return Product.from_model(await info.context.loaders.by_id(models.Product).load(self._model.product_id))

    @strawberry.field(description="The document this line belongs to; null when the viewer may not see it.")
    async def document(self, info: Info) -> Optional["BusinessDocument"]:
        document_type = LINE_TYPES[type(self)]
        return await _document_of_type(info, document_type.code, getattr(self._model, document_type.line_key or ""))


class _LineNode(ModelNode):
    # A line is visible with its document.

    @classmethod
    def from_model(cls, m: Any) -> Any:
        return cls(id=m.id, line_no=m.line_no, quantity=m.quantity, unit_price=m.unit_price, tax_rate=m.tax_rate,
                   net=m.net, tax=m.tax, gross=m.gross, _model=m)  # type: ignore[call-arg]

    @classmethod
    async def can_see(cls, info: Info, rows: Sequence[Any]) -> list[bool]:
        document_type = LINE_TYPES[cls]
        documents = await info.context.loaders.by_id(document_type.model).load_many(
            [0 if row is None else getattr(row, document_type.line_key or "") for row in rows])
        return [row is not None and document is not None and policies.can_see_document(info.context.actor, document)
                for row, document in zip(rows, documents, strict=True)]


@strawberry.type(description="A line of a purchase receipt (采购入库).")
class PurchaseReceiptLine(_LineNode, DocumentLine):
    model = models.PurchaseReceiptLine


@strawberry.type(description="A line of a sales order, with what was delivered and returned of it.")
class SalesOrderLine(_LineNode, DocumentLine):
    model = models.SalesOrderLine

    @strawberry.field
    def delivered_quantity(self) -> Decimal:
        return self._model.delivered_quantity

    @strawberry.field
    def returned_quantity(self) -> Decimal:
        return self._model.returned_quantity


@strawberry.type(description="A line of a delivery, at the cost it left the warehouse at.")
class SalesDeliveryLine(_LineNode, DocumentLine):
    model = models.SalesDeliveryLine

    @strawberry.field(description="Cost at moving average when delivered.")
    def cost(self) -> Decimal:
        return self._model.cost

    @strawberry.field
    def returned_quantity(self) -> Decimal:
        return self._model.returned_quantity

    @strawberry.field
    async def order_line(self, info: Info) -> Optional[SalesOrderLine]:
        return await SalesOrderLine.load(info, self._model.order_line_id)


@strawberry.type(description="A line of a sales return, at its share of the delivery's cost.")
class SalesReturnLine(_LineNode, DocumentLine):
    model = models.SalesReturnLine

    @strawberry.field
    def cost(self) -> Decimal:
        return self._model.cost

    @strawberry.field
    async def delivery_line(self, info: Info) -> Optional[SalesDeliveryLine]:
        return await SalesDeliveryLine.load(info, self._model.delivery_line_id)


@strawberry.type(description="Where something in the books or in stock came from: a document and, where known, its line.")
class DocumentSource:
    type: DocumentType  # type: ignore[valid-type]
    _code: strawberry.Private[str]
    _id: strawberry.Private[Optional[int]]
    _line_id: strawberry.Private[Optional[int]] = None

    @strawberry.field(description="Null when the viewer may not see the document.")
    async def document(self, info: Info) -> Optional["BusinessDocument"]:
        return await _document_of_type(info, self._code, self._id)

    @strawberry.field(description="The document line; null for a document-level entry or when not visible.")
    async def line(self, info: Info) -> Optional[DocumentLine]:
        return await _line_of_type(info, self._code, self._line_id)


def document_source(code: str | None, pk: int | None, line_id: int | None = None) -> Optional[DocumentSource]:
    if code is None or manifest.document_type(code) is None:
        return None
    return DocumentSource(type=DocumentTypeEnum(code), _code=code, _id=pk, _line_id=line_id)


@strawberry.type(description="One movement of stock caused by a document line.")
class StockMove:
    date: dt.date
    quantity: Decimal
    value: Decimal
    balance_quantity: Decimal
    balance_value: Decimal
    _model: strawberry.Private[models.StockMove]

    @classmethod
    def from_model(cls, m: models.StockMove) -> "StockMove":
        return cls(date=m.date, quantity=m.quantity, value=m.value, balance_quantity=m.balance_quantity,
                   balance_value=m.balance_value, _model=m)

    @strawberry.field
    def source(self) -> DocumentSource:
        found = document_source(self._model.source_type, self._model.source_id, self._model.source_line_id)
        assert found is not None
        return found

    @strawberry.field
    async def product(self, info: Info) -> Product:
        return Product.from_model(await info.context.loaders.by_id(models.Product).load(self._model.product_id))

    @strawberry.field
    async def warehouse(self, info: Info) -> Warehouse:  # type: ignore[valid-type]
        return Warehouse.from_model(await info.context.loaders.by_id(models.Warehouse).load(
            self._model.warehouse_id))


@strawberry.interface(description="A business document (业务单据): number, date, owner department, lineage.")
class BusinessDocument(relay.Node):
    id: relay.NodeID[int]
    number: str
    date: dt.date
    state: DocumentState
    created_at: dt.datetime
    _model: strawberry.Private[Any]

    @strawberry.field(description="Its kind (单据类型).")
    def document_type(self) -> DocumentType:  # type: ignore[valid-type]
        return DocumentTypeEnum(manifest.document_type_of(type(self._model)).code)

    @strawberry.field
    async def department(self, info: Info) -> Department:
        return Department.from_model(await info.context.loaders.department.load(self._model.department_id))

    @strawberry.field
    async def created_by(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.created_by_id)

    @strawberry.field(description="Every voucher this document caused (empty without `ledger.read`).",
                      directives=[ListSize(assumed_size=2)])
    async def vouchers(self, info: Info) -> list[Voucher]:
        if not ledger_policies.can_read(info.context.actor):
            return []
        code = manifest.document_type_of(type(self._model)).code
        rows = await info.context.loaders.children(
            ledger_models.Voucher, ledger_models.Voucher.source_id, ledger_models.Voucher.id,
            kind=(ledger_models.Voucher.source_type, code)).load(self.id)
        return [Voucher.from_model(r) for r in rows]

    @strawberry.field(description="Every stock movement this document caused.", directives=[ListSize(assumed_size=5)])
    async def stock_moves(self, info: Info) -> list[StockMove]:
        code = manifest.document_type_of(type(self._model)).code
        rows = await info.context.loaders.children(models.StockMove, models.StockMove.source_id, models.StockMove.id,
                                                   kind=(models.StockMove.source_type, code)).load(self.id)
        return [StockMove.from_model(r) for r in rows]

    @strawberry.field(description="Its lines, in order; empty for documents without lines (receipts, claims).",
                      directives=[ListSize(assumed_size=5)])
    async def lines(self, info: Info) -> list[DocumentLine]:
        document_type = manifest.document_type_of(type(self._model))
        if document_type.line_model is None or document_type.line_name is None:
            return []
        line_model, fk = document_type.line_model, getattr(document_type.line_model, document_type.line_key or "")
        rows = await info.context.loaders.children(line_model, fk, fk, line_model.line_no).load(self.id)
        return [LINE_NODES[document_type.line_name].from_model(r) for r in rows]


def _fields(m: Any) -> dict[str, Any]:
    return {"id": m.id, "number": m.number, "date": m.date, "state": m.state, "created_at": m.created_at, "_model": m}


class _DocumentNode(ModelNode):
    # Each document type names its table in ``model``; who sees it is the operations policy.

    @classmethod
    def from_model(cls, m: Any) -> Any:
        return cls(**_fields(m))  # type: ignore[call-arg]

    @classmethod
    def visible(cls, info: Info, row: Any) -> bool:
        return policies.can_see_document(info.context.actor, row)


async def _customer(info: Info, customer_id: int) -> Any:
    return Customer.from_model(await info.context.loaders.by_id(models.Customer).load(customer_id))


async def _supplier(info: Info, supplier_id: int) -> Any:
    return Supplier.from_model(await info.context.loaders.by_id(models.Supplier).load(supplier_id))


async def _warehouse(info: Info, warehouse_id: int) -> Any:
    return Warehouse.from_model(await info.context.loaders.by_id(models.Warehouse).load(warehouse_id))


@strawberry.type(description="采购入库: goods received from a supplier.")
class PurchaseReceipt(_DocumentNode, BusinessDocument):
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
class SalesOrder(_DocumentNode, BusinessDocument):
    model = models.SalesOrder

    @strawberry.field
    async def customer(self, info: Info) -> Customer:  # type: ignore[valid-type]
        return await _customer(info, self._model.customer_id)

    @strawberry.field(description="The deliveries made against this order.", directives=[ListSize(assumed_size=3)])
    async def deliveries(self, info: Info) -> list["SalesDelivery"]:
        rows = await info.context.loaders.children(models.SalesDelivery, models.SalesDelivery.order_id,
                                                   models.SalesDelivery.id).load(self.id)
        return [SalesDelivery.from_model(r) for r in rows]

    @strawberry.field(description="The order this one was copied from (引用复制).")
    async def copied_from(self, info: Info) -> Optional["SalesOrder"]:
        return await SalesOrder.load(info, self._model.copied_from_id)


@strawberry.type(description="发货: goods delivered against an order.")
class SalesDelivery(_DocumentNode, BusinessDocument):
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
class SalesReturn(_DocumentNode, BusinessDocument):
    model = models.SalesReturn

    @strawberry.field
    async def customer(self, info: Info) -> Customer:  # type: ignore[valid-type]
        return await _customer(info, self._model.customer_id)

    @strawberry.field
    async def delivery(self, info: Info) -> SalesDelivery:
        return SalesDelivery.from_model(await info.context.loaders.by_id(models.SalesDelivery).load(
            self._model.delivery_id))


@strawberry.type(description="收款: money received from a customer.")
class CustomerReceipt(_DocumentNode, BusinessDocument):
    model = models.CustomerReceipt
    amount: Decimal = Decimal("0")

    @classmethod
    def from_model(cls, m: models.CustomerReceipt) -> "CustomerReceipt":
        return cls(**_fields(m), amount=m.amount)

    @strawberry.field
    async def customer(self, info: Info) -> Customer:  # type: ignore[valid-type]
        return await _customer(info, self._model.customer_id)


@strawberry.type(description="付款: money paid to a supplier.")
class SupplierPayment(_DocumentNode, BusinessDocument):
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
class ExpenseClaim(_DocumentNode, BusinessDocument):
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
        return await User.load(info, self._model.approver_id)

    @strawberry.field
    def viewer_can(self, info: Info) -> ExpenseClaimAbilities:
        actor = info.context.actor
        return ExpenseClaimAbilities(approve=policies.can_approve_claim(actor, self._model),
                                     pay=policies.can_pay_claim(actor, self._model))


@strawberry.type(description="未结项: a delivery a customer still owes on, or a receipt still owed to a supplier.")
class OpenItem:
    number: str
    date: dt.date
    amount: Decimal = strawberry.field(description="Gross amount, less returns.")
    settled: Decimal = strawberry.field(description="What receipts or payments have applied to it.")
    open: Decimal
    _item: strawberry.Private[Any]

    @strawberry.field(description="The delivery or purchase receipt; null when the viewer may not see it.")
    async def document(self, info: Info) -> Optional[BusinessDocument]:
        return await _document_of_type(info, self._item.item_type, self._item.item_id)


DOCUMENT_NODES: dict[str, Any] = {t.__name__: t for t in (
    PurchaseReceipt, SalesOrder, SalesDelivery, SalesReturn, CustomerReceipt, SupplierPayment, ExpenseClaim)}
LINE_NODES: dict[str, Any] = {t.__name__: t for t in (
    PurchaseReceiptLine, SalesOrderLine, SalesDeliveryLine, SalesReturnLine)}
LINE_TYPES: dict[type, manifest.DocumentType] = {
    LINE_NODES[t.line_name]: t for t in manifest.document_types() if t.line_name in LINE_NODES}


# ---------------------------------------------------------------- what operations adds to the books' types


@strawberry.type
class DimensionObjects:
    """The customer, supplier and product a voucher line (or a trial-balance row) is about."""

    @strawberry.field(description="The customer dimension; null when none or not visible to the viewer.")
    async def customer(self, info: Info) -> Optional[Customer]:  # type: ignore[valid-type]
        return await Customer.load(info, _dimension(self, ledger_models.Dimension.CUSTOMER))

    @strawberry.field(description="The supplier dimension; null when none or not visible to the viewer.")
    async def supplier(self, info: Info) -> Optional[Supplier]:  # type: ignore[valid-type]
        return await Supplier.load(info, _dimension(self, ledger_models.Dimension.SUPPLIER))

    @strawberry.field(description="The product dimension; null when none or not visible to the viewer.")
    async def product(self, info: Info) -> Optional[Product]:
        return await Product.load(info, _dimension(self, ledger_models.Dimension.PRODUCT))


def _dimension(row: Any, dimension: ledger_models.Dimension) -> int | None:
    model = getattr(row, "_model", None)
    if isinstance(model, ledger_models.VoucherLine):
        return model.dimension_values()[dimension.value]  # type: ignore[return-value]
    # A trial-balance row by this dimension.
    return row._value if getattr(row, "_dimension", None) == dimension else None

