"""Queries of information sharing: rules, publications (to publish, received), figures and the monthly report."""

import datetime as dt
from typing import Annotated, Optional

import strawberry
from sqlalchemy import select
from strawberry import relay
from strawberry.types import Info

from yecai.auth.models import User as UserRow
from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, connection, decode_optional_id, guarded
from yecai.graphql.sharing import types as t
from yecai.org.models import Department as DepartmentRow
from yecai.pagination import paginate
from yecai.sharing import figures, models, publications, service

READ = " Needs `sharing.read`."
EVALUATE = " Needs `sharing.evaluate` (one's own and lower departments) or `sharing.manage` (all)."


async def _figures(info: Info, result: figures.SharingFigures) -> t.SharingFigures:
    session = info.context.session
    rule_ids = [f.key for f in result.by_rule if f.key is not None]
    dept_ids = [f.key for f in result.by_department if f.key is not None]
    user_ids = [f.key for f in result.by_person if f.key is not None]
    rules = dict((await session.execute(select(models.SharingRule.id, models.SharingRule.title).where(
        models.SharingRule.id.in_(rule_ids)))).all()) if rule_ids else {}
    depts = dict((await session.execute(select(DepartmentRow.id, DepartmentRow.name).where(
        DepartmentRow.id.in_(dept_ids)))).all()) if dept_ids else {}
    users = dict((await session.execute(select(UserRow.id, UserRow.display_name).where(
        UserRow.id.in_(user_ids)))).all()) if user_ids else {}

    def gid(type_name: str, key: Optional[int]) -> Optional[strawberry.ID]:
        return None if key is None else strawberry.ID(str(relay.GlobalID(type_name, str(key))))

    return t.SharingFigures(
        total=t.SharingFigureRow.of(result.total),
        by_rule=[t.SharingFigureGroup(label=rules.get(f.key or 0, ""), figures=t.SharingFigureRow.of(f),
                                      rule_id=gid("SharingRule", f.key)) for f in result.by_rule],
        by_department=[t.SharingFigureGroup(label=depts.get(f.key or 0, "（未指定部门）"),
                                            figures=t.SharingFigureRow.of(f), department_id=gid("Department", f.key))
                       for f in result.by_department],
        by_person=[t.SharingFigureGroup(label=users.get(f.key or 0, ""), figures=t.SharingFigureRow.of(f),
                                        user_id=gid("User", f.key)) for f in result.by_person])


@strawberry.type
class SharingQueries:
    @strawberry.field(description="Sharing rules (共享规则) the viewer may see (publishers, audience, admins), by "
                                  "title; `mine`: those the viewer is responsible for or deputy of." + READ)
    async def sharing_rules(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                            active: Optional[bool] = None, mine: bool = False) -> Optional[Connection[t.SharingRule]]:
        async def run() -> Connection[t.SharingRule]:
            stmt = await service.visible_rules_query(info.context.session, actor=info.context.actor, active=active,
                                                     mine=mine)
            page = await paginate(info.context.session, stmt, order=[(models.SharingRule.title, False),
                                                                    (models.SharingRule.id, False)],
                                  first=first, after=after)
            return connection(page, t.SharingRule.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Publications (发布) the viewer may see, latest time node first (`toPublish`: "
                                  "earliest deadline first). `toPublish`: the viewer's own not yet published (due "
                                  "or missed); `received`: sent to the viewer; `unacknowledged`: of those, not yet "
                                  "acknowledged." + READ)
    async def publications(self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: Optional[str] = None,
                           to_publish: bool = False, received: bool = False, unacknowledged: Optional[bool] = None,
                           rule_id: Optional[strawberry.ID] = None,
                           state: Optional[t.PublicationState] = None) -> Optional[Connection[t.Publication]]:
        async def run() -> Connection[t.Publication]:
            f = publications.PublicationFilter(
                to_publish=to_publish, received=received, unacknowledged=unacknowledged,
                rule_id=decode_optional_id(rule_id, "SharingRule", "ruleId"),
                state=models.PublicationState(state.value) if state else None)
            stmt = await publications.publications_query(info.context.session, actor=info.context.actor, f=f)
            order = ([(models.Publication.deadline, False), (models.Publication.id, False)] if to_publish
                     else [(models.Publication.time_node, True), (models.Publication.id, True)])
            page = await paginate(info.context.session, stmt, order=order, first=first, after=after)
            return connection(page, t.Publication.from_model)

        return await guarded(info, run)

    @strawberry.field(description="Sharing figures (考评) of the publications whose time node falls in [from, to] "
                                  "(days in Asia/Shanghai, at most 366), per rule, department and person." + EVALUATE)
    async def sharing_figures(self, info: Info, from_: Annotated[dt.date, strawberry.argument(name="from")],
                              to: dt.date, department_id: Optional[strawberry.ID] = None) -> Optional[t.SharingFigures]:
        async def run() -> t.SharingFigures:
            result = await figures.sharing_figures(
                info.context.session, actor=info.context.actor, start=from_, end=to,
                department_id=decode_optional_id(department_id, "Department", "departmentId"))
            return await _figures(info, result)

        return await guarded(info, run)

    @strawberry.field(description="The monthly sharing report (月度信息共享考评) of a department: the figures of the "
                                  "month `YYYY-MM`." + EVALUATE)
    async def sharing_monthly_report(self, info: Info, month: str,
                                     department_id: strawberry.ID) -> Optional[t.SharingFigures]:
        async def run() -> t.SharingFigures:
            start, end = figures.month_bounds(month)
            result = await figures.sharing_figures(
                info.context.session, actor=info.context.actor, start=start, end=end,
                department_id=decode_optional_id(department_id, "Department", "departmentId"))
            return await _figures(info, result)

        return await guarded(info, run)
