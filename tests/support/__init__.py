"""Shared test support: a live Yecai server for browser, HTTP and benchmark runs.

Register the fixtures in ``tests/conftest.py`` with::

    pytest_plugins = ["tests.support.live_server"]
"""

from tests.support.live_server import LiveServerURL, run_live_server

__all__ = ["LiveServerURL", "run_live_server"]
