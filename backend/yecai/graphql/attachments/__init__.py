"""Attachments' part of the API: the Attachment node, deleteAttachment, and `attachments` on every owner's type."""

from yecai.graphql.api import DomainApi
from yecai.graphql.attachments import types as t
from yecai.graphql.attachments.mutations import AttachmentsMutations

API = DomainApi(
    mutation=AttachmentsMutations,
    nodes=(t.Attachment,),
    types=(t.AttachmentAbilities,),
    extends=tuple((owner, t.AttachedFiles) for owner in t.owner_types()),
)
