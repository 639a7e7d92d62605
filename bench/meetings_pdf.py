"""Benchmark: the minutes PDF of a 20-page minutes document, beside bare WeasyPrint on the same HTML.

Builds a meeting in a fresh SQLite database (migrated by Alembic) with attendees, an agenda, decisions,
action items and minutes long enough for about 20 A4 pages, then times, alternately, R runs of:

- ``exports.minutes_pdf``: what ``GET /meetings/{id}/minutes.pdf`` does — the policy, loading the
  meeting, its audience, attendance, agenda, decisions, action items and amendments, building the print
  HTML and rendering it;
- bare ``weasyprint.HTML(string=html).write_pdf()`` on the very HTML the first produced.

Prints the median of each, the pages, and the ratio (target at most 1.1x). Figures vary with the machine.

    .venv/bin/python bench/meetings_pdf.py [--runs R] [--paragraphs P]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader
from weasyprint import HTML

from yecai.actor import system_actor
from yecai.auth.models import User
from yecai.db import make_engine, make_session_factory
from yecai.meetings import action_items, exports, service
from yecai.meetings.models import AttendanceStatus
from yecai.migrate import upgrade
from yecai.org.models import Department, DepartmentKind

PARAGRAPH = ("<p>财务部通报本月应收账款账龄情况：超过九十天的应收款占比较上月上升，华东区域尤为明显。销售部说明主要客户"
             "的回款计划与信用额度调整，双方就发货前信用审核、月末结账时间节点和费用报销时效达成一致意见。</p>")


async def build(url: str, paragraphs: int) -> int:
    engine = make_engine(url)
    await upgrade(engine)
    sessions = make_session_factory(engine)
    system = system_actor("bench")
    async with sessions() as session:
        department = Department(code="BENCH", name="财务部", kind=DepartmentKind.FINANCE)
        session.add(department)
        await session.flush()
        users = [User(username=f"bench{i}", display_name=f"参会人{i}", department_id=department.id) for i in range(12)]
        session.add_all(users)
        await session.flush()
        start = datetime(2027, 1, 7, 1, 30, tzinfo=UTC)
        meeting = await service.schedule_meeting(session, actor=system, data=service.MeetingInput(
            title="业财联席会", starts_at=start, ends_at=start + timedelta(hours=2), place="第一会议室",
            attendee_ids=[u.id for u in users],
            agenda=[service.AgendaInput(f"议题 {i}：应收账款与库存", users[i].id, 20) for i in range(6)]))
        await service.record_attendance(session, actor=system, meeting_id=meeting.id, entries=[
            service.AttendanceInput(u.id, AttendanceStatus.PRESENT) for u in users])
        sections = "".join(f"<h2>{i + 1}. 议题讨论</h2>" + PARAGRAPH * 5 for i in range(paragraphs // 5))
        await service.record_minutes(session, actor=system, meeting_id=meeting.id, content=sections)
        for i in range(8):
            await service.record_decision(session, actor=system, meeting_id=meeting.id, text=f"决议 {i + 1}：按期回款")
            await action_items.create_action_item(session, actor=system, meeting_id=meeting.id, title=f"待办 {i + 1}",
                                                  owner_id=users[i].id, due_on=date(2027, 2, 1))
        await session.commit()
        meeting_id = meeting.id
    await engine.dispose()
    return meeting_id


async def ours(url: str, meeting_id: int) -> tuple[float, bytes, str]:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    async with sessions() as session:
        started = time.perf_counter()
        document = await exports.minutes_document(session, actor=system_actor("bench"), meeting_id=meeting_id)
        pdf = exports.pdf_of(document.html)
        elapsed = time.perf_counter() - started
        await session.rollback()
    await engine.dispose()
    return elapsed, pdf, document.html


def bare(html: str) -> float:
    started = time.perf_counter()
    HTML(string=html).write_pdf()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--paragraphs", type=int, default=200, help="paragraphs of minutes (200: about 20 pages)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yecai-bench-pdf-") as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
        meeting_id = asyncio.run(build(url, args.paragraphs))
        _, pdf, html = asyncio.run(ours(url, meeting_id))  # warm-up: fonts, pango, imports
        bare(html)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        ours_times, bare_times = [], []
        for _ in range(args.runs):
            ours_times.append(asyncio.run(ours(url, meeting_id))[0])
            bare_times.append(bare(html))
    o, b = statistics.median(ours_times), statistics.median(bare_times)
    print(f"minutes PDF: {pages} pages, {len(pdf) / 1024:.0f} KiB, {args.runs} runs each (median)")
    print(f"  exports.minutes_pdf (load + HTML + render): {o * 1000:8.1f} ms")
    print(f"  bare WeasyPrint on the same HTML:           {b * 1000:8.1f} ms")
    print(f"  ratio: {o / b:.3f}x (target <= 1.1x)")


if __name__ == "__main__":
    main()
