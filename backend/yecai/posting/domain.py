"""Posting: versioned rules turn business events into vouchers; preview, replay, reconciliation."""

from yecai.manifest import Domain
from yecai.posting import listeners, models, permissions, search
from yecai.posting.service import ensure_default_rules

DOMAIN = Domain(
    name="posting", zh="记账规则", en="Posting",
    models=models,
    permissions=permissions.PERMISSIONS,
    listeners=listeners.LISTENERS,
    reference_data=ensure_default_rules,
    searchables=search.SEARCHABLES,
)
