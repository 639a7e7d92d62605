"""Closed sets the registries hold, as GraphQL enums: clients compile against them."""

import enum

import strawberry

from yecai import manifest

DomainEnum = enum.Enum("Domain", {d.name.upper(): d.name for d in manifest.domains()})  # type: ignore[misc]
Domain = strawberry.enum(DomainEnum, name="Domain", description="A domain of the portal (业务域).")

PermissionCodeEnum = enum.Enum(  # type: ignore[misc]
    "PermissionCode", {p.enum_name: p.code for p in manifest.permissions()})
PermissionCode = strawberry.enum(
    PermissionCodeEnum, name="PermissionCode",
    description="A permission (权限) of the catalogue; each domain declares its own.")

DocumentTypeEnum = enum.Enum(  # type: ignore[misc]
    "DocumentType", {t.code.upper(): t.code for t in manifest.document_types()})
DocumentType = strawberry.enum(
    DocumentTypeEnum, name="DocumentType",
    description="A kind of business document (单据类型): " + ", ".join(
        f"{t.code.upper()} {t.zh}" for t in manifest.document_types()) + ".")

EventTypeEnum = enum.Enum("EventType", {e: e for e in manifest.event_types()})  # type: ignore[misc]
EventType = strawberry.enum(
    EventTypeEnum, name="EventType",
    description="A business event posting rules are written for: " + ", ".join(
        f"{t.event_type} ({t.zh})" for t in manifest.document_types() if t.event_type) + ".")


def permission_codes(codes: "list[str] | frozenset[str] | set[str]") -> list[PermissionCodeEnum]:  # type: ignore[valid-type]
    """Stored codes as enum members, by name; codes no domain declares any more are left out."""
    known = {m.value for m in PermissionCodeEnum}
    return sorted((PermissionCodeEnum(c) for c in codes if c in known), key=lambda m: m.name)

SearchKindEnum = enum.Enum(  # type: ignore[misc]
    "SearchKind", {s.enum_name: s.kind for s in manifest.searchables()})
SearchKind = strawberry.enum(
    SearchKindEnum, name="SearchKind",
    description="A kind of searchable object (搜索类别): " + ", ".join(
        f"{s.enum_name} {s.zh}" for s in manifest.searchables()) + ".")

NotificationKindEnum = enum.Enum(  # type: ignore[misc]
    "NotificationKind", {k.enum_name: k.code for k in manifest.notification_kinds()})
NotificationKind = strawberry.enum(
    NotificationKindEnum, name="NotificationKind",
    description="A kind of notification (通知类别), declared by the domain that sends it: " + ", ".join(
        f"{k.enum_name} {k.zh}" for k in manifest.notification_kinds()) + ".")
