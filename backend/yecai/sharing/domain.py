"""Information sharing: sharing rules (共享规则), their publications (发布) at time nodes, receipts and feedback."""

from yecai.manifest import Domain
from yecai.sharing import demo, jobs, models, owners, permissions, search

DOMAIN = Domain(
    name="sharing", zh="信息共享", en="Information sharing",
    models=models,
    permissions=permissions.PERMISSIONS,
    demo=demo.seed,
    searchables=search.SEARCHABLES,
    attachment_owners=owners.ATTACHMENT_OWNERS,
    jobs=jobs.JOBS,
)
