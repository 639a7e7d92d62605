"""Tables of performance: evaluation cycles (考核周期), indicators (考核指标), scorecard templates (考核模板) with
their weighted indicators, scorecards (考核表) with their lines and evidence, and assessments (评分)."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, Fixed, UTCDateTime, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=40, validate_strings=True)


class CycleKind(enum.StrEnum):
    QUARTERLY = "QUARTERLY"  # 季度
    YEARLY = "YEARLY"  # 年度


class CycleState(enum.StrEnum):
    DRAFT = "DRAFT"  # 草稿
    OPEN = "OPEN"  # 已开启: scorecards made
    SELF_ASSESSMENT = "SELF_ASSESSMENT"  # 自评
    MANAGER_ASSESSMENT = "MANAGER_ASSESSMENT"  # 上级评分 (and peers, 360)
    CALIBRATION = "CALIBRATION"  # HR 校准: automatic indicators computed
    PUBLISHED = "PUBLISHED"  # 已发布: people see their scores
    CLOSED = "CLOSED"  # 已关闭


CYCLE_ORDER = tuple(CycleState)


class Subject(enum.StrEnum):
    PERSON = "PERSON"  # 个人
    DEPARTMENT = "DEPARTMENT"  # 部门


class IndicatorKind(enum.StrEnum):
    AUTOMATIC = "AUTOMATIC"  # 自动指标: computed from the system's records
    MANUAL = "MANUAL"  # 人工指标: scored by managers or peers


class Rater(enum.StrEnum):
    MANAGER = "MANAGER"  # 上级
    PEER = "PEER"  # 同事 (360)


class Relation(enum.StrEnum):
    SELF = "SELF"  # 自评 (shown, not counted)
    MANAGER = "MANAGER"
    PEER = "PEER"


class BandKind(enum.StrEnum):
    LINEAR = "LINEAR"  # 线性: 0 points at `floor`, 100 at `target`, straight in between
    STEP = "STEP"  # 分段: the score of the band [min, max) the value falls in
    THRESHOLD = "THRESHOLD"  # 达标: 100 when the target is met, else 0


class NoDataRule(enum.StrEnum):
    REWEIGHT = "REWEIGHT"  # 按有数据的指标重新分配权重
    ZERO = "ZERO"  # 记零分
    FULL = "FULL"  # 记满分


class Grade(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class EvaluationCycle(Base):
    """An evaluation cycle (考核周期): a quarter or a year of records, moved through its states by HR."""

    __tablename__ = "evaluation_cycle"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[CycleKind] = mapped_column(_enum(CycleKind))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)  # inclusive
    state: Mapped[CycleState] = mapped_column(_enum(CycleState), default=CycleState.DRAFT)
    # Deadlines (截止日期, days in Asia/Shanghai) of the self-assessment, manager assessment and calibration.
    self_assessment_due: Mapped[date] = mapped_column(Date)
    manager_assessment_due: Mapped[date] = mapped_column(Date)
    calibration_due: Mapped[date] = mapped_column(Date)
    # Optional forced distribution (强制分布): percent of people per grade, e.g. {"A": 20, "B": 30, "C": 40, "D": 10}.
    forced_distribution: Mapped[dict[str, int] | None] = mapped_column(JSON)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    computed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Indicator(Base):
    """An indicator (考核指标) of the library: automatic (a source computed from records) or manual (scored)."""

    __tablename__ = "performance_indicator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[IndicatorKind] = mapped_column(_enum(IndicatorKind))
    # Automatic: the source that computes it (performance.indicators.SOURCES); its formula text comes from there.
    source: Mapped[str | None] = mapped_column(String(64))
    parameter: Mapped[int | None] = mapped_column(Integer)  # e.g. N of "approved within N days"
    rater: Mapped[Rater | None] = mapped_column(_enum(Rater))  # manual: who scores it
    unit: Mapped[str] = mapped_column(String(20), default="%")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ScorecardTemplate(Base):
    """A scorecard template (考核模板) for a role and/or a department (and those under it), for people or departments."""

    __tablename__ = "scorecard_template"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[Subject] = mapped_column(_enum(Subject))
    role_code: Mapped[str | None] = mapped_column(String(64))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    no_data_rule: Mapped[NoDataRule] = mapped_column(_enum(NoDataRule), default=NoDataRule.REWEIGHT)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TemplateIndicator(Base):
    """One indicator of a template: its weight (percent; a template's total 100), target and scoring bands."""

    __tablename__ = "scorecard_template_indicator"
    __table_args__ = (UniqueConstraint("template_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("scorecard_template.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("performance_indicator.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    weight: Mapped[Decimal] = mapped_column(Fixed(2))
    band_kind: Mapped[BandKind] = mapped_column(_enum(BandKind))
    target: Mapped[Decimal | None] = mapped_column(Fixed(4))
    floor: Mapped[Decimal | None] = mapped_column(Fixed(4))  # LINEAR: the value worth 0 points
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)  # THRESHOLD: met at >= target (or <=)
    # STEP: [{"min": "80", "max": "100.0001", "score": "100"}, ...], exact decimal strings, half-open, no overlap.
    bands: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)


class Scorecard(Base):
    """A scorecard (考核表) of a cycle for one person or one department: lines, final score and grade."""

    __tablename__ = "scorecard"
    __table_args__ = (UniqueConstraint("cycle_id", "subject", "user_id", "department_id"),
                      Index("ix_scorecard_cycle_department", "cycle_id", "department_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("evaluation_cycle.id", ondelete="CASCADE"), index=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("scorecard_template.id", ondelete="RESTRICT"))
    subject: Mapped[Subject] = mapped_column(_enum(Subject))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    # The person's department when the cycle opened, or the department scored.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"))
    computed_score: Mapped[Decimal | None] = mapped_column(Fixed(2))
    calibrated_score: Mapped[Decimal | None] = mapped_column(Fixed(2))
    grade: Mapped[Grade | None] = mapped_column(_enum(Grade))
    calibration_reason: Mapped[str] = mapped_column(Text, default="")
    calibrated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    calibrated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    computed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def final_score(self) -> Decimal | None:
        return self.calibrated_score if self.calibrated_score is not None else self.computed_score


class ScoreLine(Base):
    """One indicator's line on a scorecard: its weight, measured value (or no data), points and evidence."""

    __tablename__ = "scorecard_line"
    __table_args__ = (UniqueConstraint("scorecard_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecard.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("performance_indicator.id", ondelete="RESTRICT"))
    weight: Mapped[Decimal] = mapped_column(Fixed(2))
    value: Mapped[Decimal | None] = mapped_column(Fixed(4))  # None: no data (无数据)
    counted: Mapped[int] = mapped_column(Integer, default=0)  # how many records it counted
    score: Mapped[Decimal | None] = mapped_column(Fixed(2))  # 0..100 by the bands; None when no data
    # The records counted: [["ActionItem", 12, true], ...]: GraphQL type, id, whether it met the measure.
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Assessment(Base):
    """An assessment (评分): a score 0..100 and a comment on one manual indicator of a scorecard."""

    __tablename__ = "performance_assessment"
    __table_args__ = (UniqueConstraint("scorecard_id", "indicator_id", "assessor_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecard.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("performance_indicator.id", ondelete="RESTRICT"))
    assessor_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    relation: Mapped[Relation] = mapped_column(_enum(Relation))
    score: Mapped[Decimal] = mapped_column(Fixed(2))
    comment: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
