"""Each automatic indicator against hand-computed values on fixed data, and the empty period: no data, never a
division by zero."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import actor_of, make_user, open_months
from tests.performance.conftest import Q1, Org
from yecai.meetings.models import ActionItem, ActionItemStatus, Attendance, AttendanceStatus, Meeting, MeetingState
from yecai.operations import service as ops
from yecai.operations.models import DocumentState, ExpenseCategory, ExpenseClaim
from yecai.performance import indicators
from yecai.performance.models import Subject
from yecai.sharing.models import Feedback, Publication, PublicationState, SharingRule, Timeliness


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


async def value(session: AsyncSession, code: str, subject: Subject, key: int, start: date = Q1[0],
                end: date = Q1[1], parameter: int | None = None) -> Decimal | None:
    src = indicators.source(code)
    assert src is not None
    found = await src.compute(session, start=start, end=end, subject=subject, parameter=parameter)
    return src.value(found.get(key))


async def _meeting(session: AsyncSession, org: Org, starts: datetime, state: MeetingState = MeetingState.SCHEDULED
                   ) -> Meeting:
    m = Meeting(title="业财联席会", starts_at=starts, ends_at=starts, organizer_id=org.cfo.id, state=state)
    session.add(m)
    await session.flush()
    return m


async def test_action_items_done_on_time_count_the_due_day_in_shanghai(session: AsyncSession, org: Org) -> None:
    m = await _meeting(session, org, at(2027, 1, 5, 2))
    rows = [  # (due, status, completed at)
        (date(2027, 1, 10), ActionItemStatus.DONE, at(2027, 1, 10, 15)),  # 23:00 in Shanghai: on time
        (date(2027, 1, 10), ActionItemStatus.DONE, at(2027, 1, 10, 17)),  # 01:00 the next day: late
        (date(2027, 2, 1), ActionItemStatus.OPEN, None),
        (date(2027, 2, 1), ActionItemStatus.CANCELLED, None),  # not counted
        (date(2027, 4, 1), ActionItemStatus.DONE, at(2027, 3, 1)),  # outside the cycle
    ]
    items = [ActionItem(meeting_id=m.id, title=f"待办{i}", owner_id=org.accountant.id, department_id=org.finance.id,
                        due_on=due, status=status, completed_at=done) for i, (due, status, done) in enumerate(rows)]
    session.add_all(items)
    await session.flush()
    assert await value(session, "ACTION_ITEMS_ON_TIME", Subject.PERSON, org.accountant.id) == Decimal("33.3333")
    assert await value(session, "ACTION_ITEMS_ON_TIME", Subject.DEPARTMENT, org.finance.id) == Decimal("33.3333")
    assert await value(session, "ACTION_ITEMS_ON_TIME", Subject.PERSON, org.clerk.id) is None
    found = await indicators.action_items_on_time(session, start=Q1[0], end=Q1[1], subject=Subject.PERSON)
    assert found[org.accountant.id].evidence == [["ActionItem", items[0].id, True, "Meeting", m.id],
                                                 ["ActionItem", items[1].id, False, "Meeting", m.id],
                                                 ["ActionItem", items[2].id, False, "Meeting", m.id]]


async def test_meeting_attendance_leaves_out_the_excused_and_cancelled_meetings(session: AsyncSession,
                                                                               org: Org) -> None:
    m1 = await _meeting(session, org, at(2027, 1, 5, 2))
    m2 = await _meeting(session, org, at(2027, 2, 5, 2))
    m3 = await _meeting(session, org, at(2027, 2, 6, 2), MeetingState.CANCELLED)
    session.add_all([
        Attendance(meeting_id=m1.id, user_id=org.accountant.id, status=AttendanceStatus.PRESENT),
        Attendance(meeting_id=m1.id, user_id=org.clerk.id, status=AttendanceStatus.ABSENT),
        Attendance(meeting_id=m2.id, user_id=org.accountant.id, status=AttendanceStatus.ABSENT),
        Attendance(meeting_id=m2.id, user_id=org.clerk.id, status=AttendanceStatus.EXCUSED, reason="出差"),
        Attendance(meeting_id=m3.id, user_id=org.accountant.id, status=AttendanceStatus.PRESENT),
        Attendance(meeting_id=m3.id, user_id=org.seller.id, status=AttendanceStatus.INVITED),
    ])
    await session.flush()
    assert await value(session, "MEETING_ATTENDANCE", Subject.PERSON, org.accountant.id) == Decimal("50.0000")
    assert await value(session, "MEETING_ATTENDANCE", Subject.PERSON, org.clerk.id) == Decimal("0.0000")
    assert await value(session, "MEETING_ATTENDANCE", Subject.PERSON, org.seller.id) is None
    assert await value(session, "MEETING_ATTENDANCE", Subject.DEPARTMENT, org.finance.id) == Decimal("50.0000")
    assert await value(session, "MEETING_ATTENDANCE", Subject.DEPARTMENT, org.east.id) == Decimal("0.0000")


async def test_publications_on_time_and_feedback_answered_and_answer_time(session: AsyncSession, org: Org) -> None:
    rule = SharingRule(title="销售日报", responsible_id=org.accountant.id, recurrence="FREQ=DAILY",
                       starts_at=at(2027, 1, 4, 1), deadline_minutes=60, department_id=org.finance.id)
    session.add(rule)
    await session.flush()

    def pub(day: int, state: PublicationState, timeliness: Timeliness | None, deadline: datetime | None = None
            ) -> Publication:
        return Publication(rule_id=rule.id, time_node=at(2027, 1, day, 1), deadline=deadline or at(2027, 1, day, 2),
                           state=state, timeliness=timeliness, department_id=org.finance.id,
                           responsible_id=org.accountant.id)

    p1 = pub(4, PublicationState.PUBLISHED, Timeliness.ON_TIME)
    session.add_all([p1, pub(5, PublicationState.PUBLISHED, Timeliness.LATE), pub(6, PublicationState.MISSED, None),
                     pub(7, PublicationState.DUE, None, deadline=at(2099, 1, 1))])  # not yet due: not counted
    await session.flush()
    session.add_all([
        Feedback(publication_id=p1.id, author_id=org.clerk.id, text="请补充", created_at=at(2027, 1, 4, 2),
                 answered_at=at(2027, 1, 4, 5), answer="已补充"),
        Feedback(publication_id=p1.id, author_id=org.clerk.id, text="口径？", created_at=at(2027, 1, 5),
                 answered_at=at(2027, 1, 5, 1, 30), answer="含税"),
        Feedback(publication_id=p1.id, author_id=org.seller.id, text="收到", created_at=at(2027, 1, 6)),
    ])
    await session.flush()
    assert await value(session, "PUBLICATIONS_ON_TIME", Subject.PERSON, org.accountant.id) == Decimal("33.3333")
    assert await value(session, "PUBLICATIONS_ON_TIME", Subject.DEPARTMENT, org.finance.id) == Decimal("33.3333")
    assert await value(session, "FEEDBACK_ANSWERED", Subject.PERSON, org.accountant.id) == Decimal("66.6667")
    assert await value(session, "FEEDBACK_ANSWER_HOURS", Subject.PERSON, org.accountant.id) == Decimal("2.2500")
    assert await value(session, "FEEDBACK_ANSWER_HOURS", Subject.PERSON, org.clerk.id) is None


async def test_expense_claims_approved_within_n_days(session: AsyncSession, org: Org) -> None:
    def claim(n: int, created: datetime, state: DocumentState, approved: datetime | None) -> ExpenseClaim:
        return ExpenseClaim(number=f"EC-T{n}", date=created.date(), department_id=org.finance.id, state=state,
                            created_by_id=org.accountant.id, claimant_id=org.accountant.id,
                            category=ExpenseCategory.TRAVEL, amount=Decimal("100.00"), description="差旅",
                            approver_id=org.cfo.id if approved or state == DocumentState.REJECTED else None,
                            approved_at=approved, created_at=created)

    session.add_all([claim(1, at(2027, 1, 2), DocumentState.APPROVED, at(2027, 1, 4)),  # 2 days: within 3
                     claim(2, at(2027, 1, 10), DocumentState.APPROVED, at(2027, 1, 20)),  # 10 days
                     claim(3, at(2027, 2, 1), DocumentState.SUBMITTED, None),  # waiting: the department's only
                     claim(4, at(2027, 2, 2), DocumentState.REJECTED, None)])  # rejected: not counted
    await session.flush()
    assert await value(session, "CLAIMS_APPROVED_WITHIN_DAYS", Subject.PERSON, org.cfo.id, parameter=3) == Decimal(
        "50.0000")
    assert await value(session, "CLAIMS_APPROVED_WITHIN_DAYS", Subject.DEPARTMENT, org.finance.id,
                       parameter=3) == Decimal("33.3333")
    assert await value(session, "CLAIMS_APPROVED_WITHIN_DAYS", Subject.PERSON, org.cfo.id, parameter=10) == Decimal(
        "100.0000")


async def test_documents_posted_by_the_rules_and_without_exceptions(session: AsyncSession, org: Org) -> None:
    await open_months(session, "2027-01")
    accountant = await actor_of(session, org.accountant)
    cashier = await actor_of(session, await make_user(session, roles=("finance",), department=org.finance))
    posted = await ops.create_expense_claim(session, actor=accountant, category=ExpenseCategory.TRAVEL,
                                            amount=Decimal("300.00"), description="出差上海", day=date(2027, 1, 8))
    await ops.approve_expense_claim(session, actor=await actor_of(session, org.cfo), claim_id=posted.id)
    await ops.pay_expense_claim(session, actor=cashier, claim_id=posted.id, day=date(2027, 1, 15))
    # A paid claim the rules never posted (brought in from elsewhere): a data-quality exception.
    session.add(ExpenseClaim(number="EC-IMPORT", date=date(2027, 1, 3), department_id=org.finance.id,
                             state=DocumentState.DONE, created_by_id=org.accountant.id, claimant_id=org.accountant.id,
                             category=ExpenseCategory.OFFICE, amount=Decimal("50.00"), description="办公用品",
                             paid_on=date(2027, 1, 20)))
    await session.flush()
    assert await value(session, "DOCUMENTS_WITHOUT_EXCEPTIONS", Subject.PERSON, org.accountant.id) == Decimal(
        "50.0000")
    assert await value(session, "DOCUMENTS_POSTED_AUTOMATICALLY", Subject.DEPARTMENT, org.finance.id) == Decimal(
        "50.0000")
    found = await indicators.documents_posted_automatically(session, start=Q1[0], end=Q1[1],
                                                            subject=Subject.DEPARTMENT)
    assert [e[:3] for e in found[org.finance.id].evidence] == [["ExpenseClaim", posted.id, True],
                                                               ["ExpenseClaim", posted.id + 1, False]]


async def test_an_empty_period_is_no_data_for_every_source(session: AsyncSession, org: Org) -> None:
    for src in indicators.SOURCES:
        for subject in src.subjects:
            found = await src.compute(session, start=date(2026, 1, 1), end=date(2026, 3, 31), subject=subject,
                                      parameter=src.default_parameter)
            assert found == {}
            assert src.value(found.get(org.accountant.id)) is None


async def test_required_training_completed_by_the_end_of_its_due_day(session: AsyncSession, org: Org) -> None:
    from yecai.learning.models import Course, CourseVersion, Enrollment

    course = Course(title="业务人员的财务基础", author_id=org.hr.id)
    session.add(course)
    await session.flush()
    version = CourseVersion(course_id=course.id, number=1, title=course.title, pass_mark=60)
    session.add(version)
    await session.flush()
    others = []
    for i in range(3):
        other = Course(title=f"课程{i}", author_id=org.hr.id)
        session.add(other)
        await session.flush()
        others.append(other)
    rows = [  # (course, learner, required, due, completed at)
        (course, org.accountant, True, date(2027, 2, 10), at(2027, 2, 10, 15)),  # 23:00 in Shanghai: on time
        (others[0], org.accountant, True, date(2027, 2, 10), at(2027, 2, 10, 17)),  # 01:00 the next day: late
        (others[1], org.accountant, True, date(2027, 3, 1), None),  # not done
        (others[2], org.accountant, False, date(2027, 3, 1), at(2027, 2, 1)),  # self-enrolled: not counted
        (course, org.clerk, True, date(2027, 4, 2), at(2027, 3, 1)),  # due after the cycle
    ]
    made = [Enrollment(course_id=c.id, version_id=version.id, user_id=u.id, department_id=u.department_id,
                       required=req, due_on=due, completed_at=done) for c, u, req, due, done in rows]
    session.add_all(made)
    await session.flush()
    assert await value(session, "REQUIRED_TRAINING_COMPLETED", Subject.PERSON, org.accountant.id) == Decimal("33.3333")
    assert await value(session, "REQUIRED_TRAINING_COMPLETED", Subject.DEPARTMENT, org.finance.id) == Decimal("33.3333")
    assert await value(session, "REQUIRED_TRAINING_COMPLETED", Subject.PERSON, org.clerk.id) is None
    found = await indicators.required_training_completed(session, start=Q1[0], end=Q1[1], subject=Subject.PERSON)
    assert found[org.accountant.id].evidence == [["Enrollment", made[0].id, True, "Course", course.id],
                                                 ["Enrollment", made[1].id, False, "Course", others[0].id],
                                                 ["Enrollment", made[2].id, False, "Course", others[1].id]]
