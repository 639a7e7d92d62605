"""Mutations of the books."""

import datetime as dt
from decimal import Decimal
from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.base import decode_id, decode_optional_id, error_type, result_union, run_mutation
from yecai.graphql.ledger.types import Account, AccountType, Dimension, Direction, FiscalPeriod, Voucher
from yecai.ledger import errors, service

VOUCHER_ERRORS = [errors.UNBALANCED, errors.PERIOD_CLOSED, errors.PERIOD_NOT_OPEN, errors.ACCOUNT_INACTIVE,
                  errors.ACCOUNT_NOT_LEAF, errors.DIMENSION_REQUIRED]
CreateVoucherError = error_type("CreateVoucher", VOUCHER_ERRORS)
ReviewVoucherError = error_type("ReviewVoucher", [errors.WRONG_STATE, errors.SAME_PREPARER, errors.PERIOD_CLOSED,
                                                  errors.PERIOD_NOT_OPEN])
UnreviewVoucherError = error_type("UnreviewVoucher", [errors.WRONG_STATE])
PostVoucherError = error_type("PostVoucher", [errors.WRONG_STATE, errors.PERIOD_CLOSED, errors.PERIOD_NOT_OPEN])
ReverseVoucherError = error_type("ReverseVoucher", [errors.WRONG_STATE, errors.ALREADY_REVERSED, *VOUCHER_ERRORS])
DeleteVoucherError = error_type("DeleteVoucher", [errors.WRONG_STATE])
CreateAccountError = error_type("CreateAccount", [errors.ACCOUNT_CODE_TAKEN])
UpdateAccountError = error_type("UpdateAccount")
OpenFiscalPeriodError = error_type("OpenFiscalPeriod")
CloseFiscalPeriodError = error_type("CloseFiscalPeriod", [errors.PERIOD_NOT_OPEN, errors.PERIOD_HAS_DRAFTS])


@strawberry.input(description="One voucher line: an account and either a debit or a credit.")
class VoucherLineInput:
    account_id: strawberry.ID
    debit: Decimal = Decimal("0")
    credit: Decimal = Decimal("0")
    summary: Optional[str] = None
    department_id: Optional[strawberry.ID] = None
    customer_id: Optional[int] = None
    supplier_id: Optional[int] = None
    product_id: Optional[int] = None
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


@strawberry.type
class CreateVoucherSuccess:
    voucher: Voucher


@strawberry.type
class ReviewVoucherSuccess:
    voucher: Voucher


@strawberry.type
class UnreviewVoucherSuccess:
    voucher: Voucher


@strawberry.type
class PostVoucherSuccess:
    voucher: Voucher


@strawberry.type
class ReverseVoucherSuccess:
    voucher: Voucher = strawberry.field(description="The new, posted reversal.")


@strawberry.type
class DeleteVoucherSuccess:
    deleted_id: strawberry.ID


@strawberry.type
class CreateAccountSuccess:
    account: Account


@strawberry.type
class UpdateAccountSuccess:
    account: Account


@strawberry.type
class OpenFiscalPeriodSuccess:
    fiscal_period: FiscalPeriod


@strawberry.type
class CloseFiscalPeriodSuccess:
    fiscal_period: FiscalPeriod


def _lines(lines: list[VoucherLineInput]) -> list[service.LineInput]:
    return [
        service.LineInput(
            account_id=decode_id(line.account_id, "Account", f"lines[{i}].accountId"), debit=line.debit,
            credit=line.credit, summary=line.summary,
            department_id=decode_optional_id(line.department_id, "Department", f"lines[{i}].departmentId"),
            customer_id=line.customer_id, supplier_id=line.supplier_id, product_id=line.product_id,
            project=line.project)
        for i, line in enumerate(lines)
    ]


@strawberry.type
class LedgerMutations:
    @strawberry.mutation(description="Prepare a manual voucher (draft). Needs `ledger.prepare_vouchers`.")
    async def create_voucher(self, info: Info, input: CreateVoucherInput) -> result_union("CreateVoucher", CreateVoucherSuccess, CreateVoucherError):  # type: ignore[valid-type]
        async def run() -> CreateVoucherSuccess:
            voucher = await service.create_voucher(info.context.session, actor=info.context.actor, day=input.date,
                                                   summary=input.summary, lines=_lines(input.lines))
            return CreateVoucherSuccess(voucher=Voucher.from_model(voucher))

        return await run_mutation(info, CreateVoucherError, run)

    @strawberry.mutation(description="Review a draft voucher; not its preparer. Needs `ledger.review_vouchers`.")
    async def review_voucher(self, info: Info, input: VoucherIdInput) -> result_union("ReviewVoucher", ReviewVoucherSuccess, ReviewVoucherError):  # type: ignore[valid-type]
        async def run() -> ReviewVoucherSuccess:
            voucher = await service.review_voucher(info.context.session, actor=info.context.actor,
                                                   voucher_id=decode_id(input.id, "Voucher"))
            return ReviewVoucherSuccess(voucher=Voucher.from_model(voucher))

        return await run_mutation(info, ReviewVoucherError, run)

    @strawberry.mutation(description="Send a reviewed voucher back to draft. Needs `ledger.review_vouchers`.")
    async def unreview_voucher(self, info: Info, input: VoucherIdInput) -> result_union("UnreviewVoucher", UnreviewVoucherSuccess, UnreviewVoucherError):  # type: ignore[valid-type]
        async def run() -> UnreviewVoucherSuccess:
            voucher = await service.unreview_voucher(info.context.session, actor=info.context.actor,
                                                     voucher_id=decode_id(input.id, "Voucher"))
            return UnreviewVoucherSuccess(voucher=Voucher.from_model(voucher))

        return await run_mutation(info, UnreviewVoucherError, run)

    @strawberry.mutation(description="Post a reviewed voucher; it never changes again. Needs `ledger.post_vouchers`.")
    async def post_voucher(self, info: Info, input: VoucherIdInput) -> result_union("PostVoucher", PostVoucherSuccess, PostVoucherError):  # type: ignore[valid-type]
        async def run() -> PostVoucherSuccess:
            voucher = await service.post_voucher(info.context.session, actor=info.context.actor,
                                                 voucher_id=decode_id(input.id, "Voucher"))
            return PostVoucherSuccess(voucher=Voucher.from_model(voucher))

        return await run_mutation(info, PostVoucherError, run)

    @strawberry.mutation(description="Correct a posted voucher with a linked, posted reversal. Needs `ledger.post_vouchers`.")
    async def reverse_voucher(self, info: Info, input: ReverseVoucherInput) -> result_union("ReverseVoucher", ReverseVoucherSuccess, ReverseVoucherError):  # type: ignore[valid-type]
        async def run() -> ReverseVoucherSuccess:
            voucher = await service.reverse_voucher(info.context.session, actor=info.context.actor,
                                                    voucher_id=decode_id(input.id, "Voucher"), day=input.date,
                                                    summary=input.summary)
            return ReverseVoucherSuccess(voucher=Voucher.from_model(voucher))

        return await run_mutation(info, ReverseVoucherError, run)

    @strawberry.mutation(description="Delete a draft voucher. Needs `ledger.prepare_vouchers`.")
    async def delete_voucher(self, info: Info, input: VoucherIdInput) -> result_union("DeleteVoucher", DeleteVoucherSuccess, DeleteVoucherError):  # type: ignore[valid-type]
        async def run() -> DeleteVoucherSuccess:
            deleted = await service.delete_voucher(info.context.session, actor=info.context.actor,
                                                   voucher_id=decode_id(input.id, "Voucher"))
            return DeleteVoucherSuccess(deleted_id=strawberry.ID(str(relay.GlobalID("Voucher", str(deleted)))))

        return await run_mutation(info, DeleteVoucherError, run)

    @strawberry.mutation(description="Add an account to the chart. Needs `ledger.manage_accounts`.")
    async def create_account(self, info: Info, input: CreateAccountInput) -> result_union("CreateAccount", CreateAccountSuccess, CreateAccountError):  # type: ignore[valid-type]
        async def run() -> CreateAccountSuccess:
            account = await service.create_account(
                info.context.session, actor=info.context.actor, code=input.code, name=input.name,
                type=input.type.value if input.type else None,
                direction=input.direction.value if input.direction else None,
                dimensions=[d.value for d in input.dimensions])
            return CreateAccountSuccess(account=Account.from_model(account))

        return await run_mutation(info, CreateAccountError, run)

    @strawberry.mutation(description="Rename, (de)activate an account or change its dimensions. Needs `ledger.manage_accounts`.")
    async def update_account(self, info: Info, input: UpdateAccountInput) -> result_union("UpdateAccount", UpdateAccountSuccess, UpdateAccountError):  # type: ignore[valid-type]
        async def run() -> UpdateAccountSuccess:
            account = await service.update_account(
                info.context.session, actor=info.context.actor, account_id=decode_id(input.id, "Account"),
                name=input.name, active=input.active,
                dimensions=[d.value for d in input.dimensions] if input.dimensions is not None else None)
            return UpdateAccountSuccess(account=Account.from_model(account))

        return await run_mutation(info, UpdateAccountError, run)

    @strawberry.mutation(description="Open (or reopen) a month for posting. Needs `ledger.manage_periods`.")
    async def open_fiscal_period(self, info: Info, input: PeriodInput) -> result_union("OpenFiscalPeriod", OpenFiscalPeriodSuccess, OpenFiscalPeriodError):  # type: ignore[valid-type]
        async def run() -> OpenFiscalPeriodSuccess:
            period = await service.open_period(info.context.session, actor=info.context.actor, period=input.period)
            return OpenFiscalPeriodSuccess(fiscal_period=FiscalPeriod.from_model(period))

        return await run_mutation(info, OpenFiscalPeriodError, run)

    @strawberry.mutation(description="Close a month once all its vouchers are posted. Needs `ledger.manage_periods`.")
    async def close_fiscal_period(self, info: Info, input: PeriodInput) -> result_union("CloseFiscalPeriod", CloseFiscalPeriodSuccess, CloseFiscalPeriodError):  # type: ignore[valid-type]
        async def run() -> CloseFiscalPeriodSuccess:
            period = await service.close_period(info.context.session, actor=info.context.actor, period=input.period)
            return CloseFiscalPeriodSuccess(fiscal_period=FiscalPeriod.from_model(period))

        return await run_mutation(info, CloseFiscalPeriodError, run)
