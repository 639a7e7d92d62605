"""The registries every domain reads agree with each other and with the schema clients see."""

from __future__ import annotations

from graphql import parse
from graphql.language import EnumTypeDefinitionNode, ObjectTypeDefinitionNode

from yecai import manifest
from yecai.auth.permissions import BUILTIN_ROLES
from yecai.domains import DOMAINS
from yecai.graphql.schema import export_sdl, node_types
from yecai.org.events import DepartmentRemoving
from yecai.posting.defaults import DEFAULT_RULES
from yecai.posting.engine import SAMPLES

SDL = parse(export_sdl())


def _enum(name: str) -> set[str]:
    (found,) = [d for d in SDL.definitions if isinstance(d, EnumTypeDefinitionNode) and d.name.value == name]
    return {v.name.value for v in found.values or ()}


def test_every_listed_domain_declares_itself_once() -> None:
    names = [d.name for d in manifest.domains()]
    assert names == [path.rsplit(".", 1)[1] for path in DOMAINS]
    assert _enum("Domain") == {n.upper() for n in names}


def test_permissions_belong_to_their_domain_and_known_roles() -> None:
    roles = {r.code for r in BUILTIN_ROLES}
    for permission in manifest.permissions():
        assert permission.domain in {d.name for d in manifest.domains()}
        assert set(permission.default_roles) <= roles, permission.code
        assert permission.zh and permission.en
    assert _enum("PermissionCode") == {p.enum_name for p in manifest.permissions()}


def test_document_types_are_one_table() -> None:
    types = manifest.document_types()
    assert len({t.name for t in types}) == len({t.code for t in types}) == len({t.prefix for t in types}) == len(types)
    nodes = node_types()
    for t in types:
        assert manifest.document_type(t.code) is t and manifest.document_type_of(t.model) is t
        assert t.name in nodes, f"{t.name} is not a node type of the schema"
        if t.line_name:
            assert t.line_name in nodes and hasattr(t.line_model, t.line_key or ""), t.name
        if t.event_type:
            assert manifest.document_type_for_event(t.event_type) is t
            assert hasattr(t.model, t.event_date)
    assert _enum("DocumentType") == {t.code.upper() for t in types}
    assert _enum("EventType") == set(manifest.event_types())


def test_every_event_type_can_be_checked_and_has_default_rules() -> None:
    events = set(manifest.event_types())
    assert set(SAMPLES) == events
    assert {rule["event_type"] for rule in DEFAULT_RULES} == events
    for event_type, sample in SAMPLES.items():
        assert sample.source_type == manifest.document_type_for_event(event_type).code  # type: ignore[union-attr]


def test_listeners_errors_reach_the_mutations_that_emit_their_events() -> None:
    raised = {spec.code for spec in manifest.errors_raised_by_listeners([DepartmentRemoving])}
    assert {"DEPARTMENT_NOT_EMPTY", "DEPARTMENT_IN_USE"} <= raised
    assert raised <= _enum("DeleteDepartmentErrorCode")
    posting = {spec.code for spec in manifest.errors_raised_by_listeners(
        [t.event for t in manifest.document_types() if t.event])}
    assert {"POSTING_FAILED", "PERIOD_NOT_OPEN", "UNBALANCED"} <= posting
    for mutation in ("DeliverSalesOrder", "CreatePurchaseReceipt", "PayExpenseClaim", "RecordCustomerReceipt"):
        assert posting <= _enum(f"{mutation}ErrorCode"), mutation


def test_every_mutation_says_who_may_call_it() -> None:
    (mutation,) = [d for d in SDL.definitions
                   if isinstance(d, ObjectTypeDefinitionNode) and d.name.value == "Mutation"]
    for field in mutation.fields or ():
        directives = {d.name.value for d in field.directives or ()}
        if field.name.value in ("login", "logout"):  # before signing in, and to clear a stale cookie
            assert "requires" not in directives
        else:
            assert "requires" in directives, field.name.value
        assert field.description and ("Needs `" in field.description.value or "signed-in" in field.description.value
                                      or "No sign-in" in field.description.value
                                      or field.name.value == "login"), field.name.value


def test_every_attachment_owner_is_a_node_with_its_attachments() -> None:
    nodes = node_types()
    owners = manifest.attachment_owners()
    assert {o.type for o in owners} >= {"ExpenseClaim", "PurchaseReceipt"}
    for owner in owners:
        assert owner.type in nodes and nodes[owner.type].model is owner.model, owner.type
        (definition,) = [d for d in SDL.definitions
                         if isinstance(d, ObjectTypeDefinitionNode) and d.name.value == owner.type]
        assert {"attachments", "viewerCanAttach"} <= {f.name.value for f in definition.fields or ()}, owner.type
        if owner.search_kind:
            assert manifest.searchable(owner.search_kind) is not None, owner.type
