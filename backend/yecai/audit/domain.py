"""The audit trail: every change, hash-chained, in the change's own transaction."""

from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.audit import models, permissions
from yecai.audit.service import ensure_chain_head
from yecai.manifest import Domain


async def _reference_data(session: AsyncSession, *, actor: Actor) -> None:
    await ensure_chain_head(session)


DOMAIN = Domain(
    name="audit", zh="审计", en="Audit",
    models=models,
    permissions=permissions.PERMISSIONS,
    reference_data=_reference_data,
)
