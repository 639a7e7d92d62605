"""Computing every scorecard of an evaluation cycle for 5,000 people on SQLite (target < 10 s).

The organisation: 50 departments of 100 people, each with four action items, four meeting attendances, two
publications with a feedback each and an expense claim in the quarter. The person template has seven automatic
indicators (action items on time, publications on time, feedback answered and answer time, meeting attendance,
expense claims approved within 3 days, documents without data-quality exceptions) and one manager-scored
indicator (each person has their manager's assessment); the department template three more. The figure is
``compute.compute_cycle`` for the whole cycle, committed: its seconds and SQL statements, the statements again
for a tenth of the people (the same count: a fixed number per indicator, not per person).

Its floor, measured in the same run: the very statements it sent (captured with their parameters), replayed by
bare ``sqlite3`` on a copy of the database taken before it ran, in one transaction: the database's own share of
the work without any of the Python that scores. Printed side by side with the ratio.
Usage: python bench/performance_cycle.py [--people N]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, select

from yecai.actor import system_actor
from yecai.auth.models import User
from yecai.db import count_statements, make_engine, make_session_factory
from yecai.meetings.models import ActionItem, ActionItemStatus, Attendance, AttendanceStatus, Meeting
from yecai.migrate import ensure_reference_data, upgrade
from yecai.operations.models import DocumentState, ExpenseCategory, ExpenseClaim
from yecai.org.models import Department, DepartmentKind
from yecai.performance import compute, service
from yecai.performance.models import (
    Assessment,
    BandKind,
    CycleKind,
    EvaluationCycle,
    Indicator,
    IndicatorKind,
    Rater,
    Relation,
    Scorecard,
    Subject,
)
from yecai.sharing.models import Feedback, Publication, PublicationState, SharingRule, Timeliness

Q1 = (date(2027, 1, 1), date(2027, 3, 31))
SYSTEM = system_actor("bench")
PERSON = ("ACTION_ITEMS_ON_TIME", "PUBLICATIONS_ON_TIME", "FEEDBACK_ANSWERED", "FEEDBACK_ANSWER_HOURS",
          "MEETING_ATTENDANCE", "CLAIMS_APPROVED_WITHIN_DAYS", "DOCUMENTS_WITHOUT_EXCEPTIONS")
DEPARTMENT = ("DOCUMENTS_POSTED_AUTOMATICALLY", "ACTION_ITEMS_ON_TIME", "PUBLICATIONS_ON_TIME")


def at(day: int, hour: int = 2) -> datetime:
    return datetime(2027, 1, 1, hour, tzinfo=UTC) + timedelta(days=day)


async def build(url: str, people: int) -> int:
    """The organisation and its quarter of records; a cycle in manager assessment, opened. Returns its id."""
    engine = make_engine(url)
    await upgrade(engine)
    sessions = make_session_factory(engine)
    async with sessions() as session:
        await ensure_reference_data(session)
        n_depts = max(1, people // 100)
        await session.execute(insert(Department), [dict(code=f"B{d}", name=f"部门{d}", kind=DepartmentKind.BUSINESS,
                                                        sort_order=d, active=True) for d in range(n_depts)])
        depts = list((await session.execute(select(Department.id).order_by(Department.id))).scalars())
        await session.execute(insert(User), [dict(username=f"bench.{i}", display_name=f"员工{i}", password_hash="x",
                                                  active=True, department_id=depts[i % n_depts])
                                             for i in range(people)])
        users = list((await session.execute(select(User.id, User.department_id).order_by(User.id))).all())
        managers = {}
        for uid, dep in users:
            managers.setdefault(dep, uid)
        await session.execute(insert(Meeting), [dict(title=f"联席会{m}", starts_at=at(m * 4), ends_at=at(m * 4, 3),
                                                     place="", video_link="", confidential=False, state="SCHEDULED",
                                                     organizer_id=users[0][0], created_at=at(0), updated_at=at(0))
                                                for m in range(20)])
        meetings = list((await session.execute(select(Meeting.id).order_by(Meeting.id))).scalars())
        items, attendance, claims = [], [], []
        for i, (uid, dep) in enumerate(users):
            for k in range(4):
                done = (i + k) % 3 != 0
                items.append(dict(meeting_id=meetings[(i + k) % 20], title="待办", owner_id=uid, department_id=dep,
                                  due_on=date(2027, 1, 10) + timedelta(days=k * 20),
                                  status=ActionItemStatus.DONE if done else ActionItemStatus.OPEN,
                                  completed_at=at(k * 20 + 8 + (i % 3)) if done else None, links=[], note="",
                                  created_at=at(0), updated_at=at(0)))
                attendance.append(dict(meeting_id=meetings[(i + k * 5) % 20], user_id=uid, reason="",
                                       status=AttendanceStatus.PRESENT if (i + k) % 4 else AttendanceStatus.ABSENT))
            approved = at(i % 60 + 1 + i % 5)
            claims.append(dict(number=f"EC-B{i}", date=at(i % 60).date(), department_id=dep,
                               state=DocumentState.APPROVED, created_by_id=uid, claimant_id=uid,
                               category=ExpenseCategory.TRAVEL, amount=Decimal("120.00"), description="差旅",
                               approver_id=managers[dep], approved_at=approved, created_at=at(i % 60)))
        await session.execute(insert(ActionItem), items)
        await session.execute(insert(Attendance), attendance)
        await session.execute(insert(ExpenseClaim), claims)
        await session.execute(insert(SharingRule), [dict(
            title=f"日报{uid}", description="", responsible_id=uid, recurrence="FREQ=DAILY", starts_at=at(0),
            working_days=False, deadline_minutes=60, email=False, requires_acknowledgement=True,
            requires_answer=False, active=True, department_id=dep) for uid, dep in users])
        rule_of = dict((await session.execute(select(SharingRule.responsible_id, SharingRule.id))).all())
        await session.execute(insert(Publication), [dict(
            rule_id=rule_of[uid], time_node=at((i + k) % 80), deadline=at((i + k) % 80, 3), state=PublicationState.PUBLISHED,
            timeliness=Timeliness.ON_TIME if (i + k) % 5 else Timeliness.LATE, department_id=dep, responsible_id=uid,
            audience={}, text="", published_at=at((i + k) % 80, 3), created_at=at(0))
            for i, (uid, dep) in enumerate(users) for k in range(2)])
        pubs = list((await session.execute(select(Publication.id).order_by(Publication.id))).scalars())
        await session.execute(insert(Feedback), [dict(
            publication_id=p, author_id=users[(j + 1) % people][0], text="请补充", question=False,
            created_at=at(j % 80, 4), answered_at=at(j % 80, 6 + j % 3) if j % 4 else None,
            answer="已补充" if j % 4 else None) for j, p in enumerate(pubs)])
        codes = {i.code: i for i in (await session.execute(select(Indicator))).scalars()}
        manual = await service.create_indicator(session, actor=SYSTEM, data=service.IndicatorInput(
            code="COLLAB", name="协作配合", kind=IndicatorKind.MANUAL, rater=Rater.MANAGER))
        line = service.TemplateLineInput
        weights = ["15", "15", "10", "10", "15", "10", "10", "15"]
        await service.create_scorecard_template(session, actor=SYSTEM, data=service.TemplateInput(
            name="个人", subject=Subject.PERSON, lines=[
                line(codes[c].id, w, BandKind.LINEAR, target="100", floor="50") if c != "FEEDBACK_ANSWER_HOURS"
                else line(codes[c].id, w, BandKind.STEP, bands=[{"min": "0", "max": "4", "score": "100"},
                                                               {"min": "4", "max": "24", "score": "60"}])
                for c, w in zip(PERSON, weights, strict=False)] + [line(manual.id, weights[-1], BandKind.LINEAR,
                                                                        target="100", floor="0")]))
        await service.create_scorecard_template(session, actor=SYSTEM, data=service.TemplateInput(
            name="部门", subject=Subject.DEPARTMENT, lines=[line(codes[c].id, w, BandKind.THRESHOLD, target="80")
                                                          for c, w in zip(DEPARTMENT, ["40", "30", "30"],
                                                                          strict=True)]))
        cycle = await service.create_evaluation_cycle(session, actor=SYSTEM, data=service.CycleInput(
            name="2027Q1", kind=CycleKind.QUARTERLY, period_start=Q1[0], period_end=Q1[1],
            self_assessment_due=date(2027, 4, 10), manager_assessment_due=date(2027, 4, 20),
            calibration_due=date(2027, 4, 30), forced_distribution={"A": 20, "B": 40, "C": 30, "D": 10}))
        await service.open_evaluation_cycle(session, actor=SYSTEM, cycle_id=cycle.id)
        cards = (await session.execute(select(Scorecard.id, Scorecard.user_id).where(
            Scorecard.subject == Subject.PERSON.value))).all()
        mgr_of = dict(users)
        await session.execute(insert(Assessment), [dict(
            scorecard_id=c, indicator_id=manual.id, assessor_id=managers[mgr_of[u]], relation=Relation.MANAGER,
            score=Decimal(60 + (c % 40)), comment="配合良好", submitted_at=at(95)) for c, u in cards])
        await session.commit()
        cycle_id = cycle.id
    await engine.dispose()
    return cycle_id


async def run(url: str, cycle_id: int) -> tuple[float, int, list[tuple[str, Any, bool]], int]:
    """Compute the cycle's scorecards, committed: seconds, statements, what was sent, scorecards."""
    engine = make_engine(url)
    sent: list[tuple[str, Any, bool]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        sent.append((statement, parameters, executemany))

    sessions = make_session_factory(engine)
    async with sessions() as session:
        await session.execute(select(1))
        event.listen(engine.sync_engine, "before_cursor_execute", capture)
        started = time.perf_counter()
        async with count_statements() as box:
            cycle = await session.get(EvaluationCycle, cycle_id)
            assert cycle is not None
            cards = await compute.compute_cycle(session, cycle)
            await session.commit()
        seconds = time.perf_counter() - started
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    await engine.dispose()
    return seconds, box[0], sent, cards


def replay(path: Path, sent: list[tuple[str, Any, bool]]) -> float:
    """The same statements and parameters by bare sqlite3, one transaction, fetching every row."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    started = time.perf_counter()
    db.execute("BEGIN")
    for statement, parameters, many in sent:
        if statement.strip().upper() in ("BEGIN", "COMMIT"):
            continue
        if many:
            db.executemany(statement, parameters)
        else:
            db.execute(statement, parameters).fetchall()
    db.execute("COMMIT")
    seconds = time.perf_counter() - started
    db.close()
    return seconds


async def measure(people: int) -> tuple[float, int, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        cycle_id = await build(f"sqlite+aiosqlite:///{path}", people)
        shutil.copy(path, Path(tmp) / "floor.sqlite3")
        seconds, statements, sent, cards = await run(f"sqlite+aiosqlite:///{path}", cycle_id)
        floor = replay(Path(tmp) / "floor.sqlite3", sent)
        return seconds, statements, floor, cards


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    args = parser.parse_args()
    small = max(10, args.people // 10)
    s_seconds, s_statements, _, s_cards = await measure(small)
    seconds, statements, floor, cards = await measure(args.people)
    print(f"performance cycle: {args.people:,} people, {cards:,} scorecards (SQLite)")
    print(f"  compute_cycle, committed          {seconds:8.2f} s   floor (same {statements} statements, bare "
          f"sqlite3) {floor:6.2f} s   ratio {seconds / floor:5.1f} x   target < 10 s")
    print(f"  SQL statements                    {statements:8d}     with {small:,} people: {s_statements} "
          f"({s_cards:,} scorecards, {s_seconds:.2f} s)")


if __name__ == "__main__":
    asyncio.run(main())
