"""Master data and business documents in the search index.

Documents carry their department's tag and the every-department tag, so the index filters them as
``policies.can_see_document`` does; expense claims also carry their claimant's, who may always open
their own claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.models import User
from yecai.manifest import DocumentType
from yecai.operations import documents, policies
from yecai.operations.models import Customer, ExpenseClaim, Product, ProductCategory, Supplier
from yecai.searchable import Refer, Searchable, SearchDocument, Watch, checked_by, text_of, web_id

MASTER_DATA = "ops:master"
ALL_DEPARTMENTS = "ops:all"

STATES = {"DRAFT": "草稿", "OPEN": "已确认", "PARTIAL": "部分完成", "DONE": "已完成", "SUBMITTED": "已提交",
          "APPROVED": "已审批", "REJECTED": "已驳回", "CANCELLED": "已作废"}
CATEGORIES = {"TRAVEL": "差旅费", "OFFICE": "办公费", "ENTERTAINMENT": "业务招待费"}


def department_tag(department_id: int | None) -> str:
    return f"ops:dept:{department_id}"


def claimant_tag(user_id: int) -> str:
    return f"ops:claimant:{user_id}"


def master_data_tags(actor: Actor) -> set[str]:
    return {MASTER_DATA} if policies.can_see_master_data(actor) else set()


def document_tags(actor: Actor) -> set[str]:
    tags = set()
    if policies.can_read(actor):
        tags.add(ALL_DEPARTMENTS if policies.reads_all_departments(actor) else department_tag(actor.department_id))
    if actor.kind == "user" and actor.user_id is not None:
        tags.add(claimant_tag(actor.user_id))
    return tags


# ---------------------------------------------------------------- master data

def _master(kind: str, model: Any, node: str, zh: str, en: str, tab: str) -> Searchable:
    async def build(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
        stmt = select(model).where(model.id.in_(list(ids)))
        found = {}
        categories: dict[int, str] = {}
        rows = list((await session.execute(stmt)).scalars())
        if model is Product and rows:
            wanted = {r.category_id for r in rows}
            categories = dict((await session.execute(select(ProductCategory.id, ProductCategory.name)
                                                     .where(ProductCategory.id.in_(wanted)))).all())
        for row in rows:
            extra = text_of(categories.get(row.category_id), row.unit) if model is Product else ""
            found[row.id] = SearchDocument(kind=kind, object_id=row.id, title=row.name, code=row.code,
                                           body=text_of(zh, extra, "" if row.active else "已停用"),
                                           access=(MASTER_DATA,), url=f"/master-data?tab={tab}&id={web_id(node, row.id)}")
        return found

    async def words(session: AsyncSession) -> list[str]:
        return list((await session.execute(select(model.name))).scalars())

    refers = ()
    if model is Product:  # a product shows its category's name
        refers = (Refer(ProductCategory, ("name",), lambda ids: select(Product.id).where(Product.category_id.in_(ids))),)
    return Searchable(kind=kind, zh=zh, en=en, model=model, node=node, build=build,
                      visible=checked_by(model, lambda actor, _row: policies.can_see_master_data(actor)),
                      viewer_tags=master_data_tags, words=words, refers=refers)


# ---------------------------------------------------------------- documents

def _document(doc_type: DocumentType) -> Searchable:
    model = doc_type.model

    async def build(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
        wanted = list(ids)
        rows = list((await session.execute(select(model).where(model.id.in_(wanted)))).scalars())
        parties = await _parties(session, rows)
        products: dict[int, list[str]] = defaultdict(list)
        if doc_type.line_model is not None:
            key = getattr(doc_type.line_model, doc_type.line_key or "")
            for owner, name, code in await session.execute(
                    select(key, Product.name, Product.code).join(Product, Product.id == doc_type.line_model.product_id)
                    .where(key.in_(wanted)).order_by(key, doc_type.line_model.line_no)):
                products[owner].append(text_of(name, code))
        found = {}
        for row in rows:
            party = parties.get(id(row), "")
            access = [ALL_DEPARTMENTS, department_tag(row.department_id)]
            extra: list[str] = []
            if isinstance(row, ExpenseClaim):
                access.append(claimant_tag(row.claimant_id))
                extra = [CATEGORIES.get(row.category.value, ""), row.description]
            amount = getattr(row, "amount", None)
            found[row.id] = SearchDocument(
                kind=doc_type.code, object_id=row.id, title=text_of(doc_type.zh, row.number, party),
                code=row.number, department_id=row.department_id, access=tuple(access), date=row.date,
                body=text_of(party, STATES.get(row.state.value, ""), getattr(row, "supplier_invoice_no", None),
                             *extra, amount, *dict.fromkeys(products[row.id])),
                url=f"/documents/{web_id(doc_type.name, row.id)}")
        return found

    watches = ()
    # The names a document shows: its customer's, supplier's or claimant's, and its lines' products'.
    refers = [Refer(party, (field,), lambda ids, column=getattr(model, attr): select(model.id).where(column.in_(ids)))
              for attr, party, field in (("customer_id", Customer, "name"), ("supplier_id", Supplier, "name"),
                                         ("claimant_id", User, "display_name"))
              if hasattr(model, attr)]
    if doc_type.line_model is not None:
        line_key = doc_type.line_key or ""
        watches = (Watch(doc_type.line_model, lambda line: getattr(line, line_key)),)
        owner = getattr(doc_type.line_model, line_key)
        refers.append(Refer(Product, ("name", "code"), lambda ids, line=doc_type.line_model, owner=owner:
                            select(owner).where(line.product_id.in_(ids)).distinct()))
    return Searchable(kind=doc_type.code, zh=doc_type.zh, en=doc_type.en, model=model, node=doc_type.name,
                      build=build, visible=checked_by(model, policies.can_see_document), viewer_tags=document_tags,
                      watches=watches, refers=tuple(refers))


async def _parties(session: AsyncSession, rows: list[Any]) -> dict[int, str]:
    """The customer, supplier or claimant each row is about, by ``id(row)``."""
    names: dict[int, str] = {}
    for attr, model, column in (("customer_id", Customer, Customer.name), ("supplier_id", Supplier, Supplier.name),
                                ("claimant_id", User, User.display_name)):
        ids = {getattr(r, attr) for r in rows if getattr(r, attr, None) is not None}
        if not ids:
            continue
        by_id = dict((await session.execute(select(model.id, column).where(model.id.in_(ids)))).all())
        for r in rows:
            if getattr(r, attr, None) is not None:
                names[id(r)] = by_id.get(getattr(r, attr), "")
    return names


SEARCHABLES = (
    _master("customer", Customer, "Customer", "客户", "Customer", "customers"),
    _master("supplier", Supplier, "Supplier", "供应商", "Supplier", "suppliers"),
    _master("product", Product, "Product", "商品", "Product", "products"),
    *(_document(t) for t in documents.DOCUMENT_TYPES),
)
