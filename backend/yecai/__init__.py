"""Yecai (业财): business–finance integration portal."""

__version__ = "0.1.0"
