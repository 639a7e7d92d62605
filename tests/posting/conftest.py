"""The reference organisation of the posting cases: departments, people, master data, an open period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import actor_of, make_department, make_master_data, make_user, open_months
from yecai.actor import Actor
from yecai.ledger.models import Account, Voucher, VoucherLine
from yecai.operations.models import Customer, Product, Supplier, Warehouse
from yecai.org.models import Department, DepartmentKind

DAY = date(2026, 11, 10)


@dataclass
class Company:
    sales: Department
    finance_dept: Department
    hr_dept: Department
    purchasing: Department
    buyer: Actor
    seller: Actor
    sales_manager: Actor
    accountant: Actor
    hr_person: Actor
    supplier: Supplier
    customer: Customer
    product: Product
    warehouse: Warehouse


@pytest.fixture
async def company(session: AsyncSession) -> Company:
    await open_months(session, "2026-11")
    sales = await make_department(session, code="C-SALES", name="销售部", kind=DepartmentKind.BUSINESS)
    finance_dept = await make_department(session, code="C-FIN", name="财务部", kind=DepartmentKind.FINANCE)
    hr_dept = await make_department(session, code="C-HR", name="人力资源部", kind=DepartmentKind.SUPPORT)
    purchasing = await make_department(session, code="C-PUR", name="采购部", kind=DepartmentKind.BUSINESS)
    buyer = await actor_of(session, await make_user(session, roles=("business",), department=purchasing))
    seller = await actor_of(session, await make_user(session, roles=("business",), department=sales))
    manager = await actor_of(session, await make_user(session, roles=("manager",), department=sales))
    accountant = await actor_of(session, await make_user(session, roles=("finance",), department=finance_dept))
    hr_person = await actor_of(session, await make_user(session, roles=("hr",), department=hr_dept))
    m = await make_master_data(session, customer="客户C", supplier="供应商S", product="商品P", warehouse="主仓库")
    return Company(sales, finance_dept, hr_dept, purchasing, buyer, seller, manager, accountant, hr_person, m.supplier,
                   m.customer, m.product, m.warehouse)


def q(value: str) -> Decimal:
    return Decimal(value)


async def voucher_lines(session: AsyncSession, source_type: str, source_id: int) -> list[list[tuple]]:
    """The vouchers a document caused, each as (account code, debit, credit, dimension) tuples."""
    vouchers = (await session.execute(select(Voucher).where(
        Voucher.source_type == source_type, Voucher.source_id == source_id).order_by(Voucher.id))).scalars().all()
    result = []
    for voucher in vouchers:
        assert voucher.total_debit == voucher.total_credit
        rows = (await session.execute(select(VoucherLine, Account.code).join(Account).where(
            VoucherLine.voucher_id == voucher.id).order_by(VoucherLine.line_no))).all()
        result.append([(code, str(line.debit), str(line.credit),
                        line.customer_id or line.supplier_id or line.product_id or line.department_id)
                       for line, code in rows])
    return result
