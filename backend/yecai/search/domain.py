"""Search: every domain's searchable objects in one index, found in Chinese, filtered by what the viewer may open."""

from yecai.manifest import Domain
from yecai.search import models, outbox, permissions

outbox.install()  # every flush of a searchable row writes the outbox, whichever domain made it

DOMAIN = Domain(
    name="search", zh="搜索", en="Search",
    models=models,
    permissions=permissions.PERMISSIONS,
)
