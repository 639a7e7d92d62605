"""API tests of the operations domain."""
