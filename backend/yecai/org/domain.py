"""The organisation: the department tree."""

from yecai.manifest import Domain
from yecai.org import demo, models, permissions, search

DOMAIN = Domain(
    name="org", zh="组织", en="Organisation",
    models=models,
    permissions=permissions.PERMISSIONS,
    demo=demo.seed,
    searchables=search.SEARCHABLES,
)
