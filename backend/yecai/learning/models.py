"""Tables of learning: courses (课程) with their published versions (课程版本), lessons (课时) and quiz questions
(测验题), assignments (指派), enrollments (学习记录), lesson progress, quiz attempts (测验作答) and learning paths
(学习路径).

An author edits a course's draft (one JSON document: chapters, lessons, questions); publishing copies it into a
new version whose lessons and questions are rows that never change. An enrollment keeps the version it started
with, so a later publication never moves a learner's lessons or quiz under them.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Enum, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yecai.db import Base, UTCDateTime, utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=40, validate_strings=True)


class CourseState(enum.StrEnum):
    DRAFT = "DRAFT"  # 草稿: never published
    PUBLISHED = "PUBLISHED"  # 已发布: a version is out (the draft may hold changes for the next one)
    ARCHIVED = "ARCHIVED"  # 已下架: no new enrollments; learners keep theirs


class QuestionKind(enum.StrEnum):
    SINGLE_CHOICE = "SINGLE_CHOICE"  # 单选题
    MULTIPLE_CHOICE = "MULTIPLE_CHOICE"  # 多选题: all the correct options and no other
    TRUE_FALSE = "TRUE_FALSE"  # 判断题: two options, 正确 / 错误


class EnrollmentState(enum.StrEnum):
    IN_PROGRESS = "IN_PROGRESS"  # 学习中
    COMPLETED = "COMPLETED"  # 已完成: every lesson done and the quiz (if any) passed


class Course(Base):
    """A course (课程): its catalogue card, authors' draft and the version learners now enrol in."""

    __tablename__ = "course"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The department kinds it suits (BUSINESS, FINANCE ...); empty: everyone.
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    pass_mark: Mapped[int] = mapped_column(Integer, default=60)  # percent of the quiz's points, 0..100
    max_attempts: Mapped[int | None] = mapped_column(Integer)  # None: unlimited
    # {"chapters": [{"title", "lessons": [{"title", "body", "videoUrl"}]}],
    #  "questions": [{"kind", "text", "points", "options": [{"text", "correct"}]}]}
    draft: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[CourseState] = mapped_column(_enum(CourseState), default=CourseState.DRAFT)
    draft_changed: Mapped[bool] = mapped_column(Boolean, default=True)  # the draft differs from the current version
    current_version_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class CourseVersion(Base):
    """A published version (课程版本) of a course: frozen title, pass mark and attempts; its lessons and questions."""

    __tablename__ = "course_version"
    __table_args__ = (UniqueConstraint("course_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id", ondelete="RESTRICT"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    pass_mark: Mapped[int] = mapped_column(Integer)
    max_attempts: Mapped[int | None] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))


class Lesson(Base):
    """A lesson (课时) of a published version, in its chapter (章节): rich text and a video link."""

    __tablename__ = "course_lesson"
    __table_args__ = (Index("ix_course_lesson_version_position", "version_id", "chapter_position", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("course_version.id", ondelete="RESTRICT"))
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id", ondelete="RESTRICT"), index=True)
    chapter_position: Mapped[int] = mapped_column(Integer)
    chapter_title: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # sanitized HTML
    video_url: Mapped[str] = mapped_column(String(500), default="")


class QuizQuestion(Base):
    """A quiz question (测验题) of a published version. ``correct`` never leaves the server before a submission."""

    __tablename__ = "quiz_question"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("course_version.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[QuestionKind] = mapped_column(_enum(QuestionKind))
    text: Mapped[str] = mapped_column(Text)
    points: Mapped[int] = mapped_column(Integer, default=1)
    options: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # [{"key", "text"}] in authored order
    correct: Mapped[list[str]] = mapped_column(JSON, default=list)  # the keys of the correct options


class Assignment(Base):
    """An assignment (指派): a course required of a department (with those under it) or a role, by a due date."""

    __tablename__ = "course_assignment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id", ondelete="RESTRICT"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"))
    role_code: Mapped[str | None] = mapped_column(String(64))
    due_on: Mapped[date] = mapped_column(Date)
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Enrollment(Base):
    """One learner's enrollment (学习记录) in a course, on the version they started; required when assigned."""

    __tablename__ = "enrollment"
    __table_args__ = (UniqueConstraint("course_id", "user_id"), Index("ix_enrollment_user_state", "user_id", "state"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id", ondelete="RESTRICT"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("course_version.id", ondelete="RESTRICT"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    # The learner's department when enrolled, so figures stay per department after a move.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="RESTRICT"), index=True)
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("course_assignment.id", ondelete="SET NULL"))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    due_on: Mapped[date | None] = mapped_column(Date)
    state: Mapped[EnrollmentState] = mapped_column(_enum(EnrollmentState), default=EnrollmentState.IN_PROGRESS)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    quiz_passed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LessonProgress(Base):
    """That a learner finished a lesson of their enrollment's version."""

    __tablename__ = "lesson_progress"
    __table_args__ = (UniqueConstraint("enrollment_id", "lesson_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("course_lesson.id", ondelete="RESTRICT"))
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuizAttempt(Base):
    """An attempt (作答) at an enrollment's quiz: the order its questions and options were shown in, then its grade."""

    __tablename__ = "quiz_attempt"
    __table_args__ = (UniqueConstraint("enrollment_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    # {"questions": [question ids in the order shown], "options": {"<question id>": [option keys, shuffled]}}
    layout: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[int | None] = mapped_column(Integer)  # points earned
    max_score: Mapped[int | None] = mapped_column(Integer)
    percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))  # score / max_score, exact to 0.01
    passed: Mapped[bool | None] = mapped_column(Boolean)


class QuizAnswer(Base):
    """One question's answer in a submitted attempt, graded on the server."""

    __tablename__ = "quiz_answer"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempt.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("quiz_question.id", ondelete="RESTRICT"), index=True)
    chosen: Mapped[list[str]] = mapped_column(JSON, default=list)
    correct: Mapped[bool] = mapped_column(Boolean)
    points: Mapped[int] = mapped_column(Integer, default=0)


class LearningPath(Base):
    """A learning path (学习路径): courses in the order they are best taken."""

    __tablename__ = "learning_path"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LearningPathCourse(Base):
    __tablename__ = "learning_path_course"
    __table_args__ = (UniqueConstraint("path_id", "course_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path_id: Mapped[int] = mapped_column(ForeignKey("learning_path.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
