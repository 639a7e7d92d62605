"""The built-in calendar: China's public holidays and make-up working days as the chinesecalendar package
(https://pypi.org/project/chinesecalendar/) keeps them from the State Council's yearly notices."""

from __future__ import annotations

from datetime import date
from functools import cache

import chinese_calendar
from chinese_calendar.constants import Holiday

from yecai.workdays.models import DayKind

# The package's Chinese names are short (清明, 端午); days are shown with the names people use.
_NAMES = {
    Holiday.new_years_day: "元旦",
    Holiday.spring_festival: "春节",
    Holiday.tomb_sweeping_day: "清明节",
    Holiday.labour_day: "劳动节",
    Holiday.dragon_boat_festival: "端午节",
    Holiday.national_day: "国庆节",
    Holiday.mid_autumn_festival: "中秋节",
}


def _name(english: str) -> str:
    holiday = Holiday(english)
    return _NAMES.get(holiday, holiday.chinese)


@cache
def package_days() -> dict[date, tuple[DayKind, str]]:
    """Every day the package marks: holidays (weekends inside a holiday too) and make-up working days."""
    days = {d: (DayKind.HOLIDAY, _name(name)) for d, name in chinese_calendar.holidays.items()}
    days.update({d: (DayKind.WORKDAY, _name(name)) for d, name in chinese_calendar.workdays.items()})
    return days


@cache
def package_years() -> tuple[int, ...]:
    """The years the package covers (each with its holidays), in order."""
    return tuple(sorted({d.year for d, (kind, _) in package_days().items() if kind is DayKind.HOLIDAY}))
