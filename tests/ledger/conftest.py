"""Fixtures of the books: an open period, accounts by code, a finance preparer and reviewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import finance_pair, open_months
from yecai.actor import Actor
from yecai.ledger.models import Account
from yecai.ledger.service import LineInput, accounts_by_code

DAY = date(2026, 11, 10)


@dataclass
class Books:
    accounts: dict[str, Account]
    preparer: Actor
    reviewer: Actor

    def line(self, code: str, debit: str = "0", credit: str = "0", **kw: object) -> LineInput:
        return LineInput(account_id=self.accounts[code].id, debit=Decimal(debit), credit=Decimal(credit), **kw)


@pytest.fixture
async def books(session: AsyncSession) -> Books:
    await open_months(session, "2026-11")
    preparer, reviewer = await finance_pair(session)
    accounts = await accounts_by_code(session, ["1001", "1002", "1122", "1405", "2202", "6001", "22210102", "6602",
                                                "660201", "4001", "6401", "22210101"])
    return Books(accounts, preparer, reviewer)
