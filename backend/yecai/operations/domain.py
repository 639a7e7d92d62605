"""Business documents: master data, purchases, sales, stock, cash and expense claims."""

from yecai.manifest import Domain
from yecai.operations import demo, models, permissions

DOMAIN = Domain(
    name="operations", zh="业务", en="Operations",
    models=models,
    permissions=permissions.PERMISSIONS,
    demo=demo.seed,
)
