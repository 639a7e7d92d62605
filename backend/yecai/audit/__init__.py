"""The hash-chained audit trail."""
