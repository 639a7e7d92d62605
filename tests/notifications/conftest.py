"""Fixtures of the notification tests: people to notify, and a sink that records what each commit delivers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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
