"""Verification codes: unguessable, and a changed character, another key or a made-up code fails the check."""

from __future__ import annotations

from yecai.certificates import codes

KEY = b"a-test-key-of-some-length-0123456789"


def test_a_fresh_code_is_genuine_under_its_key_only() -> None:
    code = codes.new_code(KEY)
    assert len(code) == codes.LENGTH and code.isalnum() and code.isupper()
    assert codes.genuine(code, KEY) == code
    assert codes.genuine(code, b"another-key") is None


def test_printed_and_typed_forms_are_the_same_code() -> None:
    code = codes.new_code(KEY)
    printed = codes.grouped(code)
    assert printed.count("-") == 7 and printed.replace("-", "") == code
    assert codes.genuine(printed, KEY) == code
    assert codes.genuine(" " + printed.lower() + " ", KEY) == code


def test_any_changed_character_is_caught() -> None:
    code = codes.new_code(KEY)
    for i in range(len(code)):
        other = "A" if code[i] != "A" else "B"
        assert codes.genuine(code[:i] + other + code[i + 1:], KEY) is None, i


def test_malformed_codes_are_refused() -> None:
    for bad in ("", "ABC", "0" * 32, "A" * 31, "A" * 33, "Ä" * 32, "<script>", codes.new_code(KEY)[:-1] + "1"):
        assert codes.genuine(bad, KEY) is None, bad


def test_codes_do_not_repeat() -> None:
    assert len({codes.new_code(KEY) for _ in range(2000)}) == 2000
