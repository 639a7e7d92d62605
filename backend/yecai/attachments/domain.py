"""Attachments: files hung off other domains' objects (AttachmentOwner), stored by content, found by their text."""

from yecai.attachments import jobs, models, search
from yecai.manifest import Domain

DOMAIN = Domain(
    name="attachments", zh="附件", en="Attachments",
    models=models,
    searchables=search.SEARCHABLES,
    jobs=jobs.JOBS,
)
