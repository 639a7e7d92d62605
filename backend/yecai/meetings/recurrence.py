"""Recurrences of meeting series: the work calendar's RRULEs (``yecai.workdays.recurrence``), one definition for
every recurrence of the portal.

Occurrences are expanded in Asia/Shanghai wall-clock time (a monthly 09:30 meeting stays at 09:30) and stored in
UTC. A plain RRULE keeps its RFC 5545 meaning (``BYDAY=MO,TU,WE,TH,FR;BYSETPOS=5`` is the 5th weekday of a month,
holidays or not); with ``X-YECAI-DAYS=WORKING`` the rule counts working days of the work calendar: public holidays
are skipped and make-up working days (调休) count (``FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING`` is the 5th
working day of each month, ``FREQ=DAILY;X-YECAI-DAYS=WORKING`` every working day). Such a rule needs the calendar:
``await calendar_for(session, rule)`` loads it (one SELECT) only when the rule counts working days.
"""

from __future__ import annotations

from yecai.workdays.recurrence import (
    FIELD,
    MAX_LENGTH,
    SHANGHAI,
    Recurrence,
    calendar_for,
    local,
    next_occurrence,
    normalize,
    occurrences,
    parse,
    uses_working_days,
    utc,
)

__all__ = ["FIELD", "MAX_LENGTH", "SHANGHAI", "Recurrence", "calendar_for", "local", "next_occurrence", "normalize",
           "occurrences", "parse", "utc", "uses_working_days"]
