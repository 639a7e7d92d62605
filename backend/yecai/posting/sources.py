"""Business events as posting rules see them: the event's facts, nothing read again."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.manifest import DocumentType
from yecai.operations.events import BusinessEvent, event_of
from yecai.posting.engine import EventLine, PostingEvent


def posting_event(event: BusinessEvent) -> PostingEvent:
    """The fields a rule reads, from a published event."""
    document_type = event.document_type
    assert document_type.event_type is not None
    return PostingEvent(event_type=document_type.event_type, source_type=document_type.code,
                        source_id=event.document.id, date=event.date, header=dict(event.header),
                        lines=[EventLine(line.line_id, dict(line.fields)) for line in event.lines])


async def stored_event(session: AsyncSession, document_type: DocumentType, source_id: int) -> PostingEvent | None:
    """The event a stored document published (for previews and replays); None when there is no such document."""
    document = await session.get(document_type.model, source_id)
    if document is None:
        return None
    return posting_event(await event_of(session, document))
