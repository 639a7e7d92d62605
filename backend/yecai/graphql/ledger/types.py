"""GraphQL types of the books."""

import datetime as dt
from datetime import datetime
from decimal import Decimal
from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.auth.types import User
from yecai.graphql.base import Connection, ListSize, ModelNode, global_id
from yecai.graphql.org.types import Department
from yecai.ledger import models, policies

AccountType = strawberry.enum(models.AccountType, name="AccountType", description="科目类别")
Direction = strawberry.enum(models.Direction, name="Direction", description="借 DEBIT / 贷 CREDIT")
Dimension = strawberry.enum(models.Dimension, name="Dimension", description="辅助核算")
PeriodStatus = strawberry.enum(models.PeriodStatus, name="PeriodStatus")
VoucherState = strawberry.enum(models.VoucherState, name="VoucherState", description="草稿 / 已审核 / 已记账")
VoucherOrigin = strawberry.enum(models.VoucherOrigin, name="VoucherOrigin")


class _BooksNode(ModelNode):
    @classmethod
    def visible(cls, info: Info, row: object) -> bool:
        return policies.can_read(info.context.actor)


@strawberry.type(description="What the viewer may do with this account.")
class AccountAbilities:
    update: bool


@strawberry.type(description="A chart-of-accounts entry (会计科目).")
class Account(_BooksNode):
    model = models.Account
    id: relay.NodeID[int]
    code: str
    name: str
    type: AccountType
    direction: Direction
    active: bool
    _model: strawberry.Private[models.Account]

    @classmethod
    def from_model(cls, m: models.Account) -> "Account":
        return cls(id=m.id, code=m.code, name=m.name, type=m.type, direction=m.direction, active=m.active, _model=m)

    @strawberry.field(description="Dimensions every line on this account must carry.")
    def dimensions(self) -> list[Dimension]:
        return [models.Dimension(d) for d in self._model.dimensions or []]

    @strawberry.field(description="1 for first-level accounts (4 digits), 2 for the next level, ...")
    def level(self) -> int:
        return 1 + (len(self.code) - 4) // 2

    @strawberry.field
    async def parent(self, info: Info) -> Optional["Account"]:
        if self._model.parent_id is None:
            return None
        row = await info.context.loaders.by_id(models.Account).load(self._model.parent_id)
        return Account.from_model(row) if row else None

    @strawberry.field
    def viewer_can(self, info: Info) -> AccountAbilities:
        return AccountAbilities(update=policies.can_manage_accounts(info.context.actor))



@strawberry.type(description="A month of the books (会计期间).")
class FiscalPeriod(_BooksNode):
    model = models.FiscalPeriod
    id: relay.NodeID[int]
    code: str
    year: int
    month: int
    status: PeriodStatus
    closed_at: Optional[datetime]

    @classmethod
    def from_model(cls, m: models.FiscalPeriod) -> "FiscalPeriod":
        return cls(id=m.id, code=m.code, year=m.year, month=m.month, status=m.status, closed_at=m.closed_at)



@strawberry.type(description="One line (分录) of a voucher.")
class VoucherLine:
    line_no: int
    summary: str
    debit: Decimal
    credit: Decimal
    project: Optional[str] = strawberry.field(description="The project dimension (项目).")
    _model: strawberry.Private[models.VoucherLine]

    @classmethod
    def from_model(cls, m: models.VoucherLine) -> "VoucherLine":
        return cls(line_no=m.line_no, summary=m.summary, debit=m.debit, credit=m.credit, project=m.project, _model=m)

    @strawberry.field
    def id(self) -> relay.GlobalID:
        return relay.GlobalID("VoucherLine", str(self._model.id))

    @strawberry.field(description="借 DEBIT or 贷 CREDIT.")
    def side(self) -> Direction:  # type: ignore[valid-type]
        return models.Direction.DEBIT if self._model.debit else models.Direction.CREDIT

    @strawberry.field
    async def account(self, info: Info) -> Account:
        row = await info.context.loaders.by_id(models.Account).load(self._model.account_id)
        return Account.from_model(row)

    @strawberry.field(description="The department dimension; null when none or not visible to the viewer.")
    async def department(self, info: Info) -> Optional[Department]:
        return await Department.load(info, self._model.department_id)

    @strawberry.field
    async def voucher(self, info: Info) -> "Voucher":
        row = await info.context.loaders.by_id(models.Voucher).load(self._model.voucher_id)
        return Voucher.from_model(row)


@strawberry.type(description="What the viewer may do with this voucher now.")
class VoucherAbilities:
    review: bool
    unreview: bool
    post: bool
    reverse: bool
    delete: bool


@strawberry.type(description="A journal entry (记账凭证): balanced, reviewed by someone else, then posted for good.")
class Voucher(_BooksNode):
    model = models.Voucher
    id: relay.NodeID[int]
    word: str
    number: int
    date: dt.date
    summary: str
    state: VoucherState
    origin: VoucherOrigin
    total_debit: Decimal
    total_credit: Decimal
    reviewed_at: Optional[datetime]
    posted_at: Optional[datetime]
    _model: strawberry.Private[models.Voucher]

    @classmethod
    def from_model(cls, m: models.Voucher) -> "Voucher":
        return cls(id=m.id, word=m.word, number=m.number, date=m.date, summary=m.summary, state=m.state,
                   origin=m.origin, total_debit=m.total_debit, total_credit=m.total_credit,
                   reviewed_at=m.reviewed_at, posted_at=m.posted_at, _model=m)

    @strawberry.field(description="Word and number as printed, e.g. 记-0001.")
    def display_number(self) -> str:
        return f"{self.word}-{self.number:04d}"

    @strawberry.field
    async def period(self, info: Info) -> FiscalPeriod:
        return FiscalPeriod.from_model(await info.context.loaders.by_id(models.FiscalPeriod).load(
            self._model.period_id))

    @strawberry.field(directives=[ListSize(assumed_size=5)])
    async def lines(self, info: Info) -> list[VoucherLine]:
        loader = info.context.loaders.children(models.VoucherLine, models.VoucherLine.voucher_id,
                                               models.VoucherLine.voucher_id, models.VoucherLine.line_no)
        return [VoucherLine.from_model(r) for r in await loader.load(self.id)]

    @strawberry.field(description="制单: null for the system (or when the viewer may not see users).")
    async def preparer(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.preparer_id)

    @strawberry.field(description="审核")
    async def reviewer(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.reviewer_id)

    @strawberry.field(description="记账")
    async def poster(self, info: Info) -> Optional[User]:
        return await User.load(info, self._model.poster_id)

    @strawberry.field(description="The voucher this one reverses.")
    async def reversal_of(self, info: Info) -> Optional["Voucher"]:
        if self._model.reversal_of_id is None:
            return None
        return Voucher.from_model(await info.context.loaders.by_id(models.Voucher).load(self._model.reversal_of_id))

    @strawberry.field(description="The voucher that reverses this one.")
    async def reversed_by(self, info: Info) -> Optional["Voucher"]:
        row = await info.context.loaders.one_by(models.Voucher, models.Voucher.reversal_of_id).load(self.id)
        return Voucher.from_model(row) if row else None

    @strawberry.field
    async def viewer_can(self, info: Info) -> VoucherAbilities:
        actor, m = info.context.actor, self._model
        reversed_by = None
        if m.state == models.VoucherState.POSTED and m.reversal_of_id is None:
            reversed_by = await info.context.loaders.one_by(models.Voucher, models.Voucher.reversal_of_id).load(m.id)
        return VoucherAbilities(review=policies.can_review(actor, m), unreview=policies.can_unreview(actor, m),
                                post=policies.can_post(actor, m),
                                reverse=policies.can_reverse(actor, m, already_reversed=reversed_by is not None),
                                delete=policies.can_delete(actor, m))



# The global-id type of each object dimension's value.
DIMENSION_NODES = {models.Dimension.CUSTOMER: "Customer", models.Dimension.SUPPLIER: "Supplier",
                   models.Dimension.DEPARTMENT: "Department", models.Dimension.PRODUCT: "Product"}


def dimension_key(dimension: models.Dimension | None, value: object) -> Optional[str]:
    """What names a dimension value to clients: the object's global id, or the project code."""
    if dimension is None or value is None:
        return None
    if dimension == models.Dimension.PROJECT:
        return str(value)
    return str(global_id(DIMENSION_NODES[dimension], int(value)))  # type: ignore[call-overload]


@strawberry.type(description="One row of the trial balance; balances are shown on their side (借/贷).")
class TrialBalanceRow:
    account: Account
    dimension_value: Optional[str] = strawberry.field(description=(
        "The dimension's value: the customer's, supplier's, department's or product's global id, or the project "
        "code; pass it to `voucherLines(dimensionValue:)` to drill down."))
    opening_debit: Decimal
    opening_credit: Decimal
    debit: Decimal
    credit: Decimal
    closing_debit: Decimal
    closing_credit: Decimal
    _dimension: strawberry.Private[Optional[models.Dimension]] = None
    _value: strawberry.Private[object] = None

    @strawberry.field(description="The department of a row by department; null otherwise.")
    async def department(self, info: Info) -> Optional[Department]:
        if self._dimension != models.Dimension.DEPARTMENT:
            return None
        return await Department.load(info, self._value)  # type: ignore[arg-type]

    @strawberry.field(description="The project of a row by project; null otherwise.")
    def project(self) -> Optional[str]:
        return str(self._value) if self._dimension == models.Dimension.PROJECT else None


@strawberry.type(description="科目余额表: opening, period debit and credit, closing.")
class TrialBalance:
    period: str
    dimension: Optional[Dimension]
    rows: list[TrialBalanceRow]
    total_opening_debit: Decimal
    total_opening_credit: Decimal
    total_debit: Decimal
    total_credit: Decimal
    total_closing_debit: Decimal
    total_closing_credit: Decimal


@strawberry.type(description="One line of a statement and the first-level accounts it is made of.")
class StatementLine:
    number: int
    name: str
    accounts: list[str] = strawberry.field(description="First-level account codes, to drill into the trial balance.")
    current: Decimal = strawberry.field(description="利润表: this month; 资产负债表: at the period's end.")
    comparative: Decimal = strawberry.field(description="利润表: the year to date; 资产负债表: at the year's start.")
    total: bool


@strawberry.type(description="利润表 or 资产负债表 in the small-enterprise layout.")
class Statement:
    period: str
    lines: list[StatementLine]


@strawberry.type(description="One line of the detail ledger, with the balance after it on its side.")
class LedgerEntry:
    date: dt.date
    voucher: Voucher
    line: VoucherLine
    balance_debit: Decimal
    balance_credit: Decimal


@strawberry.type(description="明细账 of an account (with its sub-accounts) for a period.")
class AccountLedger:
    account: Account
    period: str
    opening_debit: Decimal
    opening_credit: Decimal
    debit: Decimal
    credit: Decimal
    closing_debit: Decimal
    closing_credit: Decimal
    entries: "Connection[LedgerEntry]"
