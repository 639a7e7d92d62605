"""What a domain adds to the API, declared once in ``yecai.graphql.<domain>`` as ``API = DomainApi(...)``.

The schema loops over the domains of ``yecai.domains`` and merges their parts. A domain may
add fields to a lower domain's types (``extends``), as GraphQL's ``extend type`` does: the
lineage of a voucher line belongs to posting, the document a line is about to operations,
so the books' types never import them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DomainApi:
    query: type | None = None
    mutation: type | None = None
    subscription: type | None = None
    # Node types clients may fetch with ``node(id:)``, and other types the schema must know.
    nodes: tuple[type, ...] = ()
    types: tuple[type, ...] = ()
    # (a lower domain's type, a Strawberry type whose fields it gains)
    extends: tuple[tuple[type, type], ...] = ()


def extend_type(target: Any, extension: Any) -> None:
    """Give ``target`` the fields of ``extension``; their resolvers receive the target object as ``self``.

    Runs before the schema is built; running it again changes nothing.
    """
    definition = target.__strawberry_definition__
    present = {f.python_name for f in definition.fields}
    for field in extension.__strawberry_definition__.fields:
        if field.python_name in present:
            if getattr(target, "__extended_by__", {}).get(field.python_name) is extension:
                continue
            raise RuntimeError(f"{target.__name__}.{field.python_name} is defined twice")
        added = copy.copy(field)
        added.origin = target
        definition.fields.append(added)
        target.__extended_by__ = {**getattr(target, "__extended_by__", {}), field.python_name: extension}
