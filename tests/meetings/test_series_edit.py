"""Editing a series through the service: its meetings keep their time, the audit trail has the change, and the
search index (a real embedded engine, fed from the outbox) finds its meetings by the new title; refused edits
change nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.dbstate import fingerprint
from tests.meetings.conftest import START, Org
from yecai.audit.models import AuditEvent
from yecai.errors import DomainError
from yecai.meetings import service
from yecai.meetings.service import MeetingInput, SeriesInput
from yecai.search.engine import SearchRequest
from yecai.search.engines.embedded import EmbeddedEngine
from yecai.search.worker import apply_outbox

FIFTH = "FREQ=MONTHLY;BYSETPOS=5;X-YECAI-DAYS=WORKING"


def form(org: Org, **kw: object) -> SeriesInput:
    data: dict = dict(title="成本分析例会", recurrence="FREQ=MONTHLY;BYMONTHDAY=7", starts_at=START,
                      default_department_ids=[org.east.id], department_id=org.finance.id)
    data.update(kw)
    return SeriesInput(**data)


async def test_a_renamed_series_keeps_its_meetings_and_is_found_by_its_new_title(session: AsyncSession, org: Org,
                                                                                 tmp_path: Path) -> None:
    organiser = await org.actor(session, org.organiser)
    series = await service.create_meeting_series(session, actor=organiser, data=form(org))
    meeting = await service.schedule_meeting(session, actor=organiser, data=MeetingInput(
        series_id=series.id, title="一月成本会", starts_at=START, ends_at=START + timedelta(hours=1)))
    engine = EmbeddedEngine(tmp_path / "idx")
    await apply_outbox(session, engine, limit=10_000)

    # Another organiser (meetings.manage) edits it: the new rule counts working days.
    editor = await org.actor(session, org.chair)
    await service.update_meeting_series(session, actor=editor, series_id=series.id,
                                        data=form(org, title="毛利率分析例会", recurrence=FIFTH))
    assert (series.title, series.recurrence, series.organizer_id) == ("毛利率分析例会", FIFTH, org.organiser.id)
    await session.refresh(meeting)
    assert (meeting.starts_at, meeting.title) == (START, "一月成本会")
    event = (await session.execute(select(AuditEvent).where(AuditEvent.action == "meeting_series.update"))).scalar_one()
    assert (event.actor_username, event.before["title"], event.after["title"]) == (
        "m.chair", "成本分析例会", "毛利率分析例会")

    await apply_outbox(session, engine, limit=10_000)
    page = await engine.search(SearchRequest(text="毛利率分析例会", access=frozenset({"mtg:read"}), kinds=("meeting",)))
    assert ["".join(f.text for f in h.title) for h in page.hits] == ["一月成本会"]
    await engine.close()


async def test_an_unchanged_save_writes_no_audit_event(session: AsyncSession, org: Org) -> None:
    organiser = await org.actor(session, org.organiser)
    series = await service.create_meeting_series(session, actor=organiser, data=form(org))
    before = await fingerprint(session)
    await service.update_meeting_series(session, actor=organiser, series_id=series.id, data=form(org))
    after = await fingerprint(session)
    assert after["audit_event"] == before["audit_event"]


@pytest.mark.parametrize("who", ["attendee", "auditor"])
async def test_those_who_may_not_set_up_a_series_may_not_edit_one(session: AsyncSession, org: Org, who: str) -> None:
    series = await service.create_meeting_series(session, actor=await org.actor(session, org.organiser),
                                                 data=form(org))
    before = await fingerprint(session)
    with pytest.raises(DomainError) as caught:
        await service.update_meeting_series(session, actor=await org.actor(session, getattr(org, who)),
                                            series_id=series.id, data=form(org, title="改名"))
    assert caught.value.code == "PERMISSION_DENIED"
    assert await fingerprint(session) == before


async def test_a_confidential_series_is_edited_only_by_its_audience(session: AsyncSession, org: Org) -> None:
    organiser = await org.actor(session, org.organiser)
    series = await service.create_meeting_series(session, actor=organiser, data=form(
        org, confidential=True, reader_roles=["auditor"]))
    before = await fingerprint(session)
    # The sales manager organises meetings but oversees another branch: they may not make it public.
    for user in (org.sales_manager, org.other_manager, org.outsider):
        with pytest.raises(DomainError) as caught:
            await service.update_meeting_series(session, actor=await org.actor(session, user), series_id=series.id,
                                                data=form(org, confidential=False))
        assert caught.value.code == "PERMISSION_DENIED"
    assert await fingerprint(session) == before
    # The finance manager (the series' department) may.
    await service.update_meeting_series(session, actor=await org.actor(session, org.chair), series_id=series.id,
                                        data=form(org, confidential=False))
    assert series.confidential is False
