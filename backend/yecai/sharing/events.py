"""Events of information sharing. Domains above (notifications, performance) listen; this one never imports them."""

from __future__ import annotations

from dataclasses import dataclass

from yecai.sharing.models import Feedback, Publication, SharingRule


@dataclass(frozen=True)
class PublicationsDue:
    """Rules' time nodes came (one scheduler run): each publication is due by its deadline."""

    items: tuple[tuple[Publication, SharingRule], ...]


@dataclass(frozen=True)
class PublicationsMissed:
    """Publications whose deadline passed with nothing published (缺报); each is in one such event, once."""

    items: tuple[tuple[Publication, SharingRule], ...]


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
