"""Expected failures of use cases, shared by every domain.

A domain declares its codes as ``ErrorSpec`` values in its ``errors.py`` and raises
``DomainError``; the API layer turns it into the mutation's own error type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorSpec:
    code: str
    zh: str
    en: str


class DomainError(Exception):
    """An expected failure: a code, the field at fault (if any) and a readable message."""

    def __init__(self, spec: ErrorSpec, *, field: str | None = None, zh: str | None = None, en: str | None = None):
        self.spec = spec
        self.code = spec.code
        self.field = field
        self.zh = zh or spec.zh
        self.en = en or spec.en
        super().__init__(f"{self.code}: {self.en}" + (f" ({field})" if field else ""))

    def message(self, language: str = "zh") -> str:
        return self.en if language.startswith("en") else self.zh


INVALID_INPUT = ErrorSpec("INVALID_INPUT", "输入有误", "Invalid input")
NOT_FOUND = ErrorSpec("NOT_FOUND", "对象不存在或无权查看", "Not found")
PERMISSION_DENIED = ErrorSpec("PERMISSION_DENIED", "没有执行此操作的权限", "You are not allowed to do this")
UNAUTHENTICATED = ErrorSpec("UNAUTHENTICATED", "请先登录", "Please sign in first")

COMMON_ERRORS = (INVALID_INPUT, NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED)


def invalid(field: str, zh: str, en: str) -> DomainError:
    """A bad value for ``field``; the message names the field."""
    return DomainError(INVALID_INPUT, field=field, zh=f"{field}：{zh}", en=f"{field}: {en}")


def not_found(field: str = "id") -> DomainError:
    return DomainError(NOT_FOUND, field=field)


def denied() -> DomainError:
    return DomainError(PERMISSION_DENIED)
