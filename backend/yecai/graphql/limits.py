"""What a request may cost, decided on its parsed document before validation and execution.

Cost counts what the server would have to load, as GitHub's node limit and Shopify's cost points do:
each object field costs 1, leaves cost nothing, and a list multiplies the cost of what is inside it —
by its connection's ``first`` (the argument's value, or its default), by its ``@listSize(assumedSize:)``
(the GraphQL cost directives' way of saying a voucher has a few lines), or by 20. A document whose cost is over the limit, or that repeats one field in one selection set
too often (graphql-core's overlapping-fields rule is quadratic in them), is refused before graphql-core
validates it, so a refusal takes no longer than parsing. The cost of every answer is reported in its
``extensions``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import SchemaExtension

LIST_ESTIMATE = 20  # rows assumed in a list that takes no `first` (a document's lines, a report's rows)
DEFAULT_FIRST = 20  # a connection's `first` when neither the query nor the field says


class CostError(GraphQLError):
    """A refusal of the whole request before it runs, with a code clients can tell apart."""

    def __init__(self, message: str, code: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": code, **extensions})


def _assumed_size(field: GraphQLField) -> int:
    """A list's ``@listSize(assumedSize:)``, or the estimate for lists that do not say."""
    definition = (field.extensions or {}).get("strawberry-definition")
    for directive in getattr(definition, "directives", None) or ():
        size = getattr(directive, "assumed_size", None)
        if isinstance(size, int):
            return size
    return LIST_ESTIMATE


def _is_list(type_: Any) -> bool:
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


class _Costing:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any] | None,
                 max_repeats: int) -> None:
        self.schema = schema
        self.variables = variables or {}
        self.max_repeats = max_repeats
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}

    def _first(self, field: GraphQLField | None, node: FieldNode) -> int | None:
        if field is None or "first" not in field.args:
            return None
        for argument in node.arguments or ():
            if argument.name.value != "first":
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                return max(int(value.value), 0)
            if isinstance(value, VariableNode):
                given = self.variables.get(value.name.value)
                return given if isinstance(given, int) and given >= 0 else DEFAULT_FIRST
        default = field.args["first"].default_value
        return default if isinstance(default, int) else DEFAULT_FIRST

    def _fields(self, selections: SelectionSetNode | None, parent: Any, seen: frozenset[str]) -> Iterator[
            tuple[FieldNode, Any]]:
        """Every field selected on ``parent`` (through fragments), with the type it is selected on."""
        for selection in (selections.selections if selections else ()):
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                on = self.schema.get_type(selection.type_condition.name.value) if selection.type_condition else parent
                yield from self._fields(selection.selection_set, on or parent, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue  # validation names the unknown or cyclic fragment
                on = self.schema.get_type(fragment.type_condition.name.value) or parent
                yield from self._fields(fragment.selection_set, on, seen | {name})

    def cost(self, selections: SelectionSetNode | None, parent: Any, list_size: int | None = None,
             depth: int = 0) -> int:
        if depth > 64:  # the depth limiter refuses such documents; do not recurse on them
            return 0
        nodes = list(self._fields(selections, parent, frozenset()))
        # The same answer key on the same type; fragments on different member types do not repeat each other.
        repeats = Counter(((n.alias or n.name).value, getattr(on, "name", "")) for n, on in nodes)
        (key, _), times = repeats.most_common(1)[0] if repeats else (("", ""), 0)
        if times > self.max_repeats:
            raise CostError(f"字段 {key} 在同一层重复了 {times} 次（最多 {self.max_repeats} 次） / "
                            f"the field {key} is repeated {times} times in one selection (at most {self.max_repeats})",
                            "TOO_MANY_REPEATS", field=key)
        total = 0
        for node, on in nodes:
            field: GraphQLField | None = None
            if isinstance(on, (GraphQLObjectType, GraphQLInterfaceType)):
                field = on.fields.get(node.name.value)
            if field is None:
                continue  # __typename, or an unknown field validation will name
            child = get_named_type(field.type)
            leaf = not isinstance(child, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType))
            if leaf:
                continue
            first = self._first(field, node)
            factor = 1
            if _is_list(field.type):
                factor = list_size if list_size is not None else _assumed_size(field)
            total += factor * (1 + self.cost(node.selection_set, child, first, depth + 1))
        return total


def query_cost(schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any] | None = None,
               operation_name: str | None = None, max_repeats: int = 5) -> int:
    """The cost of the operation a request runs (the named one, or the only one)."""
    costing = _Costing(schema, document, variables, max_repeats)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [d for d in operations if d.name and d.name.value == operation_name]
    total = 0
    for operation in operations:
        root = schema.get_root_type(operation.operation)
        total = max(total, costing.cost(operation.selection_set, root))
    return total


_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class QueryCost(SchemaExtension):
    """Refuse a request over the cost limit or with a field repeated too often, before validation;
    report the cost of what runs; with introspection off, say no "Did you mean ...?" either."""

    def __init__(self, *, max_cost: int, max_repeats: int, suggestions: bool) -> None:
        self.max_cost = max_cost
        self.max_repeats = max_repeats
        self.suggestions = suggestions
        self.cost: int | None = None

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.pre_execution_errors is None:
            try:
                self.cost = query_cost(context.schema._schema, context.graphql_document, context.variables,
                                       context.operation_name, self.max_repeats)
                if self.cost > self.max_cost:
                    raise CostError(f"查询代价 {self.cost} 超过上限 {self.max_cost}，请减少 first 或所选字段 / "
                                    f"the query costs {self.cost}, over the limit of {self.max_cost}: ask for fewer "
                                    "rows (first) or fields", "QUERY_TOO_COSTLY", cost=self.cost, limit=self.max_cost)
            except CostError as error:
                context.pre_execution_errors = [error]  # validation does not run
        yield
        if not self.suggestions and context.pre_execution_errors:
            # In place: the caller already holds this list.
            context.pre_execution_errors[:] = [_without_suggestions(e) for e in context.pre_execution_errors]

    def get_results(self) -> dict[str, Any]:
        return {} if self.cost is None else {"cost": {"requested": self.cost, "limit": self.max_cost}}


def _without_suggestions(error: GraphQLError) -> GraphQLError:
    message = _SUGGESTION.sub("", error.message)
    if message == error.message:
        return error
    return GraphQLError(message, nodes=error.nodes, source=error.source, positions=error.positions, path=error.path,
                        original_error=error.original_error, extensions=error.extensions)
