"""The work calendar's API: any signed-in user reads a year, admins mark and clear days and re-seed a year."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import GraphQLClient
from tests.dbstate import fingerprint
from tests.graphql.conftest import SignIn
from tests.graphql.helpers import expect_error, mutation
from yecai.audit.models import AuditEvent

YEAR = """query($year: Int!) { workCalendar(year: $year) { year covered builtIn workingDayCount
  days { date kind name source } viewerCan { manage } } }"""
MARK = mutation("markWorkCalendarDay", "MarkWorkCalendarDayInput", "day { date kind name source }")
UNMARK = mutation("unmarkWorkCalendarDay", "UnmarkWorkCalendarDayInput", "date day { date kind source }")
RESEED = mutation("reseedWorkCalendarYear", "ReseedWorkCalendarYearInput",
                  "created updated removed keptEdits calendar { year workingDayCount }")


def day(data: dict, iso: str) -> dict | None:
    return next((d for d in data["workCalendar"]["days"] if d["date"] == iso), None)


async def test_any_signed_in_user_reads_a_year(sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("staff")
    data = await gql(YEAR, {"year": 2026}, token=token)
    year = data["workCalendar"]
    assert (year["year"], year["covered"], year["builtIn"], year["viewerCan"]) == (2026, True, True, {"manage": False})
    assert day(data, "2026-10-01") == {"date": "2026-10-01", "kind": "HOLIDAY", "name": "国庆节", "source": "SEEDED"}
    assert day(data, "2026-10-10") == {"date": "2026-10-10", "kind": "WORKDAY", "name": "国庆节", "source": "SEEDED"}
    assert year["workingDayCount"] == 248  # 2026: 261 weekdays, 19 holidays on them, 6 make-up weekend days
    later = (await gql(YEAR, {"year": 2028}, token=token))["workCalendar"]
    assert (later["covered"], later["builtIn"], later["days"], later["workingDayCount"]) == (False, False, [], 260)


async def test_the_anonymous_cannot_read(gql: GraphQLClient) -> None:
    body = await gql(YEAR, {"year": 2026}, errors=True)
    assert body["data"] == {"workCalendar": None}
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_bad_year_is_named(sign_in: SignIn, gql: GraphQLClient) -> None:
    _, token = await sign_in("staff")
    body = await gql(YEAR, {"year": 20026}, token=token, errors=True)
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT", "field": "year"}


async def test_an_admin_marks_clears_and_re_seeds(sign_in: SignIn, gql: GraphQLClient,
                                                  session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    marked = (await gql(MARK, {"input": {"date": "2026-10-09", "kind": "HOLIDAY", "name": "公司周年庆"}},
                        token=token))["markWorkCalendarDay"]
    assert marked["day"] == {"date": "2026-10-09", "kind": "HOLIDAY", "name": "公司周年庆", "source": "EDITED"}
    cleared = (await gql(UNMARK, {"input": {"date": "2026-10-10"}}, token=token))["unmarkWorkCalendarDay"]
    assert cleared == {"__typename": "UnmarkWorkCalendarDaySuccess", "date": "2026-10-10",
                       "day": {"date": "2026-10-10", "kind": "ORDINARY", "source": "EDITED"}}
    data = await gql(YEAR, {"year": 2026}, token=token)
    assert data["workCalendar"]["workingDayCount"] == 246
    assert data["workCalendar"]["viewerCan"] == {"manage": True}
    kept = (await gql(RESEED, {"input": {"year": 2026}}, token=token))["reseedWorkCalendarYear"]
    assert (kept["keptEdits"], kept["calendar"]["workingDayCount"]) == (2, 246)
    reset = (await gql(RESEED, {"input": {"year": 2026, "discardEdits": True}}, token=token))["reseedWorkCalendarYear"]
    assert (reset["updated"], reset["removed"], reset["calendar"]["workingDayCount"]) == (1, 1, 248)
    actions = (await session.execute(select(AuditEvent.action).where(AuditEvent.action.like("work_calendar%"))
                                     .order_by(AuditEvent.seq))).scalars().all()
    assert actions[-4:] == ["work_calendar_day.mark", "work_calendar_day.unmark", "work_calendar.reseed",
                            "work_calendar.reseed"]


async def test_bad_input_is_named_and_changes_nothing(sign_in: SignIn, gql: GraphQLClient,
                                                      session: AsyncSession) -> None:
    _, token = await sign_in("admin")
    cases = [
        (MARK, {"date": "2026-10-09", "kind": "WORKDAY", "name": "调休"}, "INVALID_INPUT", "kind"),
        (MARK, {"date": "2026-10-09", "kind": "HOLIDAY", "name": "  "}, "INVALID_INPUT", "name"),
        (MARK, {"date": "2026-10-09", "kind": "ORDINARY", "name": "x"}, "INVALID_INPUT", "kind"),
        (MARK, {"date": "2301-01-01", "kind": "HOLIDAY", "name": "元旦"}, "INVALID_INPUT", "date"),
        (UNMARK, {"date": "2026-10-09"}, "NOT_MARKED", "date"),
        (RESEED, {"year": 2030}, "INVALID_INPUT", "year"),
    ]
    for document, variables, code, field in cases:
        name = document.split("{", 2)[1].split("(")[0].strip()
        await expect_error(gql, session, document, name, {"input": variables}, token, code, field)


async def test_others_are_denied_and_nothing_changes(sign_in: SignIn, gql: GraphQLClient,
                                                     session: AsyncSession) -> None:
    for role in ("finance", "manager", "staff"):
        _, token = await sign_in(role)
        before = await fingerprint(session)
        for document, name, variables in (
                (MARK, "markWorkCalendarDay", {"date": "2026-10-09", "kind": "HOLIDAY", "name": "公司假日"}),
                (UNMARK, "unmarkWorkCalendarDay", {"date": "2026-10-10"}),
                (RESEED, "reseedWorkCalendarYear", {"year": 2026, "discardEdits": True})):
            result = (await gql(document, {"input": variables}, token=token))[name]
            assert (result["code"], result["field"]) == ("PERMISSION_DENIED", None), result
            assert result["message"] == "没有执行此操作的权限"
        assert await fingerprint(session) == before
