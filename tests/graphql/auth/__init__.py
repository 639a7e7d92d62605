"""API tests of the auth domain."""
