"""Mutations of attachments (uploads are HTTP: POST /attachments, multipart)."""

import strawberry
from strawberry.types import Info

from yecai.attachments import service
from yecai.graphql.base import decode_id, mutation


@strawberry.input
class DeleteAttachmentInput:
    id: strawberry.ID


@strawberry.type
class AttachmentsMutations:
    @mutation("Remove an attachment: its uploader or a manager, while its owner's policy allows (an expense "
              "claim's receipts until it is approved).", permission=None,
              returns=("deleted_id", strawberry.ID))
    async def delete_attachment(self, info: Info, input: DeleteAttachmentInput) -> strawberry.ID:
        await service.delete_attachment(info.context.session, actor=info.context.actor,
                                        attachment_id=decode_id(input.id, "Attachment"))
        return input.id
