"""Notifications: each user's notification centre, live updates over WebSocket, e-mail, and their settings."""

from yecai.manifest import Domain
from yecai.notifications import dispatch, jobs, kinds, listeners, models

dispatch.install()  # every commit hands what notify() wrote to this process's deliverers

DOMAIN = Domain(
    name="notifications", zh="通知", en="Notifications",
    models=models,
    listeners=listeners.LISTENERS,
    notification_kinds=kinds.KINDS,
    jobs=jobs.JOBS,
)
