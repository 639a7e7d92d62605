"""The books' part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.ledger.mutations import LedgerMutations
from yecai.graphql.ledger.queries import LedgerQueries
from yecai.graphql.ledger.types import Account, FiscalPeriod, Voucher

API = DomainApi(query=LedgerQueries, mutation=LedgerMutations, nodes=(Account, FiscalPeriod, Voucher))
