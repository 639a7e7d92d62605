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


def permission_codes(codes: "list[str] | frozenset[str] | set[str]") -> list[PermissionCodeEnum]:  # type: ignore[valid-type]
    """Stored codes as enum members, by name; codes no domain declares any more are left out."""
    known = {m.value for m in PermissionCodeEnum}
    return sorted((PermissionCodeEnum(c) for c in codes if c in known), key=lambda m: m.name)
