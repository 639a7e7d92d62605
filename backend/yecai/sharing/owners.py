"""Publications carry attachments (附件): added by who publishes, read by whoever sees the publication."""

from yecai.attachable import AttachmentOwner
from yecai.sharing import policies
from yecai.sharing.models import Publication

ATTACHMENT_OWNERS = (
    AttachmentOwner(type="Publication", zh="发布", en="Publication", model=Publication,
                    can_read=policies.can_see_publication, can_attach=policies.can_attach,
                    can_delete=policies.can_delete_attachment, search_kind="publication",
                    refers=("state", "audience", "responsible_id", "deputy_id")),
)
