"""Notifications: each user's notification centre, live updates over WebSocket, e-mail, and their settings."""

from yecai.manifest import Domain
from yecai.notifications import about_meetings, about_sharing, dispatch, jobs, kinds, listeners, models

# What it tells about each domain below it: a module ``about_<domain>`` with KINDS, LISTENERS and JOBS.
ABOUT = (about_meetings, about_sharing)

dispatch.install()  # every commit hands what notify() wrote to this process's deliverers

DOMAIN = Domain(
    name="notifications", zh="通知", en="Notifications",
    models=models,
    listeners=listeners.LISTENERS + tuple(x for about in ABOUT for x in about.LISTENERS),
    notification_kinds=kinds.KINDS + tuple(x for about in ABOUT for x in about.KINDS),
    jobs=jobs.JOBS + tuple(x for about in ABOUT for x in about.JOBS),
)
