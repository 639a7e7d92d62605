"""The books: accounts, fiscal periods, vouchers, reports and statements."""

from yecai.ledger import demo, listeners, models, permissions, search
from yecai.ledger.service import ensure_standard_chart
from yecai.manifest import Domain

DOMAIN = Domain(
    name="ledger", zh="账簿", en="Books",
    models=models,
    permissions=permissions.PERMISSIONS,
    listeners=listeners.LISTENERS,
    reference_data=ensure_standard_chart,
    demo=demo.seed,
    searchables=search.SEARCHABLES,
)
