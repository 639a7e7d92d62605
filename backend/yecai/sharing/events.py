"""Events of information sharing. Domains above (notifications, performance) listen; this one never imports them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from yecai.sharing.models import Feedback, Publication, SharingRule


@dataclass(frozen=True, slots=True)
class Node:
    """One publication the scheduler made due or marked missed, as its listeners need it (a run makes thousands:
    plain values, not ORM objects)."""

    id: int  # the publication's
    rule_id: int
    title: str  # the rule's
    time_node: datetime
    deadline: datetime
    responsible_id: int
    deputy_id: int | None


@dataclass(frozen=True)
class PublicationsDue:
    """Rules' time nodes came (one scheduler run): each publication is due by its deadline."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class PublicationsMissed:
    """Publications whose deadline passed with nothing published (缺报); each is in one such event, once."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class PublicationPublished:
    """A publication went out to its receivers; ``late`` when after its deadline."""

    publication: Publication
    rule: SharingRule
    receiver_ids: tuple[int, ...]
    late: bool


@dataclass(frozen=True)
class FeedbackAdded:
    feedback: Feedback
    publication: Publication
    rule: SharingRule


@dataclass(frozen=True)
class FeedbackAnswered:
    feedback: Feedback
    publication: Publication
    rule: SharingRule
