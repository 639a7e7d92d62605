"""Fixtures of the notification tests: people to notify, and a sink that records what each commit delivers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.meetings.conftest import org  # noqa: F401  (a small organisation, for the meetings' notifications)
from tests.notifications.test_mail import mail_settings, smtp  # noqa: F401  (a real SMTP server)
from yecai.notifications import dispatch
from yecai.notifications.dispatch import Delivery


@pytest.fixture
def delivered() -> Iterator[list[Delivery]]:
    """What commits hand to this process's deliverers, in order, while the test runs."""
    found: list[Delivery] = []
    remove = dispatch.add_sink(found.extend)
    try:
        yield found
    finally:
        remove()
