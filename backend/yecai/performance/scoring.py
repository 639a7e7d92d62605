"""Scoring (计分): a value to points by its scoring bands, points to a final score by the weights, a score to a
grade, and the optional forced distribution. Pure functions over Decimals; nothing here reads the database."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from yecai.errors import DomainError, invalid
from yecai.performance import errors
from yecai.performance.models import BandKind, Grade, NoDataRule

HUNDRED = Decimal(100)
ZERO = Decimal(0)
POINTS = Decimal("0.01")
# A grade's lowest final score (without a forced distribution).
GRADE_FLOORS = ((Grade.A, Decimal(90)), (Grade.B, Decimal(75)), (Grade.C, Decimal(60)), (Grade.D, ZERO))


@dataclass(frozen=True)
class Band:
    low: Decimal  # inclusive
    high: Decimal  # exclusive
    score: Decimal


@dataclass(frozen=True)
class Rule:
    """How one template line turns a value into points."""

    kind: BandKind
    target: Decimal | None = None
    floor: Decimal | None = None
    higher_is_better: bool = True
    bands: tuple[Band, ...] = ()


def decimal(value: Any, field: str) -> Decimal:
    try:
        found = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise invalid(field, "不是有效的数字", "is not a valid number") from None
    if not found.is_finite():
        raise invalid(field, "不是有效的数字", "is not a valid number")
    return found


def score_in_range(value: Any, field: str) -> Decimal:
    """A score of 0..100 with at most two places."""
    found = decimal(value, field)
    if found < ZERO or found > HUNDRED:
        raise invalid(field, "应在 0 到 100 之间", "must be between 0 and 100")
    if found != found.quantize(POINTS):
        raise invalid(field, "最多两位小数", "has at most two decimal places")
    return found.quantize(POINTS)


def parse_bands(raw: Sequence[dict[str, Any]], field: str) -> tuple[Band, ...]:
    """STEP bands, checked: each [min, max) with min < max and a score 0..100; none overlapping."""
    bands = []
    for i, b in enumerate(raw):
        low, high = decimal(b.get("min"), f"{field}[{i}].min"), decimal(b.get("max"), f"{field}[{i}].max")
        if high <= low:
            raise invalid(f"{field}[{i}].max", "应大于下限", "must be above min")
        bands.append(Band(low, high, score_in_range(b.get("score"), f"{field}[{i}].score")))
    ordered = sorted(bands, key=lambda b: b.low)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.low < before.high:
            raise DomainError(errors.OVERLAPPING_BANDS, field=field,
                              zh=f"{field}：区间 [{before.low}, {before.high}) 与 [{after.low}, {after.high}) 重叠",
                              en=f"{field}: band [{before.low}, {before.high}) overlaps [{after.low}, {after.high})")
    return tuple(ordered)


def check_rule(kind: BandKind, *, target: Any, floor: Any, higher_is_better: bool, bands: Sequence[dict[str, Any]],
               field: str) -> Rule:
    """A template line's scoring, every part checked (errors name the field)."""
    if kind == BandKind.STEP:
        if not bands:
            raise invalid(f"{field}.bands", "分段计分至少需要一个区间", "a STEP scoring needs at least one band")
        return Rule(kind, bands=parse_bands(bands, f"{field}.bands"))
    if target is None:
        raise invalid(f"{field}.target", "不能为空", "is required")
    goal = decimal(target, f"{field}.target")
    if kind == BandKind.THRESHOLD:
        return Rule(kind, target=goal, higher_is_better=higher_is_better)
    if floor is None:
        raise invalid(f"{field}.floor", "线性计分需要零分值", "a LINEAR scoring needs the value worth 0 points")
    low = decimal(floor, f"{field}.floor")
    if low == goal:
        raise invalid(f"{field}.floor", "不能等于目标值", "must differ from the target")
    return Rule(kind, target=goal, floor=low, higher_is_better=goal > low)


def points(rule: Rule, value: Decimal | None) -> Decimal | None:
    """0..100 points for a value; None for no data."""
    if value is None:
        return None
    if rule.kind == BandKind.STEP:
        band = next((b for b in rule.bands if b.low <= value < b.high), None)
        return ZERO if band is None else band.score
    assert rule.target is not None
    if rule.kind == BandKind.THRESHOLD:
        met = value >= rule.target if rule.higher_is_better else value <= rule.target
        return HUNDRED if met else ZERO
    assert rule.floor is not None
    share = (value - rule.floor) / (rule.target - rule.floor) * HUNDRED
    return min(HUNDRED, max(ZERO, share)).quantize(POINTS, ROUND_HALF_UP)


def final_score(lines: Sequence[tuple[Decimal, Decimal | None]], rule: NoDataRule) -> Decimal | None:
    """The weighted score of (weight %, points or None); no data by the template's rule. None: nothing to score."""
    scored = [(w, s) for w, s in lines if s is not None]
    if rule == NoDataRule.REWEIGHT:
        total = sum((w for w, _ in scored), ZERO)
        if total == ZERO:
            return None
        return (sum((w * s for w, s in scored), ZERO) / total).quantize(POINTS, ROUND_HALF_UP)
    filler = ZERO if rule == NoDataRule.ZERO else HUNDRED
    return (sum((w * (filler if s is None else s) for w, s in lines), ZERO) / HUNDRED).quantize(POINTS, ROUND_HALF_UP)


def grade_of(score: Decimal | None) -> Grade | None:
    if score is None:
        return None
    return next(g for g, low in GRADE_FLOORS if score >= low)


def check_distribution(raw: dict[str, Any] | None, field: str = "forcedDistribution") -> dict[str, int] | None:
    if raw is None:
        return None
    found: dict[str, int] = {}
    for key, value in raw.items():
        if key not in Grade.__members__:
            raise invalid(field, f"未知等级 {key}", f"unknown grade {key}")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value > 100:
            raise invalid(f"{field}.{key}", "应为 0 到 100 的整数", "must be a whole number 0..100")
        found[key] = value
    if sum(found.values()) != 100:
        raise invalid(field, "各等级比例合计须为 100", "the grades' percentages must total 100")
    return {g.value: found.get(g.value, 0) for g in Grade}


def forced_grades(scores: Sequence[tuple[int, Decimal | None]], distribution: dict[str, int]) -> dict[int, Grade | None]:
    """Grades by rank: the best ``A`` percent get A (rounded up), the next ``B`` percent B ..., the rest D.

    Ties at a boundary go to the better grade, so equal scores always share a grade.
    """
    ranked = sorted([(k, s) for k, s in scores if s is not None], key=lambda x: (-x[1], x[0]))
    found: dict[int, Grade | None] = {k: None for k, s in scores if s is None}
    n, taken, cumulative = len(ranked), 0, 0
    for grade in Grade:
        cumulative += distribution.get(grade.value, 0)
        upto = n if grade == Grade.D else min(n, math.ceil(n * cumulative / 100))
        while taken < n and (taken < upto or (taken > 0 and ranked[taken][1] == ranked[taken - 1][1]
                                               and found.get(ranked[taken - 1][0]) == grade)):
            found[ranked[taken][0]] = grade
            taken += 1
    return found
