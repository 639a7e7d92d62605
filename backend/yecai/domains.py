"""The portal's domains, in layer order: each may use the ones above it in this list, never below.

Every loop over domains (tables, permissions, event listeners, reference data, the demo, the
GraphQL schema, ``node(id:)``) reads this list through ``yecai.manifest.domains()``. Adding a
domain adds one line here; its ``domain.py`` says the rest.
"""

DOMAINS: tuple[str, ...] = (
    "yecai.audit",
    "yecai.scheduler",
    "yecai.org",
    "yecai.workdays",
    "yecai.auth",
    "yecai.ledger",
    "yecai.operations",
    "yecai.posting",
    "yecai.search",
    "yecai.attachments",
    "yecai.meetings",
    "yecai.sharing",
    "yecai.certificates",
    "yecai.learning",
    "yecai.performance",
    "yecai.notifications",
)
