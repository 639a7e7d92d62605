"""Business operations' part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.ledger.types import TrialBalanceRow, VoucherLine
from yecai.graphql.operations import types as t
from yecai.graphql.operations.mutations import OperationsMutations
from yecai.graphql.operations.queries import OperationsQueries

API = DomainApi(
    query=OperationsQueries, mutation=OperationsMutations,
    nodes=(t.Customer, t.Supplier, t.ProductCategory, t.Warehouse, t.Product, *t.DOCUMENT_NODES.values(),
           *t.LINE_NODES.values()),
    extends=((VoucherLine, t.DimensionObjects), (TrialBalanceRow, t.DimensionObjects)),
)
