"""The schema: merges every domain's queries and mutations, with limits and error masking."""

import functools
import importlib
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

from yecai import manifest
from yecai.graphql.api import DomainApi, extend_type
from yecai.graphql.base import ApiError
from yecai.graphql.limits import QueryCost
from yecai.settings import Settings

log = logging.getLogger("yecai.graphql")

MASKED_MESSAGE = "服务器内部错误 / Internal server error"


@functools.cache
def apis() -> tuple[DomainApi, ...]:
    """Every domain's API part, in domain order (``yecai.graphql.<domain>.API``)."""
    found = []
    for domain in manifest.domains():
        if domain.api_module is None:
            continue
        api = getattr(importlib.import_module(domain.api_module), "API", None)
        if not isinstance(api, DomainApi):
            raise RuntimeError(f"{domain.api_module} does not declare API = DomainApi(...)")
        found.append(api)
    return tuple(found)


@functools.cache
def node_types() -> dict[str, Any]:
    """The types ``node(id:)`` resolves, by GraphQL name."""
    return {t.__strawberry_definition__.name: t for api in apis() for t in api.nodes}


def _root(name: str, parts: list[type], extra: dict[str, Any] | None = None) -> Any:
    return strawberry.type(type(name, tuple(parts), dict(extra or {})))


async def _node(self: Any, info: strawberry.Info, id: strawberry.ID) -> relay.Node | None:
    try:
        gid = relay.GlobalID.from_id(id)
    except ValueError:
        raise ApiError(f"id：不是有效的全局标识 / id: not a valid global id ({str(id)[:64]!r})",
                       "INVALID_INPUT", "id") from None
    node_type = node_types().get(gid.type_name)
    if node_type is None:
        return None
    (found,) = await node_type.resolve_nodes(info=info, node_ids=[gid.node_id], required=False)
    return found


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
        lambda: QueryCost(max_cost=settings.graphql_max_cost, max_repeats=settings.graphql_max_repeats,
                          suggestions=settings.introspection),
        lambda: MaskUnexpectedErrors(should_mask_error=_should_mask, error_message=MASKED_MESSAGE),
    ]
    if not settings.introspection:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    parts = apis()
    for api in parts:
        for target, extension in api.extends:
            extend_type(target, extension)
    node = strawberry.field(resolver=_node, description=(
        "Any object by its global id; null when absent or not visible to the viewer."))
    query = _root("Query", [api.query for api in parts if api.query], {"node": node})
    mutation = _root("Mutation", [api.mutation for api in parts if api.mutation])
    subscriptions = [api.subscription for api in parts if api.subscription]
    return YecaiSchema(
        query=query,
        mutation=mutation,
        subscription=_root("Subscription", subscriptions) if subscriptions else None,
        types=[t for api in parts for t in (*api.nodes, *api.types)],
        extensions=extensions,
        config=StrawberryConfig(auto_camel_case=True),
    )


def export_sdl(settings: Settings | None = None) -> str:
    return build_schema(settings or Settings()).as_str() + "\n"
