"""Mutations of the books."""

import datetime as dt
from decimal import Decimal
from typing import Optional

import strawberry
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, global_id, mutation
from yecai.graphql.ledger.types import Account, AccountType, Dimension, Direction, FiscalPeriod, Voucher
from yecai.ledger import errors, service
from yecai.ledger import permissions as p


@strawberry.input(description="One voucher line: an account and either a debit or a credit.")
class VoucherLineInput:
    account_id: strawberry.ID
    debit: Decimal = Decimal("0")
    credit: Decimal = Decimal("0")
    summary: Optional[str] = None
    department_id: Optional[strawberry.ID] = None
    customer_id: Optional[strawberry.ID] = None
    supplier_id: Optional[strawberry.ID] = None
    product_id: Optional[strawberry.ID] = None
    project: Optional[str] = None


@strawberry.input
class CreateVoucherInput:
    date: dt.date
    summary: str
    lines: list[VoucherLineInput]


@strawberry.input
class VoucherIdInput:
    id: strawberry.ID


@strawberry.input
class ReverseVoucherInput:
    id: strawberry.ID
    date: Optional[dt.date] = strawberry.field(default=None, description="Defaults to the original's date.")
    summary: Optional[str] = None


@strawberry.input
class CreateAccountInput:
    code: str
    name: str
    type: Optional[AccountType] = None
    direction: Optional[Direction] = None
    dimensions: list[Dimension] = strawberry.field(default_factory=list)


@strawberry.input
class UpdateAccountInput:
    id: strawberry.ID
    name: Optional[str] = None
    active: Optional[bool] = None
    dimensions: Optional[list[Dimension]] = None


@strawberry.input
class PeriodInput:
    period: str = strawberry.field(description="YYYY-MM")


def _lines(lines: list[VoucherLineInput]) -> list[service.LineInput]:
    def dim(value: Optional[strawberry.ID], type_name: str, i: int, name: str) -> int | None:
        return decode_optional_id(value, type_name, f"lines[{i}].{name}")

    return [
        service.LineInput(
            account_id=decode_id(line.account_id, "Account", f"lines[{i}].accountId"), debit=line.debit,
            credit=line.credit, summary=line.summary,
            department_id=dim(line.department_id, "Department", i, "departmentId"),
            customer_id=dim(line.customer_id, "Customer", i, "customerId"),
            supplier_id=dim(line.supplier_id, "Supplier", i, "supplierId"),
            product_id=dim(line.product_id, "Product", i, "productId"),
            project=line.project)
        for i, line in enumerate(lines)
    ]


VOUCHER = ("voucher", Voucher)
PERIOD_OPEN = [errors.PERIOD_CLOSED, errors.PERIOD_NOT_OPEN]


@strawberry.type
class LedgerMutations:
    @mutation("Prepare a manual voucher (draft).", permission=p.LEDGER_PREPARE, errors=errors.RECORDING_ERRORS,
              returns=VOUCHER)
    async def create_voucher(self, info: Info, input: CreateVoucherInput) -> Voucher:
        return Voucher.from_model(await service.create_voucher(info.context.session, actor=info.context.actor,
                                                               day=input.date, summary=input.summary,
                                                               lines=_lines(input.lines)))

    @mutation("Review a draft voucher; not its preparer.", permission=p.LEDGER_REVIEW,
              errors=[errors.WRONG_STATE, errors.SAME_PREPARER, *PERIOD_OPEN], returns=VOUCHER)
    async def review_voucher(self, info: Info, input: VoucherIdInput) -> Voucher:
        return Voucher.from_model(await service.review_voucher(info.context.session, actor=info.context.actor,
                                                               voucher_id=decode_id(input.id, "Voucher")))

    @mutation("Send a reviewed voucher back to draft.", permission=p.LEDGER_REVIEW, errors=[errors.WRONG_STATE],
              returns=VOUCHER)
    async def unreview_voucher(self, info: Info, input: VoucherIdInput) -> Voucher:
        return Voucher.from_model(await service.unreview_voucher(info.context.session, actor=info.context.actor,
                                                                 voucher_id=decode_id(input.id, "Voucher")))

    @mutation("Post a reviewed voucher; it never changes again.", permission=p.LEDGER_POST,
              errors=[errors.WRONG_STATE, *PERIOD_OPEN], returns=VOUCHER)
    async def post_voucher(self, info: Info, input: VoucherIdInput) -> Voucher:
        return Voucher.from_model(await service.post_voucher(info.context.session, actor=info.context.actor,
                                                             voucher_id=decode_id(input.id, "Voucher")))

    @mutation("Correct a posted voucher with a linked, posted reversal (the new voucher is returned).",
              permission=p.LEDGER_POST, errors=[errors.WRONG_STATE, errors.ALREADY_REVERSED, *errors.RECORDING_ERRORS],
              returns=VOUCHER)
    async def reverse_voucher(self, info: Info, input: ReverseVoucherInput) -> Voucher:
        return Voucher.from_model(await service.reverse_voucher(
            info.context.session, actor=info.context.actor, voucher_id=decode_id(input.id, "Voucher"),
            day=input.date, summary=input.summary))

    @mutation("Delete a draft voucher.", permission=p.LEDGER_PREPARE, errors=[errors.WRONG_STATE],
              returns=("deleted_id", strawberry.ID))
    async def delete_voucher(self, info: Info, input: VoucherIdInput) -> strawberry.ID:
        deleted = await service.delete_voucher(info.context.session, actor=info.context.actor,
                                               voucher_id=decode_id(input.id, "Voucher"))
        return strawberry.ID(str(global_id("Voucher", deleted)))

    @mutation("Add an account to the chart.", permission=p.LEDGER_MANAGE_ACCOUNTS, errors=[errors.ACCOUNT_CODE_TAKEN],
              returns=("account", Account))
    async def create_account(self, info: Info, input: CreateAccountInput) -> Account:
        return Account.from_model(await service.create_account(
            info.context.session, actor=info.context.actor, code=input.code, name=input.name,
            type=input.type.value if input.type else None, direction=input.direction.value if input.direction else None,
            dimensions=[d.value for d in input.dimensions]))

    @mutation("Rename, (de)activate an account or change its dimensions.", permission=p.LEDGER_MANAGE_ACCOUNTS,
              returns=("account", Account))
    async def update_account(self, info: Info, input: UpdateAccountInput) -> Account:
        return Account.from_model(await service.update_account(
            info.context.session, actor=info.context.actor, account_id=decode_id(input.id, "Account"),
            name=input.name, active=input.active,
            dimensions=[d.value for d in input.dimensions] if input.dimensions is not None else None))

    @mutation("Open (or reopen) a month for posting.", permission=p.LEDGER_MANAGE_PERIODS,
              returns=("fiscal_period", FiscalPeriod))
    async def open_fiscal_period(self, info: Info, input: PeriodInput) -> FiscalPeriod:
        return FiscalPeriod.from_model(await service.open_period(info.context.session, actor=info.context.actor,
                                                                 period=input.period))

    @mutation("Close a month once all its vouchers are posted.", permission=p.LEDGER_MANAGE_PERIODS,
              errors=[errors.PERIOD_NOT_OPEN, errors.PERIOD_HAS_DRAFTS], returns=("fiscal_period", FiscalPeriod))
    async def close_fiscal_period(self, info: Info, input: PeriodInput) -> FiscalPeriod:
        return FiscalPeriod.from_model(await service.close_period(info.context.session, actor=info.context.actor,
                                                                  period=input.period))
