"""API tests of the posting domain."""
