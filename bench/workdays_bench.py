"""Benchmark: the work calendar's calls beside the plain-Python floor each one stands on.

Migrates a fresh SQLite database (which seeds every year of the chinesecalendar package), loads the work
calendar, then times, alternately over R rounds (median per call):

- ``load_work_calendar(session)`` beside the bare ``SELECT day, kind, name`` it runs, on the same session;
- ``is_working_day(d)`` for every day of 2004–2030 beside ``d.weekday() < 5`` on the same days;
- ``add_working_days(d, 20)`` from every day of 2026 beside stepping the same number of days with
  ``weekday() < 5`` alone;
- ``recurrence.next_occurrence`` of ``FREQ=DAILY;X-YECAI-DAYS=WORKING`` (parse and expand) beside dateutil's
  plain ``FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR`` (parse and ``after``) from the same moments.

Prints each figure beside its floor and the ratio. Figures vary with the machine; nothing is asserted.

    .venv/bin/python bench/workdays_bench.py [--rounds R]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from sqlalchemy import text

from yecai.db import make_engine, make_session_factory
from yecai.migrate import upgrade
from yecai.workdays import recurrence
from yecai.workdays.calendar import WorkCalendar, load_work_calendar

SH = ZoneInfo("Asia/Shanghai")


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def per_call(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) / calls


def row(name: str, figures: list[float], floors: list[float], unit: str = "µs") -> None:
    scale = 1e6 if unit == "µs" else 1e3
    figure, floor = statistics.median(figures) * scale, statistics.median(floors) * scale
    print(f"| {name} | {figure:.3f} {unit} | {floor:.3f} {unit} | {figure / floor:.1f}x |")


async def main(rounds: int) -> None:
    path = Path(tempfile.mkdtemp(prefix="yecai-bench-wd-")) / "bench.sqlite3"
    engine = make_engine(f"sqlite+aiosqlite:///{path}")
    started = time.perf_counter()
    await upgrade(engine)
    print(f"migrated and seeded in {time.perf_counter() - started:.2f} s")
    sessions = make_session_factory(engine)
    loads, selects = [], []
    async with sessions() as session:
        for _ in range(rounds):
            t = time.perf_counter()
            cal: WorkCalendar = await load_work_calendar(session)
            loads.append(time.perf_counter() - t)
            t = time.perf_counter()
            (await session.execute(text("SELECT day, kind, name FROM work_calendar_day WHERE kind != 'ORDINARY'"))).all()
            selects.append(time.perf_counter() - t)
    await engine.dispose()
    print(f"{len(cal.marked)} marked days, covered years {min(cal.covered_years)}–{max(cal.covered_years)}\n")

    every_day = days_between(date(2004, 1, 1), date(2030, 12, 31))
    year_2026 = days_between(date(2026, 1, 1), date(2026, 12, 31))
    steps = {d: (cal.add_working_days(d, 20) - d).days for d in year_2026}

    one = timedelta(days=1)

    def plain_steps() -> None:
        for d in year_2026:
            day = d
            for _ in range(steps[d]):
                day += one
                _ = day.weekday() < 5

    moments = [datetime(2026, 1, 1, 10, tzinfo=SH) + timedelta(hours=37 * i) for i in range(200)]
    start = datetime(2026, 1, 1, 10, tzinfo=SH)

    def working_rule() -> None:
        for m in moments:
            recurrence.next_occurrence("FREQ=DAILY;X-YECAI-DAYS=WORKING", start, calendar=cal, after=m)

    def plain_rule() -> None:
        for m in moments:
            rrulestr("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", dtstart=start.replace(tzinfo=None)).after(
                m.astimezone(SH).replace(tzinfo=None), inc=True)

    figures: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in ("is", "add", "rule")}
    for _ in range(rounds):
        figures["is"][0].append(per_call(lambda: [cal.is_working_day(d) for d in every_day], len(every_day)))
        figures["is"][1].append(per_call(lambda: [d.weekday() < 5 for d in every_day], len(every_day)))
        figures["add"][0].append(per_call(lambda: [cal.add_working_days(d, 20) for d in year_2026], len(year_2026)))
        figures["add"][1].append(per_call(plain_steps, len(year_2026)))
        figures["rule"][0].append(per_call(working_rule, len(moments)))
        figures["rule"][1].append(per_call(plain_rule, len(moments)))

    print(f"| call (median of {rounds} rounds) | figure | floor | ratio |")
    print("| --- | --- | --- | --- |")
    row("load_work_calendar vs its bare SELECT", loads, selects, unit="ms")
    row("is_working_day vs weekday() < 5", *figures["is"])
    row("add_working_days(d, 20) vs stepping the same days", *figures["add"])
    row("next_occurrence, every working day vs plain weekday RRULE", *figures["rule"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    asyncio.run(main(parser.parse_args().rounds))
