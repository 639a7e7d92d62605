"""The two statements in the small-enterprise layout (小企业会计准则): 利润表 and 资产负债表.

Each statement line names the accounts it is made of, so a figure leads to the trial balance
and from there to the voucher lines and documents behind it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.errors import denied
from yecai.ledger import policies
from yecai.ledger.models import Account, AccountType, FiscalPeriod, Voucher, VoucherLine, VoucherState
from yecai.ledger.service import ZERO, parse_period


@dataclass
class StatementLine:
    number: int
    name: str
    accounts: list[str]  # first-level account codes; a leading "-" subtracts (e.g. "-1602")
    current: Decimal = ZERO
    comparative: Decimal = ZERO
    total: bool = False
    children: list[int] = field(default_factory=list)


async def _net_by_first_level(session: AsyncSession, *, from_key: int | None, to_key: int) -> dict[str, Decimal]:
    """Net debit (debit - credit) of posted lines per first-level account code, for periods in [from, to]."""
    key = FiscalPeriod.year * 100 + FiscalPeriod.month
    stmt = (select(Account.code, func.sum(VoucherLine.debit), func.sum(VoucherLine.credit))
            .join(Voucher, Voucher.id == VoucherLine.voucher_id).join(FiscalPeriod, FiscalPeriod.id == Voucher.period_id)
            .join(Account, Account.id == VoucherLine.account_id)
            .where(Voucher.state == VoucherState.POSTED, key <= to_key)
            .group_by(Account.code))
    if from_key is not None:
        stmt = stmt.where(key >= from_key)
    result: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for code, debit, credit in (await session.execute(stmt)).all():
        result[code[:4]] += Decimal(debit or 0) - Decimal(credit or 0)
    return result


def _value(line_accounts: list[str], net: dict[str, Decimal], credit_nature: bool) -> Decimal:
    total = ZERO
    for code in line_accounts:
        sign = -1 if code.startswith("-") else 1
        value = net.get(code.lstrip("-"), ZERO)
        total += sign * (-value if credit_nature else value)
    return total


INCOME_LAYOUT = [
    (1, "一、营业收入", ["6001", "6051"], "credit"),
    (2, "减：营业成本", ["6401", "6402"], "debit"),
    (3, "税金及附加", ["6403"], "debit"),
    (4, "销售费用", ["6601"], "debit"),
    (5, "管理费用", ["6602"], "debit"),
    (6, "财务费用", ["6603"], "debit"),
    (7, "资产减值损失", ["6701"], "debit"),
    (8, "加：投资收益", ["6111"], "credit"),
    (9, "二、营业利润", [], "1-2-3-4-5-6-7+8"),
    (10, "加：营业外收入", ["6301"], "credit"),
    (11, "减：营业外支出", ["6711"], "debit"),
    (12, "三、利润总额", [], "9+10-11"),
    (13, "减：所得税费用", ["6801"], "debit"),
    (14, "四、净利润", [], "12-13"),
]


def _formula(expr: str, values: dict[int, Decimal]) -> Decimal:
    total, sign, number = ZERO, 1, ""
    for ch in expr + "+":
        if ch.isdigit():
            number += ch
        else:
            total += sign * values[int(number)]
            sign, number = (1 if ch == "+" else -1), ""
    return total


async def income_statement(session: AsyncSession, *, actor: Actor, period: str) -> list[StatementLine]:
    """利润表: this month and the year to date."""
    if not policies.can_read(actor):
        raise denied()
    year, month = parse_period(period)
    key = year * 100 + month
    month_net = await _net_by_first_level(session, from_key=key, to_key=key)
    year_net = await _net_by_first_level(session, from_key=year * 100 + 1, to_key=key)
    lines, current, cumulative = [], {}, {}
    for number, name, accounts, nature in INCOME_LAYOUT:
        if accounts:
            current[number] = _value(accounts, month_net, nature == "credit")
            cumulative[number] = _value(accounts, year_net, nature == "credit")
        else:
            current[number] = _formula(nature, current)
            cumulative[number] = _formula(nature, cumulative)
        lines.append(StatementLine(number, name, accounts, current[number], cumulative[number], total=not accounts))
    return lines


BALANCE_LAYOUT: list[tuple[int, str, list[str]]] = [
    (1, "货币资金", ["1001", "1002", "1012"]),
    (2, "交易性金融资产", ["1101"]),
    (3, "应收票据", ["1121"]),
    (4, "应收账款", ["1122", "1231"]),
    (5, "预付账款", ["1123"]),
    (6, "其他应收款", ["1221"]),
    (7, "存货", ["1402", "1403", "1405", "1411", "5001", "5101"]),
    (8, "其他流动资产", ["1901"]),
    (9, "流动资产合计", []),
    (10, "长期股权投资", ["1511"]),
    (11, "固定资产", ["1601", "1602"]),
    (12, "在建工程", ["1604"]),
    (13, "无形资产", ["1701", "1702"]),
    (14, "长期待摊费用", ["1801"]),
    (15, "非流动资产合计", []),
    (16, "资产总计", []),
    (17, "短期借款", ["2001"]),
    (18, "应付票据", ["2201"]),
    (19, "应付账款", ["2202"]),
    (20, "预收账款", ["2203"]),
    (21, "应付职工薪酬", ["2211"]),
    (22, "应交税费", ["2221"]),
    (23, "应付利息", ["2231"]),
    (24, "应付利润", ["2232"]),
    (25, "其他应付款", ["2241"]),
    (26, "流动负债合计", []),
    (27, "长期借款", ["2501"]),
    (28, "负债合计", []),
    (29, "实收资本", ["4001"]),
    (30, "资本公积", ["4002"]),
    (31, "盈余公积", ["4101"]),
    (32, "未分配利润", ["4103", "4104"]),
    (33, "所有者权益合计", []),
    (34, "负债和所有者权益总计", []),
]
_TOTALS = {9: range(1, 9), 15: range(10, 15), 26: range(17, 26), 33: range(29, 33)}


async def balance_sheet(session: AsyncSession, *, actor: Actor, period: str) -> list[StatementLine]:
    """资产负债表 at the period's end, beside the start of its year. Assets equal liabilities plus equity:
    accounts the layout does not name land on an "other" line of their kind, and profit not yet closed
    into 本年利润 sits in 未分配利润."""
    if not policies.can_read(actor):
        raise denied()
    year, month = parse_period(period)
    end_net = await _net_by_first_level(session, from_key=None, to_key=year * 100 + month)
    start_net = await _net_by_first_level(session, from_key=None, to_key=year * 100)
    types = {a.code: a.type for a in (await session.execute(select(Account).where(
        func.length(Account.code) == 4))).scalars()}
    named = {code for _, _, accounts in BALANCE_LAYOUT for code in accounts}
    layout = [(n, name, list(accounts)) for n, name, accounts in BALANCE_LAYOUT]
    extra_lines = {AccountType.ASSET: 8, AccountType.COST: 7, AccountType.LIABILITY: 25, AccountType.EQUITY: 32}
    by_number = {n: accounts for n, _, accounts in layout}
    for code, account_type in sorted(types.items()):
        if code not in named and account_type in extra_lines:
            by_number[extra_lines[account_type]].append(code)
    profit_codes = [code for code, t in types.items() if t == AccountType.PROFIT_LOSS]
    lines = []
    values: dict[str, dict[int, Decimal]] = {"end": {}, "start": {}}
    for number, name, _ in layout:
        accounts = by_number[number]
        for column, net in (("end", end_net), ("start", start_net)):
            if number in _TOTALS:
                value = sum((values[column][i] for i in _TOTALS[number]), ZERO)
            elif number == 16:
                value = values[column][9] + values[column][15]
            elif number == 28:
                value = values[column][26] + values[column][27]
            elif number == 34:
                value = values[column][28] + values[column][33]
            else:
                credit_nature = number >= 17
                value = _value(accounts, net, credit_nature)
                if number == 32:  # profit not closed yet into 本年利润
                    value += _value(profit_codes, net, True)
            values[column][number] = value
        lines.append(StatementLine(number, name, accounts + (profit_codes if number == 32 else []),
                                   values["end"][number], values["start"][number],
                                   total=number in _TOTALS or number in (16, 28, 34)))
    return lines
