"""Sharing figures (考评): per rule, department and person, over the publications whose time node falls in a range
of days (Asia/Shanghai): on-time rate, late and missed counts, acknowledgement rate and delay, open feedback and
answer time. Admins (``sharing.manage``) see every department; managers (``sharing.evaluate``) their own and
those under it. A monthly report is the same figures for one month and department.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.db import utcnow
from yecai.errors import denied, invalid
from yecai.meetings.access import below, department_tree
from yecai.sharing import policies, timenodes
from yecai.sharing.models import Feedback, Publication, PublicationState, Receipt, Timeliness

MAX_DAYS = 366
RATE = Decimal("0.0001")


@dataclass
class Figures:
    """The figures of one group (a rule, a department, a person, or all)."""

    key: int | None
    due: int = 0  # publications whose deadline passed or that are published
    on_time: int = 0
    late: int = 0
    missed: int = 0
    pending: int = 0  # not yet due (deadline ahead, not published)
    receipts: int = 0
    acknowledged: int = 0
    ack_seconds: list[float] = field(default_factory=list)
    feedback: int = 0
    open_feedback: int = 0
    answer_seconds: list[float] = field(default_factory=list)

    @property
    def on_time_rate(self) -> Decimal | None:
        return None if not self.due else (Decimal(self.on_time) / Decimal(self.due)).quantize(RATE)

    @property
    def acknowledgement_rate(self) -> Decimal | None:
        return None if not self.receipts else (Decimal(self.acknowledged) / Decimal(self.receipts)).quantize(RATE)

    @property
    def acknowledgement_hours(self) -> Decimal | None:
        return _mean_hours(self.ack_seconds)

    @property
    def answer_hours(self) -> Decimal | None:
        return _mean_hours(self.answer_seconds)


def _mean_hours(seconds: list[float]) -> Decimal | None:
    if not seconds:
        return None
    return (Decimal(str(sum(seconds))) / Decimal(len(seconds)) / Decimal(3600)).quantize(Decimal("0.01"))


@dataclass
class SharingFigures:
    total: Figures
    by_rule: list[Figures]
    by_department: list[Figures]
    by_person: list[Figures]


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    if end < start:
        raise invalid("to", "不能早于开始日期", "must not be before from")
    if (end - start).days >= MAX_DAYS:
        raise invalid("to", f"区间最多 {MAX_DAYS} 天", f"the range is at most {MAX_DAYS} days")
    low = timenodes.utc(datetime(start.year, start.month, start.day))
    high = timenodes.utc(datetime(end.year, end.month, end.day) + timedelta(days=1))
    return low, high


async def scope(session: AsyncSession, actor: Actor) -> set[int] | None:
    """The departments whose figures the actor sees (None: all)."""
    if not policies.can_evaluate(actor):
        raise denied()
    if policies.can_manage(actor):
        return None
    return below(await department_tree(session), actor.department_id)


async def sharing_figures(session: AsyncSession, *, actor: Actor, start: date, end: date,
                          department_id: int | None = None, now: datetime | None = None) -> SharingFigures:
    """The figures of the publications whose time node is in [start, end] (days in Asia/Shanghai)."""
    allowed = await scope(session, actor)
    low, high = _bounds(start, end)
    stmt = select(Publication).where(Publication.time_node >= low, Publication.time_node < high)
    if allowed is not None:
        stmt = stmt.where(Publication.department_id.in_(sorted(allowed)))
    if department_id is not None:
        if allowed is not None and department_id not in allowed:
            raise denied()
        stmt = stmt.where(Publication.department_id == department_id)
    rows = list((await session.execute(stmt)).scalars())
    ids = [p.id for p in rows]
    receipts: dict[int, list[Receipt]] = defaultdict(list)
    feedback: dict[int, list[Feedback]] = defaultdict(list)
    for start_at in range(0, len(ids), 500):
        part = ids[start_at:start_at + 500]
        for r in (await session.execute(select(Receipt).where(Receipt.publication_id.in_(part)))).scalars():
            receipts[r.publication_id].append(r)
        for f in (await session.execute(select(Feedback).where(Feedback.publication_id.in_(part)))).scalars():
            feedback[f.publication_id].append(f)
    moment = now or utcnow()
    groups: dict[str, dict[int | None, Figures]] = {"rule": {}, "department": {}, "person": {}}
    total = Figures(None)
    for p in rows:
        keys = {"rule": p.rule_id, "department": p.department_id, "person": p.responsible_id}
        targets = [total, *(groups[g].setdefault(k, Figures(k)) for g, k in keys.items())]
        for fig in targets:
            _add(fig, p, receipts[p.id], feedback[p.id], moment)
    order = lambda figs: sorted(figs, key=lambda f: (f.key is None, f.key or 0))  # noqa: E731
    return SharingFigures(total, order(groups["rule"].values()), order(groups["department"].values()),
                          order(groups["person"].values()))


def _add(fig: Figures, p: Publication, receipts: Iterable[Receipt], feedback: Iterable[Feedback],
         now: datetime) -> None:
    if p.state == PublicationState.PUBLISHED:
        fig.due += 1
        if p.timeliness == Timeliness.ON_TIME:
            fig.on_time += 1
        else:
            fig.late += 1
    elif p.state == PublicationState.MISSED or p.deadline < now:
        fig.due += 1
        fig.missed += 1
    else:
        fig.pending += 1
    for r in receipts:
        fig.receipts += 1
        if r.acknowledged_at is not None and p.published_at is not None:
            fig.acknowledged += 1
            fig.ack_seconds.append((r.acknowledged_at - p.published_at).total_seconds())
    for f in feedback:
        fig.feedback += 1
        if f.answered_at is None:
            fig.open_feedback += 1
        else:
            fig.answer_seconds.append((f.answered_at - f.created_at).total_seconds())


def month_bounds(month: str) -> tuple[date, date]:
    try:
        year, mon = (int(x) for x in month.split("-"))
        first = date(year, mon, 1)
    except (ValueError, TypeError):
        raise invalid("month", "应为 YYYY-MM 格式的月份", "must be a month like 2026-12") from None
    following = date(year + (mon == 12), mon % 12 + 1, 1)
    return first, following - timedelta(days=1)
