"""API tests of the org domain."""
