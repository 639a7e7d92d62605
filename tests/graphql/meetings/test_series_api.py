"""Meeting series on the work calendar through the API: a working-day series and its occurrences, editing a series
(updateMeetingSeries) with its audit event, its meetings kept and its search documents written again; who may edit
(a confidential series only its audience's organisers), bad input named by field; nothing changes when refused."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.dbstate import fingerprint
from tests.factories import actor_of, make_department, make_user, token_for
from tests.graphql.conftest import SignIn, World, gid
from yecai.actor import system_actor
from yecai.audit.models import AuditEvent
from yecai.meetings import service
from yecai.meetings.models import Meeting
from yecai.meetings.service import MeetingInput, SeriesInput
from yecai.search.models import SearchOutbox

FIFTH = "FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING"
CREATE = """mutation($input: CreateMeetingSeriesInput!) { createMeetingSeries(input: $input) {
  __typename ... on CreateMeetingSeriesSuccess { series { id recurrence viewerCan { edit }
    occurrences(from: "2026-09-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00")
    uncoveredYears(from: "2026-09-01T00:00:00+08:00", to: "2028-03-01T00:00:00+08:00") } }
  ... on CreateMeetingSeriesError { code field message } } }"""
UPDATE = """mutation($input: UpdateMeetingSeriesInput!) { updateMeetingSeries(input: $input) {
  __typename ... on UpdateMeetingSeriesSuccess { series { id title focus recurrence confidential readerRoles
    defaultRoles defaultDepartments { id } occurrences(from: "2026-09-01T00:00:00+08:00", to: "2026-12-01T00:00:00+08:00")
    meetings(first: 10) { edges { node { startsAt confidential } } } } }
  ... on UpdateMeetingSeriesError { code field message } } }"""
EDIT = """query($id: ID!) { node(id: $id) { ... on MeetingSeries { viewerCan { edit schedule } } } }"""


def form(**changes: object) -> dict:
    value = {"title": "月度业财例会", "recurrence": FIFTH, "startsAt": "2026-09-01T09:30:00+08:00",
             "durationMinutes": 60, "focus": "回款与库存"}
    value.update(changes)
    return value


def shanghai_days(moments: list[str]) -> list[str]:
    return [datetime.fromisoformat(m).astimezone(UTC).isoformat() for m in moments]


async def test_a_working_day_series_meets_after_the_holiday(world: World, sign_in: SignIn,
                                                             gql: GraphQLClient) -> None:
    _, token = await sign_in("finance")
    result = (await gql(CREATE, {"input": form()}, token=token))["createMeetingSeries"]
    assert result["__typename"] == "CreateMeetingSeriesSuccess", result
    series = result["series"]
    assert series["recurrence"] == FIFTH and series["viewerCan"] == {"edit": True}
    # 09:30 Shanghai (01:30 UTC) on the 5th working day: 13 October, after National Day and a make-up Saturday.
    assert shanghai_days(series["occurrences"]) == [
        "2026-09-07T01:30:00+00:00", "2026-10-13T01:30:00+00:00", "2026-11-06T01:30:00+00:00",
        "2026-12-07T01:30:00+00:00"]
    # The calendar knows 2026's holidays (the package's last year); 2027 and 2028 assume the plain week.
    assert series["uncoveredYears"] == [2027, 2028]
    plain = (await gql(CREATE, {"input": form(recurrence="FREQ=WEEKLY;BYDAY=MO")}, token=token))["createMeetingSeries"]
    assert plain["series"]["uncoveredYears"] == []


async def test_bad_working_day_rules_are_named(world: World, sign_in: SignIn, gql: GraphQLClient,
                                               session: AsyncSession) -> None:
    _, token = await sign_in("finance")
    before = await fingerprint(session)
    for rule in ("FREQ=MONTHLY;BYSETPOS=30;X-YECAI-DAYS=WORKING", "FREQ=DAILY;X-YECAI-DAYS=HOLIDAY",
                 "FREQ=MONTHLY;BYSETPOS=x;X-YECAI-DAYS=WORKING"):
        result = (await gql(CREATE, {"input": form(recurrence=rule)}, token=token))["createMeetingSeries"]
        assert (result["__typename"], result["code"], result["field"]) == (
            "CreateMeetingSeriesError", "INVALID_INPUT", "recurrence"), result
        assert result["message"].startswith("recurrence：")
    assert await fingerprint(session) == before


async def _series(session: AsyncSession, world: World, **kw: object):
    system = system_actor("test")
    data: dict = dict(title="月度业财例会", recurrence="FREQ=MONTHLY;BYMONTHDAY=5",
                      starts_at=datetime(2026, 9, 5, 1, 30, tzinfo=UTC), department_id=world.ops.department.id)
    data.update(kw)
    series = await service.create_meeting_series(session, actor=system, data=SeriesInput(**data))
    meeting = await service.schedule_meeting(session, actor=system, data=MeetingInput(
        series_id=series.id, starts_at=datetime(2026, 12, 5, 1, 30, tzinfo=UTC)))
    await session.flush()
    return series, meeting


async def test_editing_a_series_keeps_its_meetings_audits_and_reindexes(world: World, sign_in: SignIn,
                                                                        gql: GraphQLClient,
                                                                        session: AsyncSession) -> None:
    series, meeting = await _series(session, world)
    _, token = await sign_in("finance")
    outbox = len((await session.execute(select(SearchOutbox.id))).all())
    changes = form(title="月度业财例会（新）", focus="应收账款", recurrence=FIFTH,
                   defaultDepartmentIds=[gid("Department", world.ops.department.id)], defaultRoles=["staff"])
    result = (await gql(UPDATE, {"input": {"id": gid("MeetingSeries", series.id), **changes}},
                        token=token))["updateMeetingSeries"]
    assert result["__typename"] == "UpdateMeetingSeriesSuccess", result
    got = result["series"]
    assert (got["title"], got["focus"], got["recurrence"], got["defaultRoles"]) == (
        "月度业财例会（新）", "应收账款", FIFTH, ["staff"])
    assert got["defaultDepartments"] == [{"id": gid("Department", world.ops.department.id)}]
    assert shanghai_days(got["occurrences"]) == ["2026-09-07T01:30:00+00:00", "2026-10-13T01:30:00+00:00",
                                                 "2026-11-06T01:30:00+00:00"]
    # The meeting already scheduled on the 5th of December keeps its time.
    assert got["meetings"]["edges"] == [{"node": {"startsAt": "2026-12-05T01:30:00+00:00", "confidential": False}}]
    event = (await session.execute(select(AuditEvent).where(AuditEvent.action == "meeting_series.update"))).scalar_one()
    assert event.subject_id == str(series.id)
    assert (event.before["title"], event.after["title"]) == ("月度业财例会", "月度业财例会（新）")
    assert (event.before["recurrence"], event.after["recurrence"]) == ("FREQ=MONTHLY;BYMONTHDAY=5", FIFTH)
    # The series' meetings show its title in search: they are written again.
    queued = (await session.execute(select(SearchOutbox.kind, SearchOutbox.object_id, SearchOutbox.op)
                                    .order_by(SearchOutbox.id).offset(outbox))).all()
    assert ("meeting", series.id, "via0") in queued
    assert meeting.series_id == series.id


async def test_making_a_series_confidential_makes_its_scheduled_meetings_confidential(
        world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    series, meeting = await _series(session, world)
    _, token = await sign_in("finance")
    result = (await gql(UPDATE, {"input": {"id": gid("MeetingSeries", series.id),
                                           **form(confidential=True, readerRoles=["auditor"])}},
                        token=token))["updateMeetingSeries"]
    assert result["__typename"] == "UpdateMeetingSeriesSuccess", result
    assert (result["series"]["confidential"], result["series"]["readerRoles"]) == (True, ["auditor"])
    assert result["series"]["meetings"]["edges"][0]["node"]["confidential"] is True
    await session.refresh(meeting)
    assert meeting.confidential is True


async def test_bad_input_is_named_and_nothing_changes(world: World, sign_in: SignIn, gql: GraphQLClient,
                                                      session: AsyncSession) -> None:
    series, _ = await _series(session, world)
    _, token = await sign_in("finance")
    before = await fingerprint(session)
    for change, field in (({"recurrence": "FREQ=MONTHLY;BYSETPOS=0;X-YECAI-DAYS=WORKING"}, "recurrence"),
                          ({"recurrence": ""}, "recurrence"),
                          ({"title": "  "}, "title"),
                          ({"startsAt": "2026-09-01T09:30:00"}, "startsAt"),
                          ({"readerRoles": ["auditor"]}, "readerRoles"),
                          ({"defaultRoles": ["no-such-role"]}, "defaultRoles[0]"),
                          ({"defaultDepartmentIds": [gid("User", 1)]}, "defaultDepartmentIds[0]"),
                          ({"videoLink": "ftp://x"}, "videoLink")):
        result = (await gql(UPDATE, {"input": {"id": gid("MeetingSeries", series.id), **form(**change)}},
                            token=token))["updateMeetingSeries"]
        assert (result["__typename"], result["field"]) == ("UpdateMeetingSeriesError", field), (change, result)
    result = (await gql(UPDATE, {"input": {"id": gid("MeetingSeries", 999999), **form()}},
                        token=token))["updateMeetingSeries"]
    assert (result["__typename"], result["code"]) == ("UpdateMeetingSeriesError", "NOT_FOUND")
    assert await fingerprint(session) == before


async def test_who_may_edit_a_confidential_series(world: World, gql: GraphQLClient, session: AsyncSession) -> None:
    finance = await make_department(session, code="S-FIN", name="财务部")
    team = await make_department(session, code="S-TEAM", name="资金组", parent=finance)
    organiser = await make_user(session, roles=("finance",), department=team)
    manager = await make_user(session, roles=("manager",), department=finance)  # above the series' department
    other_manager = await make_user(session, roles=("manager",), department=world.ops.department)
    other_organiser = await make_user(session, roles=("finance",), department=world.ops.department)
    reader = await make_user(session, roles=("business",), department=world.ops.department)
    staff = await make_user(session, roles=("staff",), department=team)
    series = await service.create_meeting_series(session, actor=await actor_of(session, organiser), data=SeriesInput(
        title="并购专题例会", recurrence=FIFTH, starts_at=datetime(2026, 9, 1, 1, 30, tzinfo=UTC), confidential=True,
        reader_roles=["business"]))
    await session.flush()
    sid = gid("MeetingSeries", series.id)
    for user, allowed in ((other_manager, False), (other_organiser, False), (staff, False), (organiser, True),
                          (manager, True), (reader, True)):
        token = await token_for(session, user, TEST_SECRET)
        assert (await gql(EDIT, {"id": sid}, token=token))["node"]["viewerCan"]["edit"] is allowed
        before = await fingerprint(session)
        # Someone outside the audience must not name their own role a reader role, nor make the series public.
        result = (await gql(UPDATE, {"input": {"id": sid, **form(title="并购专题例会", confidential=False)}},
                            token=token))["updateMeetingSeries"]
        if allowed:
            assert result["__typename"] == "UpdateMeetingSeriesSuccess", (user.username, result)
            # Back as it was, for the next one.
            await service.update_meeting_series(session, actor=system_actor("test"), series_id=series.id,
                                                data=SeriesInput(title="并购专题例会", recurrence=FIFTH,
                                                                 starts_at=series.starts_at, confidential=True,
                                                                 reader_roles=["business"]))
            await session.flush()
        else:
            assert (result["__typename"], result["code"]) == ("UpdateMeetingSeriesError", "PERMISSION_DENIED"), result
            assert result["message"]
            assert await fingerprint(session) == before
    refreshed = (await session.execute(select(Meeting).where(Meeting.series_id == series.id))).scalars().all()
    assert refreshed == []
