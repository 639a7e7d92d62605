"""The scheduler: runs every domain's scheduled jobs at their time nodes, once across workers, catching up after downtime."""

from yecai.manifest import Domain
from yecai.scheduler import models

DOMAIN = Domain(
    name="scheduler", zh="定时任务", en="Scheduled jobs",
    models=models,
)
