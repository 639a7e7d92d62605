"""Fixtures for API tests: a small organisation and signed-in users of each role."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.relay import GlobalID

from tests.conftest import TEST_SECRET, Prepared
from tests.factories import (
    finance_pair,
    make_api_token,
    make_department,
    make_master_data,
    make_role,
    make_user,
    open_months,
    token_for,
)
from tests.graphql.learning_world import Learning, make_learning
from tests.graphql.performance_world import Performance, make_performance
from tests.graphql.sharing_world import Sharing, make_sharing
from tests.support.databases import Databases
from tests.support.prepared import freeze, thaw
from yecai.actor import system_actor
from yecai.attachments.storage import storage_for, temp_path
from yecai.auth.models import ApiToken, Role, User
from yecai.auth.service import actor_for
from yecai.certificates.models import Certificate
from yecai.certificates.service import issue_certificate
from yecai.db import RequestSession, make_engine
from yecai.ledger.models import Account, Voucher
from yecai.ledger.service import LineInput, accounts_by_code, create_voucher, post_voucher, review_voucher
from yecai.meetings import action_items as meeting_items
from yecai.meetings import service as meetings_service
from yecai.meetings.models import ActionItem, AgendaItem, Meeting, MeetingSeries
from yecai.operations import service as ops
from yecai.operations.models import (
    Customer,
    ExpenseClaim,
    Product,
    ProductCategory,
    SalesDelivery,
    SalesDeliveryLine,
    SalesOrder,
    Supplier,
    Warehouse,
)
from yecai.org.models import Department, DepartmentKind
from yecai.posting.models import PostingRule
from yecai.search import runtime
from yecai.search.engine import SearchEngine
from yecai.search.models import SearchSynonym
from yecai.search.worker import apply_outbox
from yecai.settings import Settings


def gid(type_name: str, pk: int) -> str:
    return str(GlobalID(type_name, str(pk)))


@dataclass
class Ledger:
    accounts: dict[str, Account]
    draft: Voucher
    spare_draft: Voucher
    reviewed: Voucher
    spare_reviewed: Voucher
    posted: Voucher


@dataclass
class Operations:
    department: Department
    customer: Customer
    supplier: Supplier
    category: ProductCategory
    product: Product
    warehouse: Warehouse
    open_order: SalesOrder
    delivery: SalesDelivery
    delivery_line_id: int
    submitted_claim: ExpenseClaim
    approved_claim: ExpenseClaim
    rule: PostingRule
    claim_attachment_id: int = 0  # a receipt its claimant attached to submitted_claim


@dataclass
class Meetings:
    series: MeetingSeries
    meeting: Meeting  # scheduled, with minutes written
    action_item: ActionItem  # owned by someone of the operations department
    agenda_item_id: int = 0  # the meeting's one agenda item


@dataclass
class World:
    parent: Department
    child: Department
    empty: Department
    target: User
    custom_role: Role
    unused_role: Role
    target_token: ApiToken
    target_token_secret: str
    ledger: Ledger
    ops: Operations
    synonyms: SearchSynonym  # 报销 = 报账
    meetings: Meetings
    sharing: Sharing | None = None
    certificate: Certificate | None = None  # an honour certificate of the target user, valid
    learning: Learning | None = None
    performance: Performance | None = None


@pytest.fixture(scope="session")
async def world_database(databases: Databases, settings: Settings) -> AsyncIterator[Prepared]:
    """The world, built once per test process by ``build_world`` and committed into a database of its own
    (tests/conftest.py's PREPARED): each test requesting ``world`` runs its rolled-back transaction there."""
    storage = storage_for(settings)
    before = await storage.stored()
    url = await databases.create("yecai_world")
    engine = make_engine(url)
    try:
        async with RequestSession(engine, expire_on_commit=False) as session:
            world = await build_world(session, settings)
        known = {sha for sha, _ in before}
        files = {}
        for sha, _ in await storage.stored():
            if sha not in known:
                files[sha] = b"".join([chunk async for chunk in storage.read(sha)])
        yield Prepared(engine, (freeze(world), files))
    finally:
        await engine.dispose()
        await databases.drop(url)


@pytest.fixture
async def world(world_database: Prepared, session: AsyncSession, settings: Settings) -> World:
    """The world of ``build_world``, its objects loaded in the test's session."""
    frozen, files = world_database.value
    storage = storage_for(settings)
    for sha, content in files.items():  # stored again, as attaching it did (a test may have cleaned it away)
        with temp_path(storage) as temp:
            temp.write_bytes(content)
            await storage.put(sha, temp)
    return await thaw(frozen, session)


async def build_world(session: AsyncSession, settings: Settings) -> World:
    parent = await make_department(session, code="W-PARENT", name="上级部门", kind=DepartmentKind.EXECUTIVE)
    child = await make_department(session, code="W-CHILD", name="下级部门", parent=parent)
    empty = await make_department(session, code="W-EMPTY", name="空部门", parent=parent)
    target = await make_user(session, username="target.user", roles=("staff",), department=child,
                             email="target@example.com")
    custom = await make_role(session, code="custom_reader", permissions=("org.read",))
    unused = await make_role(session, code="unused_role", permissions=("org.read",))
    await session.flush()
    from yecai.auth.models import UserRole

    session.add(UserRole(user_id=target.id, role_id=custom.id))
    token, secret = await make_api_token(session, user=target)
    ledger = await _ledger(session)
    ops = await _operations(session)
    ops.claim_attachment_id = await _claim_attachment(session, settings, ops.submitted_claim)
    synonyms = SearchSynonym(terms="报销\n报账")
    session.add(synonyms)
    meetings = await _meetings(session, ops.department, target)
    shared = await make_sharing(session, ops.department)
    certificate = await issue_certificate(session, actor=system_actor("test"), kind="HONOUR", holder_id=target.id,
                                          title="年度优秀员工", issuer="人力资源部")
    learning = await make_learning(session, target)
    performance = await make_performance(session, ops.department)
    await session.commit()
    return World(parent, child, empty, target, custom, unused, token, secret, ledger, ops, synonyms, meetings, shared,
                 certificate=certificate, learning=learning, performance=performance)


async def _meetings(session: AsyncSession, department: Department, attendee: User) -> Meetings:
    """A monthly series and a meeting of it with minutes, and an action item of someone of ``department``."""
    system = system_actor("test")
    series = await meetings_service.create_meeting_series(session, actor=system, data=meetings_service.SeriesInput(
        title="业财联席会", recurrence="FREQ=MONTHLY;BYMONTHDAY=5", starts_at=datetime(2026, 11, 5, 1, 30, tzinfo=UTC)))
    meeting = await meetings_service.schedule_meeting(session, actor=system, data=meetings_service.MeetingInput(
        series_id=series.id, starts_at=datetime(2026, 12, 5, 1, 30, tzinfo=UTC), attendee_ids=[attendee.id],
        agenda=[meetings_service.AgendaInput("回款通报")]))
    await meetings_service.record_minutes(session, actor=system, meeting_id=meeting.id, content="<p>回款率 92%</p>")
    owner = await make_user(session, roles=("staff",), department=department)
    item = await meeting_items.create_action_item(session, actor=system, meeting_id=meeting.id, title="催收",
                                                  owner_id=owner.id, due_on=date(2026, 12, 20))
    agenda_item_id = (await session.execute(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id))).scalar_one()
    return Meetings(series, meeting, item, agenda_item_id)


async def _operations(session: AsyncSession) -> Operations:
    """A business department with master data, stock, an open order, a delivery and claims in each state."""
    system = system_actor("test")
    department = await make_department(session, code="W-OPS", name="业务部", kind=DepartmentKind.BUSINESS)
    m = await make_master_data(session, prefix="W-")
    customer, supplier, category, product, warehouse = m.customer, m.supplier, m.category, m.product, m.warehouse
    day = date(2026, 11, 5)
    line = ops.PricedLineInput(product.id, Decimal("10"), Decimal("1000.00"), Decimal("0.13"))
    await ops.create_purchase_receipt(session, actor=system, supplier_id=supplier.id, warehouse_id=warehouse.id,
                                      day=day, department_id=department.id, lines=[
                                          ops.PricedLineInput(product.id, Decimal("100"), Decimal("550.00"),
                                                              Decimal("0.13"))])
    open_order = await ops.create_sales_order(session, actor=system, customer_id=customer.id, day=day,
                                              department_id=department.id, lines=[line])
    delivered = await ops.create_sales_order(session, actor=system, customer_id=customer.id, day=day,
                                             department_id=department.id, lines=[line])
    delivery = await ops.deliver_sales_order(session, actor=system, order_id=delivered.id, warehouse_id=warehouse.id,
                                             day=day)
    delivery_line_id = (await session.execute(select(SalesDeliveryLine.id).where(
        SalesDeliveryLine.delivery_id == delivery.id))).scalar_one()
    claimant = await actor_for(session, await make_user(session, roles=("staff",), department=department))
    approver = await actor_for(session, await make_user(session, roles=("manager",), department=department))
    submitted = await ops.create_expense_claim(session, actor=claimant, category="TRAVEL", amount=Decimal("800.00"),
                                               description="出差", day=day)
    approved = await ops.create_expense_claim(session, actor=claimant, category="OFFICE", amount=Decimal("120.00"),
                                              description="文具", day=day)
    await ops.approve_expense_claim(session, actor=approver, claim_id=approved.id)
    rule = (await session.execute(select(PostingRule).where(PostingRule.code == "customer_receipt"))).scalar_one()
    return Operations(department, customer, supplier, category, product, warehouse, open_order, delivery,
                      delivery_line_id, submitted, approved, rule)


async def _claim_attachment(session: AsyncSession, settings: Settings, claim: ExpenseClaim) -> int:
    """A receipt (a real PDF) the claimant attached to the claim."""
    from tests.attachments import files
    from tests.attachments.helpers import attach
    from yecai.attachments.storage import storage_for

    claimant = await actor_for(session, await session.get_one(User, claim.claimant_id))
    row = await attach(session, claimant, storage_for(settings), "ExpenseClaim", claim.id, "出差发票.pdf",
                       files.pdf("Invoice 26440000000012345678", "Hotel Shanghai"))
    return row.id


async def _ledger(session: AsyncSession) -> Ledger:
    """Vouchers in each state, prepared and reviewed by finance users outside the test's actors."""
    await open_months(session, "2026-10", "2026-11")
    accounts = await accounts_by_code(session, ["1001", "1002", "4001", "6601"])
    preparer, reviewer = await finance_pair(session)

    async def voucher(summary: str) -> Voucher:
        return await create_voucher(session, actor=preparer, day=date(2026, 11, 10), summary=summary, lines=[
            LineInput(account_id=accounts["1001"].id, debit=Decimal("100.00")),
            LineInput(account_id=accounts["1002"].id, credit=Decimal("100.00"))])

    draft, spare_draft, reviewed, spare_reviewed, posted = [await voucher(f"凭证{i}") for i in range(5)]
    for v in (reviewed, spare_reviewed, posted):
        await review_voucher(session, actor=reviewer, voucher_id=v.id)
    await post_voucher(session, actor=reviewer, voucher_id=posted.id)
    return Ledger(accounts, draft, spare_draft, reviewed, spare_reviewed, posted)


SignIn = Callable[[str], Awaitable[tuple[User, str]]]


@pytest.fixture
def sign_in(session: AsyncSession, world: World) -> SignIn:
    """A new user of the world's business department holding one built-in role, and their bearer token."""

    async def make(role: str) -> tuple[User, str]:
        user = await make_user(session, roles=(role,), department=world.ops.department)
        await session.commit()
        return user, await token_for(session, user, TEST_SECRET)

    return make


Index = Callable[[], Awaitable[SearchEngine]]


@pytest.fixture
async def index(settings: Settings, session: AsyncSession) -> Index:
    """Empty the index, then call the result to apply the outbox of the test's transaction to it (as the worker would)."""
    engine = runtime.engine_for(settings)
    await engine.clear()

    async def apply() -> SearchEngine:
        await apply_outbox(session, engine, limit=1_000_000)
        await session.commit()
        return engine

    return apply
