"""Business documents: master data, purchases, sales, stock, cash and expense claims."""

from yecai.manifest import Domain
from yecai.operations import demo, documents, listeners, models, owners, permissions, search

DOMAIN = Domain(
    name="operations", zh="业务", en="Operations",
    models=models,
    permissions=permissions.PERMISSIONS,
    document_types=documents.DOCUMENT_TYPES,
    listeners=listeners.LISTENERS,
    demo=demo.seed,
    searchables=search.SEARCHABLES,
    attachment_owners=owners.ATTACHMENT_OWNERS,
)
