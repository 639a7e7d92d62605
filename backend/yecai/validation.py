"""Small input checks shared by services; each failure names its field."""

from __future__ import annotations

import re
import unicodedata

from yecai.errors import invalid

# Characters that reorder how text is shown (Trojan Source): never in any text the portal keeps.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def lone_surrogate(value: object, path: str) -> str | None:
    """Where in a decoded JSON value a string holds a lone surrogate (e.g. ``variables.input.name``), if anywhere."""
    if isinstance(value, str):
        return path if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value) else None
    if isinstance(value, dict):
        for k, v in value.items():
            found = lone_surrogate(k, path) or lone_surrogate(v, f"{path}.{k}")
            if found:
                return found
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found = lone_surrogate(v, f"{path}[{i}]")
            if found:
                return found
    return None


def text(value: str | None, field: str, *, max_len: int, min_len: int = 1, required: bool = True,
         plain: bool = False) -> str | None:
    """Trim ``value`` and check its length; ``None`` is allowed only when not required. Text never holds lone
    surrogates, control or bidirectional control characters; ``plain`` text (names, codes) no invisible format
    characters either (zero-width spaces and joiners)."""
    if value is None:
        if required:
            raise invalid(field, "不能为空", "is required")
        return None
    if not isinstance(value, str):
        raise invalid(field, "应为文本", "must be a string")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise invalid(field, "含有无效字符（孤立的代理码位）", "contains invalid characters (lone surrogates)")
    value = unicodedata.normalize("NFC", value).strip()
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise invalid(field, "含有控制字符", "contains control characters")
    if any(ch in _BIDI_CONTROLS for ch in value):
        raise invalid(field, "含有改变文字方向的控制字符", "contains bidirectional control characters")
    if plain and any(unicodedata.category(ch) == "Cf" for ch in value):
        raise invalid(field, "含有不可见的格式字符（如零宽空格）", "contains invisible format characters (e.g. zero-width space)")
    if len(value) < min_len:
        if min_len == 1:
            raise invalid(field, "不能为空", "must not be empty")
        raise invalid(field, f"至少 {min_len} 个字符", f"must have at least {min_len} characters")
    if len(value) > max_len:
        raise invalid(field, f"不能超过 {max_len} 个字符", f"must have at most {max_len} characters")
    return value


def required_text(value: str | None, field: str, *, max_len: int, min_len: int = 1, plain: bool = False) -> str:
    result = text(value, field, max_len=max_len, min_len=min_len, plain=plain)
    assert result is not None
    return result


def name(value: str | None, field: str = "name", *, max_len: int = 200) -> str:
    """A name people tell things apart by (a customer's, a department's, a person's): plain, visible text."""
    return required_text(value, field, max_len=max_len, plain=True)


_CODE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")
_USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def code(value: str | None, field: str, *, max_len: int = 64) -> str:
    result = required_text(value, field, max_len=max_len, plain=True)
    if not _CODE_RE.match(result):
        raise invalid(field, "只能包含字母、数字、下划线、点和连字符，且以字母开头",
                      "may contain letters, digits, '_', '.', '-' and must start with a letter")
    return result


def username(value: str | None, field: str = "username") -> str:
    result = required_text(value, field, max_len=64, min_len=2).lower()
    if not _USERNAME_RE.match(result):
        raise invalid(field, "只能包含小写字母、数字、下划线、点和连字符",
                      "may contain lowercase letters, digits, '_', '.' and '-'")
    return result


def email(value: str | None, field: str = "email") -> str | None:
    result = text(value, field, max_len=254, required=False)
    if not result:
        return None
    if not _EMAIL_RE.match(result):
        raise invalid(field, "不是有效的电子邮箱地址", "is not a valid email address")
    return result


def password(value: str | None, field: str = "password") -> str:
    if value is None or value == "":
        raise invalid(field, "不能为空", "is required")
    if not isinstance(value, str) or lone_surrogate(value, field):
        raise invalid(field, "含有无效字符", "contains invalid characters")
    if len(value) < 8:
        raise invalid(field, "至少 8 个字符", "must have at least 8 characters")
    if len(value) > 256:
        raise invalid(field, "不能超过 256 个字符", "must have at most 256 characters")
    classes = sum(bool(re.search(p, value)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
    if classes < 3:
        raise invalid(field, "须包含大写字母、小写字母、数字、符号中的至少三类",
                      "must mix at least three of: lowercase, uppercase, digits, symbols")
    return value
