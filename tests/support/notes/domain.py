"""The notes domain's manifest."""

from yecai.manifest import Domain

from . import models, permissions, service

DOMAIN = Domain(name="notes", zh="便签", en="Notes", models=models, permissions=permissions.PERMISSIONS,
                listeners=service.LISTENERS, api="tests.support.notes.api")
