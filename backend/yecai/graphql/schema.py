"""The schema: merges every domain's queries and mutations, with limits and error masking."""

import logging
from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry import relay
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig

from yecai.graphql.audit.queries import AuditQueries
from yecai.graphql.audit.types import AuditEvent
from yecai.graphql.auth.mutations import AuthMutations
from yecai.graphql.auth.queries import AuthQueries
from yecai.graphql.auth.types import ApiToken, Role, User
from yecai.graphql.base import ApiError
from yecai.graphql.ledger.mutations import LedgerMutations
from yecai.graphql.ledger.queries import LedgerQueries
from yecai.graphql.ledger.types import Account, FiscalPeriod, Voucher
from yecai.graphql.operations import types as operations_types
from yecai.graphql.operations.mutations import OperationsMutations
from yecai.graphql.operations.queries import OperationsQueries
from yecai.graphql.org.mutations import OrgMutations
from yecai.graphql.org.queries import OrgQueries
from yecai.graphql.org.types import Department
from yecai.graphql.posting.mutations import PostingMutations
from yecai.graphql.posting.queries import PostingQueries
from yecai.graphql.posting.types import PostingRule, PostingRuleVersion
from yecai.settings import Settings

log = logging.getLogger("yecai.graphql")

MASKED_MESSAGE = "服务器内部错误 / Internal server error"


NODE_TYPES: dict[str, Any] = {
    t.__name__: t for t in (
        User, Role, Department, ApiToken, AuditEvent, Account, FiscalPeriod, Voucher, PostingRule, PostingRuleVersion,
        operations_types.Customer, operations_types.Supplier, operations_types.Product,
        operations_types.ProductCategory, operations_types.Warehouse, *operations_types.DOCUMENT_TYPES.values(),
    )
}


@strawberry.type
class Query(AuthQueries, OrgQueries, AuditQueries, LedgerQueries, OperationsQueries, PostingQueries):
    @strawberry.field(description="Any object by its global id; null when absent or not visible to the viewer.")
    async def node(self, info: strawberry.Info, id: strawberry.ID) -> relay.Node | None:
        try:
            gid = relay.GlobalID.from_id(id)
        except ValueError:
            raise ApiError(f"id：不是有效的全局标识 / id: not a valid global id ({str(id)[:64]!r})",
                           "INVALID_INPUT", "id") from None
        node_type = NODE_TYPES.get(gid.type_name)
        if node_type is None:
            return None
        (found,) = await node_type.resolve_nodes(info=info, node_ids=[gid.node_id], required=False)
        return found


@strawberry.type
class Mutation(AuthMutations, OrgMutations, LedgerMutations, OperationsMutations, PostingMutations):
    pass


class MaskUnexpectedErrors(MaskErrors):
    """Hide unexpected errors from clients, log them, and mark the request for rollback."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        context = self.execution_context.context
        request_id = getattr(getattr(context, "actor", None), "request_id", None)
        if context is not None and hasattr(context, "failed"):
            context.failed = True
        log.error("unexpected error in request %s", request_id, exc_info=error.original_error)
        return GraphQLError(
            message=self.error_message, nodes=error.nodes, source=error.source, positions=error.positions,
            path=error.path, original_error=None,
            extensions={"code": "INTERNAL_SERVER_ERROR", **({"requestId": request_id} if request_id else {})},
        )


class YecaiSchema(strawberry.Schema):
    """Strawberry's schema, without its default logging of every error with a traceback: expected
    failures (denied, invalid input) are answers, not incidents; unexpected ones are logged when masked."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        return None


def _should_mask(error: GraphQLError) -> bool:
    original = error.original_error
    # Errors from parsing, validation and expected failures carry their own meaning.
    return original is not None and not isinstance(original, (ApiError, GraphQLError))


def build_schema(settings: Settings) -> strawberry.Schema:
    # Factories, not instances: each request gets fresh extensions (they keep per-request state).
    extensions: list[Any] = [
        lambda: QueryDepthLimiter(max_depth=settings.graphql_max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        lambda: MaskUnexpectedErrors(should_mask_error=_should_mask, error_message=MASKED_MESSAGE),
    ]
    if not settings.introspection:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return YecaiSchema(
        query=Query,
        mutation=Mutation,
        types=list(NODE_TYPES.values()),
        extensions=extensions,
        config=StrawberryConfig(auto_camel_case=True),
    )


def export_sdl(settings: Settings | None = None) -> str:
    return build_schema(settings or Settings()).as_str() + "\n"
