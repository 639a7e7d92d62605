"""Computing a cycle's scorecards (计算考核表): every automatic indicator once for the whole cycle (a fixed number
of SQL statements per indicator, whatever the number of people), the manual ones from the assessments, the
points by each template line's bands, the final scores by the weights and the grades (with the cycle's forced
distribution, when it has one). Lines are replaced in one bulk insert; scorecards updated in one bulk update."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from yecai.db import utcnow
from yecai.performance import indicators, scoring
from yecai.performance.models import (
    Assessment,
    BandKind,
    EvaluationCycle,
    Indicator,
    IndicatorKind,
    Relation,
    Scorecard,
    ScorecardTemplate,
    ScoreLine,
    Subject,
    TemplateIndicator,
)


def rule_of(line: TemplateIndicator) -> scoring.Rule:
    """The scoring of a template line as ``scoring`` reads it."""
    bands = tuple(scoring.Band(Decimal(b["min"]), Decimal(b["max"]), Decimal(b["score"])) for b in line.bands or [])
    return scoring.Rule(BandKind(line.band_kind), target=line.target, floor=line.floor,
                        higher_is_better=line.higher_is_better, bands=bands)


async def compute_cycle(session: AsyncSession, cycle: EvaluationCycle) -> int:
    """Compute every scorecard of the cycle; returns how many."""
    conn = await session.connection()  # thousands of rows each way: plain rows and executemany, no ORM objects
    cards = (await conn.execute(select(Scorecard.id, Scorecard.template_id, Scorecard.subject, Scorecard.user_id,
                                       Scorecard.department_id).where(Scorecard.cycle_id == cycle.id))).all()
    if not cards:
        return 0
    template_ids = {c.template_id for c in cards}
    templates = {t.id: t for t in (await session.execute(select(ScorecardTemplate).where(
        ScorecardTemplate.id.in_(template_ids)))).scalars()}
    lines: dict[int, list[TemplateIndicator]] = defaultdict(list)
    for line in (await session.execute(select(TemplateIndicator).where(TemplateIndicator.template_id.in_(
            template_ids)).order_by(TemplateIndicator.position))).scalars():
        lines[line.template_id].append(line)
    library = {i.id: i for i in (await session.execute(select(Indicator).where(Indicator.id.in_(
        {line.indicator_id for ls in lines.values() for line in ls})))).scalars()}

    # Each automatic indicator once per subject, for everyone.
    wanted: set[tuple[int, Subject]] = set()
    for c in cards:
        for line in lines[c.template_id]:
            if library[line.indicator_id].kind == IndicatorKind.AUTOMATIC:
                wanted.add((line.indicator_id, Subject(c.subject)))
    measures: dict[tuple[int, Subject], dict[int, indicators.Measure]] = {}
    shared: dict[object, object] = {}  # rows two sources read (feedback, documents), read once
    for indicator_id, subject in sorted(wanted):
        indicator = library[indicator_id]
        src = indicators.source(indicator.source)
        assert src is not None
        measures[(indicator_id, subject)] = await src.compute(
            session, start=cycle.period_start, end=cycle.period_end, subject=subject, parameter=indicator.parameter,
            cache=shared)

    # Manual indicators: the mean of the assessments of the indicator's rater (self-assessments not counted).
    given: dict[tuple[int, int], list[tuple[int, Decimal]]] = defaultdict(list)
    for a_id, card_id, indicator_id, relation, score in (await conn.execute(
            select(Assessment.id, Assessment.scorecard_id, Assessment.indicator_id, Assessment.relation,
                   Assessment.score).join(Scorecard, Scorecard.id == Assessment.scorecard_id)
            .where(Scorecard.cycle_id == cycle.id, Assessment.relation != Relation.SELF.value))).all():
        rater = library.get(indicator_id)
        if rater is not None and rater.rater is not None and relation == rater.rater.value:
            given[(card_id, indicator_id)].append((a_id, score))

    now = utcnow()
    rules = {line.id: rule_of(line) for ls in lines.values() for line in ls}
    sources = {i.id: indicators.source(i.source) for i in library.values()}
    new_lines, scores = [], {}
    for c in cards:
        template = templates[c.template_id]
        subject = Subject(c.subject)
        key = c.user_id if subject == Subject.PERSON else c.department_id
        weighted = []
        for line in lines[c.template_id]:
            indicator = library[line.indicator_id]
            if indicator.kind == IndicatorKind.AUTOMATIC:
                src = sources[indicator.id]
                assert src is not None
                m = measures[(indicator.id, subject)].get(key)
                value, counted, evidence = src.value(m), (m.counted if m else 0), (m.evidence if m else [])
            else:
                found = given.get((c.id, indicator.id), [])
                counted = len(found)
                value = (sum((s for _, s in found), Decimal(0)) / counted).quantize(indicators.VALUE) if found else None
                evidence = [["Assessment", a_id, True, None, None] for a_id, _ in found]
            points = scoring.points(rules[line.id], value)
            weighted.append((line.weight, points))
            new_lines.append(dict(scorecard_id=c.id, indicator_id=indicator.id, weight=line.weight, value=value,
                                  counted=counted, score=points, evidence=evidence))
        scores[c.id] = scoring.final_score(weighted, template.no_data_rule)
    ids = [c.id for c in cards]
    await conn.execute(delete(ScoreLine.__table__).where(ScoreLine.__table__.c.scorecard_id.in_(
        select(Scorecard.id).where(Scorecard.cycle_id == cycle.id))))
    if new_lines:
        await conn.execute(insert(ScoreLine.__table__), new_lines)
    table = Scorecard.__table__
    await conn.execute(update(table).where(table.c.id == bindparam("card_id")).values(
        computed_score=bindparam("computed_score"), computed_at=bindparam("computed_at")),
        [dict(card_id=i, computed_score=scores[i], computed_at=now) for i in ids])
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Scorecard) and obj.id in scores:
            set_committed_value(obj, "computed_score", scores[obj.id])
            set_committed_value(obj, "computed_at", now)
    cycle.computed_at = now
    await regrade(session, cycle)
    return len(cards)


async def regrade(session: AsyncSession, cycle: EvaluationCycle) -> None:
    """Grade every scorecard of the cycle from its final score; with a forced distribution, by rank per subject."""
    conn = await session.connection()
    rows = (await conn.execute(select(Scorecard.id, Scorecard.subject, Scorecard.computed_score,
                                      Scorecard.calibrated_score, Scorecard.grade)
                               .where(Scorecard.cycle_id == cycle.id))).all()
    grades: dict[int, scoring.Grade | None] = {}
    for subject in Subject:
        group = [(r.id, r.calibrated_score if r.calibrated_score is not None else r.computed_score)
                 for r in rows if r.subject == subject]
        if cycle.forced_distribution and subject == Subject.PERSON:
            grades.update(scoring.forced_grades(group, cycle.forced_distribution))
        else:
            grades.update({i: scoring.grade_of(s) for i, s in group})
    changed = [dict(card_id=r.id, grade=grades[r.id]) for r in rows if grades[r.id] != r.grade]
    if changed:
        table = Scorecard.__table__
        await conn.execute(update(table).where(table.c.id == bindparam("card_id")).values(grade=bindparam("grade")),
                           changed)
    # the session's loaded scorecards must not keep stale grades or scores
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Scorecard) and obj.id in grades:
            set_committed_value(obj, "grade", grades[obj.id])
