"""The meetings API end to end: bad input named by field, confidential minutes, a fixed number of statements,
the minutes PDF read back and the .ics files parsed back."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import httpx
import icalendar
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.dbstate import fingerprint
from tests.factories import make_department, make_user, token_for
from tests.graphql.conftest import SignIn, World, gid
from yecai.actor import system_actor
from yecai.meetings import action_items, service
from yecai.meetings.service import AgendaInput, MeetingInput, SeriesInput
from yecai.settings import Settings

SERIES = """mutation($input: CreateMeetingSeriesInput!) { createMeetingSeries(input: $input) {
  __typename ... on CreateMeetingSeriesSuccess { series { id recurrence icsUrl } }
  ... on CreateMeetingSeriesError { code field message } } }"""
SCHEDULE = """mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) {
  __typename ... on ScheduleMeetingSuccess { meeting { id title minutesPdfUrl icsUrl attendance { status } } }
  ... on ScheduleMeetingError { code field message } } }"""
MEETINGS = """{ meetings(first: 20) { totalCount edges { node { id title series { title } organizer { username }
  agenda { title presenter { username } } attendance { status user { username } } minutes { version content history
  { version author { username } } } decisions { text } actionItems { title owner { username } viewerCan { change } }
  viewerCan { readMinutes recordMinutes } } } } }"""


async def test_an_invalid_recurrence_is_named_and_nothing_is_written(world: World, sign_in: SignIn,
                                                                     gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("finance")
    before = await fingerprint(session)
    data = await gql(SERIES, {"input": {"title": "例会", "recurrence": "FREQ=MONTHLY;BYMONTHDAY=99",
                                        "startsAt": "2027-01-05T09:30:00+08:00"}}, token=token)
    result = data["createMeetingSeries"]
    assert result["__typename"] == "CreateMeetingSeriesError"
    assert (result["code"], result["field"]) == ("INVALID_INPUT", "recurrence")
    assert result["message"].startswith("recurrence：")
    assert await fingerprint(session) == before


async def test_end_before_start_and_unknown_attendees_are_named(world: World, sign_in: SignIn,
                                                               gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("finance")
    before = await fingerprint(session)
    base = {"title": "专题会", "startsAt": "2027-01-05T09:30:00+08:00", "endsAt": "2027-01-05T10:30:00+08:00"}
    for change, field in (({"endsAt": "2027-01-05T09:00:00+08:00"}, "endsAt"),
                          ({"attendeeIds": [gid("User", world.target.id), gid("User", 999999)]}, "attendeeIds[1]"),
                          ({"attendeeIds": [gid("Department", 1)]}, "attendeeIds[0]"),
                          ({"agenda": [{"title": "x", "linkIds": ["not-an-id"]}]}, "agenda[0].linkIds[0]")):
        result = (await gql(SCHEDULE, {"input": base | change}, token=token))["scheduleMeeting"]
        assert (result["__typename"], result["field"]) == ("ScheduleMeetingError", field), result
    assert await fingerprint(session) == before


async def confidential_world(session: AsyncSession, world: World):
    """A confidential meeting whose attendee sits under the sales department; minutes written, one action item."""
    sales = await make_department(session, code="C-SALES", name="销售部")
    east = await make_department(session, code="C-EAST", name="华东组", parent=sales)
    attendee = await make_user(session, roles=("staff",), department=east)
    manager = await make_user(session, roles=("manager",), department=sales)
    other_manager = await make_user(session, roles=("manager",), department=world.ops.department)
    outsider = await make_user(session, roles=("business",), department=sales)
    system = system_actor("test")
    series = await service.create_meeting_series(session, actor=system, data=SeriesInput(
        title="并购专题会", recurrence="FREQ=MONTHLY;BYMONTHDAY=10", confidential=True,
        starts_at=datetime(2027, 1, 10, 1, 0, tzinfo=UTC)))
    meeting = await service.schedule_meeting(session, actor=system, data=MeetingInput(
        series_id=series.id, starts_at=datetime(2027, 1, 10, 1, 0, tzinfo=UTC), attendee_ids=[attendee.id],
        agenda=[AgendaInput("并购预算", attendee.id, 30)]))
    await service.record_minutes(session, actor=system, meeting_id=meeting.id,
                                 content="<h2>并购预算</h2><p>收购华东分销商，预算三千万元。</p>")
    await service.record_decision(session, actor=system, meeting_id=meeting.id, text="启动尽职调查")
    await action_items.create_action_item(session, actor=system, meeting_id=meeting.id, title="尽调清单",
                                          owner_id=attendee.id, due_on=datetime(2027, 1, 31).date())
    meeting_id = meeting.id
    await session.commit()
    tokens = {name: await token_for(session, user, TEST_SECRET) for name, user in (
        ("attendee", attendee), ("manager", manager), ("other_manager", other_manager), ("outsider", outsider))}
    return meeting_id, tokens


async def test_confidential_minutes_only_for_attendees_and_their_managers(world: World, gql: GraphQLClient,
                                                                         client: httpx.AsyncClient,
                                                                         session: AsyncSession) -> None:
    meeting_id, tokens = await confidential_world(session, world)
    query = '{ node(id: "%s") { ... on Meeting { title agenda { title } minutes { content } decisions { text } } } }'
    for who, sees in (("attendee", True), ("manager", True), ("other_manager", False), ("outsider", False)):
        node = (await gql(query % gid("Meeting", meeting_id), token=tokens[who]))["node"]
        assert node["title"] == "并购专题会" and node["agenda"] == [{"title": "并购预算"}]
        assert (node["minutes"] is not None) == sees, who
        assert (node["decisions"] == [{"text": "启动尽职调查"}]) == sees, who
        minutes_id = gid("Minutes", meeting_id)
        minutes = (await gql(f'{{ node(id: "{minutes_id}") {{ id }} }}', token=tokens[who]))["node"]
        assert (minutes is not None) == sees, who
        pdf = await client.get(f"/meetings/{gid('Meeting', meeting_id)}/minutes.pdf",
                               headers={"Authorization": f"Bearer {tokens[who]}"})
        assert pdf.status_code == (200 if sees else 403), who
    assert (await client.get(f"/meetings/{gid('Meeting', meeting_id)}/minutes.pdf")).status_code == 401


async def test_lists_leave_out_a_confidential_meetings_content_outside_its_audience(
        world: World, gql: GraphQLClient, session: AsyncSession) -> None:
    """`actionItems` filters in SQL (``access.action_item_filter``, the connection has no second look), and the
    meetings list empties minutes, decisions and action items for whoever is not of the audience."""
    meeting_id, tokens = await confidential_world(session, world)
    items = """query($m: ID) { all: actionItems(first: 100) { totalCount edges { node { title } } }
      of: actionItems(meetingId: $m) { totalCount edges { node { title } } } }"""
    meetings = """{ meetings(first: 100) { edges { node { id minutes { content } decisions { text }
      actionItems { title } } } } }"""
    for who, sees in (("attendee", True), ("manager", True), ("other_manager", False), ("outsider", False)):
        data = await gql(items, {"m": gid("Meeting", meeting_id)}, token=tokens[who])
        assert data["of"] == ({"totalCount": 1, "edges": [{"node": {"title": "尽调清单"}}]} if sees
                              else {"totalCount": 0, "edges": []}), who
        assert ("尽调清单" in {e["node"]["title"] for e in data["all"]["edges"]}) == sees, who
        nodes = {n["node"]["id"]: n["node"] for n in (await gql(meetings, token=tokens[who]))["meetings"]["edges"]}
        node = nodes[gid("Meeting", meeting_id)]  # the meeting itself is everyone's
        assert (node["minutes"] is not None, node["decisions"] != [], node["actionItems"] != []) == (sees,) * 3, who
        if sees:
            assert node["actionItems"] == [{"title": "尽调清单"}] and node["decisions"] == [{"text": "启动尽职调查"}]


async def test_the_minutes_pdf_reads_back_in_chinese(world: World, gql: GraphQLClient, client: httpx.AsyncClient,
                                                    session: AsyncSession) -> None:
    meeting_id, tokens = await confidential_world(session, world)
    response = await client.get(f"/meetings/{gid('Meeting', meeting_id)}/minutes.pdf",
                                headers={"Authorization": f"Bearer {tokens['attendee']}"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for words in ("并购专题会 会议纪要", "收购华东分销商，预算三千万元。", "启动尽职调查", "出席", "保密"):
        assert words in text, (words, text)


async def test_the_ics_files_parse_back(world: World, sign_in: SignIn, client: httpx.AsyncClient) -> None:
    _, token = await sign_in("staff")
    auth = {"Authorization": f"Bearer {token}"}
    response = await client.get(f"/meetings/{gid('Meeting', world.meetings.meeting.id)}.ics", headers=auth)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    starts_at = world.meetings.meeting.starts_at
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "业财联席会"
    assert event.decoded("DTSTART").astimezone(UTC) == starts_at
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=60)
    assert "回款通报" in str(event["DESCRIPTION"])
    response = await client.get(f"/meeting-series/{gid('MeetingSeries', world.meetings.series.id)}.ics", headers=auth)
    calendar = icalendar.Calendar.from_ical(response.content)
    event = calendar.walk("VEVENT")[0]
    assert event["RRULE"].to_ical() == b"FREQ=MONTHLY;BYMONTHDAY=5"
    assert str(event["DTSTART"].params["TZID"]) == "Asia/Shanghai"
    assert calendar.walk("VTIMEZONE")
    for path in (f"/meeting-series/{gid('Meeting', 1)}.ics", "/meetings/bm90LWFuLWlk.ics",
                 f"/meetings/{gid('Meeting', 999999)}.ics"):
        assert (await client.get(path, headers=auth)).status_code == 404


async def test_a_page_of_meetings_costs_a_fixed_number_of_statements(world: World, sign_in: SignIn,
                                                                     gql: GraphQLClient, session: AsyncSession) -> None:
    _, token = await sign_in("finance")

    async def statements() -> int:
        response = await gql.raw(MEETINGS, token=token)
        assert "errors" not in response.json(), response.json()
        return int(response.headers["X-Yecai-Sql-Statements"])

    few = await statements()
    system = system_actor("test")
    for day in range(6, 12):
        m = await service.schedule_meeting(session, actor=system, data=MeetingInput(
            series_id=world.meetings.series.id, starts_at=datetime(2027, 1, day, 1, 30, tzinfo=UTC),
            attendee_ids=[world.target.id], agenda=[AgendaInput("议题", world.target.id)]))
        await service.record_minutes(session, actor=system, meeting_id=m.id, content="<p>纪要</p>")
    await session.commit()
    assert await statements() == few


async def test_my_overdue_action_items(world: World, gql: GraphQLClient, session: AsyncSession) -> None:
    token = await token_for(session, world.target, TEST_SECRET)
    from yecai.meetings import action_items

    await action_items.create_action_item(session, actor=system_actor("test"), meeting_id=world.meetings.meeting.id,
                                          title="早已到期", owner_id=world.target.id,
                                          due_on=datetime(2020, 1, 1).date())
    await session.commit()
    data = await gql("{ actionItems(mine: true, overdue: true) { totalCount edges { node { title overdue "
                     "viewerCan { change } } } } }", token=token)
    assert data["actionItems"]["totalCount"] == 1
    assert data["actionItems"]["edges"][0]["node"] == {"title": "早已到期", "overdue": True, "viewerCan": {"change": True}}


async def test_linked_minutes_decisions_and_action_items_cost_a_fixed_number_of_statements(
        world: World, sign_in: SignIn, gql: GraphQLClient, session: AsyncSession) -> None:
    """An agenda item's links resolve their nodes together: each meeting and audience is loaded in one batch."""
    _, token = await sign_in("finance")
    system = system_actor("test")
    query = """query($id: ID!) { node(id: $id) { ... on Meeting { agenda { links { id
      ... on Decision { text } ... on Minutes { version } ... on ActionItem { title } } } } } }"""

    async def linking(count: int) -> int:
        linked = []
        for n in range(count):
            m = await service.schedule_meeting(session, actor=system, data=MeetingInput(
                title=f"专题会{count}-{n}", starts_at=datetime(2027, 2, 1 + n, 1, 0, tzinfo=UTC),
                ends_at=datetime(2027, 2, 1 + n, 2, 0, tzinfo=UTC), confidential=n % 2 == 1,
                attendee_ids=[world.target.id]))
            decision = await service.record_decision(session, actor=system, meeting_id=m.id, text=f"决议{n}")
            item = await action_items.create_action_item(session, actor=system, meeting_id=m.id, title=f"事项{n}",
                                                         owner_id=world.target.id, due_on=datetime(2027, 3, 1).date())
            linked += [gid("Decision", decision.id), gid("Minutes", m.id), gid("ActionItem", item.id)]
        host = await service.schedule_meeting(session, actor=system, data=MeetingInput(
            title="汇总会", starts_at=datetime(2027, 3, 1, 1, 0, tzinfo=UTC), ends_at=datetime(2027, 3, 1, 2, 0, tzinfo=UTC),
            agenda=[AgendaInput("回顾", links=linked)]))
        await session.commit()
        response = await gql.raw(query, {"id": gid("Meeting", host.id)}, token=token)
        body = response.json()
        assert "errors" not in body, body
        links = body["data"]["node"]["agenda"][0]["links"]
        assert len(links) == 3 * count
        assert [link is not None for link in links] == [n % 2 == 0 for n in range(count) for _ in range(3)]
        return int(response.headers["X-Yecai-Sql-Statements"])

    assert await linking(1) == await linking(4)


async def test_every_field_handing_out_minutes_decisions_or_action_items_asks_the_audience(
        world: World, sign_in: SignIn, session: AsyncSession, settings: Settings) -> None:
    """``load`` (what fields such as a search result's ``object`` call) checks the meeting's audience, as
    ``node(id:)`` does: an outsider gets nothing of a confidential meeting, an attendee and the owner do."""
    from types import SimpleNamespace

    from yecai.auth.models import User
    from yecai.auth.service import actor_for
    from yecai.graphql.context import Context
    from yecai.graphql.loaders import Loaders
    from yecai.graphql.meetings import types

    system = system_actor("test")
    meeting, item = world.meetings.meeting, world.meetings.action_item
    decision = await service.record_decision(session, actor=system, meeting_id=meeting.id, text="保密决议")
    await service.update_meeting(session, actor=system, meeting_id=meeting.id, confidential=True)
    await session.commit()
    outsider, _ = await sign_in("business")
    owner = await session.get_one(User, item.owner_id)

    async def loaded(user: User) -> tuple[bool, bool, bool]:
        actor = await actor_for(session, user)
        info = SimpleNamespace(context=Context(request=None, session=session, actor=actor, settings=settings,
                                               loaders=Loaders(session)))
        return (await types.Minutes.load(info, meeting.id) is not None,
                await types.Decision.load(info, decision.id) is not None,
                await types.ActionItem.load(info, item.id) is not None)

    assert await loaded(outsider) == (False, False, False)
    assert await loaded(world.target) == (True, True, True)  # an attendee
    assert await loaded(owner) == (False, False, True)  # the action item's owner, not of the audience


async def test_download_names_quote_every_reserved_character(world: World, sign_in: SignIn, client: httpx.AsyncClient,
                                                              session: AsyncSession) -> None:
    """The downloads name their files as attachments do (http.attachments.content_disposition): '/' is quoted."""
    from urllib.parse import quote

    meeting = world.meetings.meeting
    await service.update_meeting(session, actor=system_actor("test"), meeting_id=meeting.id, title="回款/结账 例会")
    await session.commit()
    _, token = await sign_in("staff")
    response = await client.get(f"/meetings/{gid('Meeting', meeting.id)}.ics",
                                headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    day = meeting.starts_at.astimezone(UTC) + timedelta(hours=8)
    assert response.headers["content-disposition"] == (
        f"attachment; filename=\"meeting-{meeting.id}.ics\"; "
        f"filename*=UTF-8''{quote(f'回款/结账 例会-{day:%Y%m%d}.ics', safe='')}")
    assert "%2F" in response.headers["content-disposition"]
