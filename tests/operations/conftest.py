"""The operations tests use the reference organisation of the posting cases."""

from tests.posting.conftest import company  # noqa: F401  (the fixture)
