"""Posting's part of the API: rules, previews, replays, reconciliation, and the lineage of the books."""

from yecai.graphql.api import DomainApi
from yecai.graphql.ledger.types import Voucher, VoucherLine
from yecai.graphql.posting import types as t
from yecai.graphql.posting.mutations import PostingMutations
from yecai.graphql.posting.queries import PostingQueries

API = DomainApi(
    query=PostingQueries, mutation=PostingMutations, nodes=(t.PostingRule, t.PostingRuleVersion),
    extends=((VoucherLine, t.VoucherLineLineage), (Voucher, t.VoucherLineage)),
)
