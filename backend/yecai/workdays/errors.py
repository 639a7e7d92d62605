"""Error codes of the work calendar (beyond the shared INVALID_INPUT, NOT_FOUND, PERMISSION_DENIED)."""

from yecai.errors import ErrorSpec

NOT_MARKED = ErrorSpec("NOT_MARKED", "该日没有标记，按常规作息", "The day is not marked; the plain week holds")
