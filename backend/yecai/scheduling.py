"""What a domain declares to run on a schedule (the shared kernel; the scheduler domain runs it).

A domain lists its :class:`Job` values on its manifest (``Domain(jobs=...)``). The scheduler
(APScheduler inside ``yecai serve``, or ``yecai worker``) fires each job at its time nodes (a cron
expression or a fixed interval, in Asia/Shanghai); every run is one transaction that also records,
in ``job_run``, the last time node it completed. A run receives the window of time nodes it covers
(``since``, exclusive, to ``until``, inclusive), so a job that was down over several nodes
processes them once in the next run, and a node already recorded is never processed again, by
this process or by another worker.

A job must be idempotent over its window: it reads what is due up to ``until`` and changes it so
that reading it again finds nothing left to do.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

# ``run(session, *, actor, settings, since, until)`` -> a short account of what it did (or None); ``since`` is None
# on a job's first run.
JobRun = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class Job:
    """One scheduled job (定时任务): when it runs and what it does."""

    name: str  # "<domain>.<what>", e.g. "notifications.cleanup"; the key of its job_run row
    zh: str
    en: str
    run: JobRun
    cron: str | None = None  # a crontab expression in Asia/Shanghai, e.g. "0 3 * * *"
    every: timedelta | None = None  # or a fixed interval, aligned on midnight (Asia/Shanghai)

    def __post_init__(self) -> None:
        if (self.cron is None) == (self.every is None):
            raise ValueError(f"job {self.name}: give exactly one of cron= and every=")
        if self.every is not None and self.every < timedelta(seconds=1):
            raise ValueError(f"job {self.name}: an interval of at least one second")

