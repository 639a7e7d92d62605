"""Accounts and vouchers in the search index: what the books' readers may open, company-wide."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.ledger import policies
from yecai.ledger.models import Account, FiscalPeriod, Voucher, VoucherLine
from yecai.searchable import Searchable, SearchDocument, Watch, checked_by, text_of, web_id

TAG = "ledger:read"

STATES = {"DRAFT": "草稿", "REVIEWED": "已审核", "POSTED": "已记账"}


def viewer_tags(actor: Actor) -> set[str]:
    return {TAG} if policies.can_read(actor) else set()


async def build_accounts(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    rows = list((await session.execute(select(Account).where(Account.id.in_(list(ids))))).scalars())
    parent_ids = {a.parent_id for a in rows if a.parent_id is not None}
    parents = dict((await session.execute(select(Account.id, Account.name).where(Account.id.in_(parent_ids)))).all()
                   ) if parent_ids else {}
    return {a.id: SearchDocument(kind="account", object_id=a.id, title=f"{a.code} {a.name}", code=a.code,
                                 body=text_of(parents.get(a.parent_id or 0), "会计科目", "" if a.active else "已停用"),
                                 access=(TAG,),
                                 url=f"/account-ledger?account={web_id('Account', a.id)}")
            for a in rows}


async def build_vouchers(session: AsyncSession, ids: Sequence[int]) -> dict[int, SearchDocument]:
    wanted = list(ids)
    vouchers = (await session.execute(
        select(Voucher, FiscalPeriod.code).join(FiscalPeriod, FiscalPeriod.id == Voucher.period_id)
        .where(Voucher.id.in_(wanted)))).all()
    lines: dict[int, list[str]] = defaultdict(list)
    for voucher_id, summary, code, name in await session.execute(
            select(VoucherLine.voucher_id, VoucherLine.summary, Account.code, Account.name)
            .join(Account, Account.id == VoucherLine.account_id)
            .where(VoucherLine.voucher_id.in_(wanted)).order_by(VoucherLine.voucher_id, VoucherLine.line_no)):
        lines[voucher_id].append(text_of(summary, code, name))
    found = {}
    for v, period in vouchers:
        number = f"{v.word}-{v.number:04d}"
        found[v.id] = SearchDocument(
            kind="voucher", object_id=v.id, title=f"{number} {v.summary}", code=number,
            body=text_of(period, STATES.get(v.state.value, ""), f"{v.total_debit}", *dict.fromkeys(lines[v.id])),
            access=(TAG,), date=v.date, url=f"/vouchers/{web_id('Voucher', v.id)}")
    return found


async def account_words(session: AsyncSession) -> list[str]:
    return list((await session.execute(select(Account.name))).scalars())


def _can_read(actor: Actor, _row: object) -> bool:
    return policies.can_read(actor)


SEARCHABLES = (
    Searchable(kind="account", zh="会计科目", en="Account", model=Account, node="Account", build=build_accounts,
               visible=checked_by(Account, _can_read), viewer_tags=viewer_tags, words=account_words),
    Searchable(kind="voucher", zh="凭证", en="Voucher", model=Voucher, node="Voucher", build=build_vouchers,
               visible=checked_by(Voucher, _can_read), viewer_tags=viewer_tags,
               watches=(Watch(VoucherLine, lambda line: line.voucher_id),)),
)
