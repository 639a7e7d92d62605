"""API tests of the ledger domain."""
