"""The notes domain's part of the API."""

from typing import Optional

import strawberry
from strawberry import relay
from strawberry.types import Info

from yecai.graphql.api import DomainApi
from yecai.graphql.base import DEFAULT_PAGE_SIZE, Connection, ModelNode, connection, decode_id, guarded, mutation
from yecai.pagination import paginate

from . import models, service
from . import permissions as p


@strawberry.type(description="A note (便签).")
class Note(ModelNode):
    model = models.Note
    id: relay.NodeID[int]
    text: str

    @classmethod
    def from_model(cls, m: models.Note) -> "Note":
        return cls(id=m.id, text=m.text)

    @classmethod
    def visible(cls, info: Info, row: models.Note) -> bool:
        return info.context.actor.has(p.NOTES_READ)


@strawberry.input
class CreateNoteInput:
    department_id: strawberry.ID
    text: str


@strawberry.type
class NotesQueries:
    @strawberry.field(description="Notes. Needs `notes.read`.")
    async def notes(self, info: Info, first: int = DEFAULT_PAGE_SIZE,
                    after: Optional[str] = None) -> Optional[Connection[Note]]:
        async def run() -> Connection[Note]:
            page = await paginate(info.context.session, service.notes_query(actor=info.context.actor),
                                  order=[(models.Note.id, False)], first=first, after=after)
            return connection(page, Note.from_model)

        return await guarded(info, run)


@strawberry.type
class NotesMutations:
    @mutation("Write a note for a department.", permission=p.NOTES_WRITE, returns=("note", Note))
    async def create_note(self, info: Info, input: CreateNoteInput) -> Note:
        return Note.from_model(await service.create_note(
            info.context.session, actor=info.context.actor,
            department_id=decode_id(input.department_id, "Department", "departmentId"), text=input.text))


API = DomainApi(query=NotesQueries, mutation=NotesMutations, nodes=(Note,))
