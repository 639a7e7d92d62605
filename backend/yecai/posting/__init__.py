"""Posting rules (记账规则) that turn business events into vouchers; lineage; reconciliation."""
