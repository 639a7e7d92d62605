"""Joint business–finance meetings: series (例会), meetings, minutes, decisions and action items."""

from yecai.manifest import Domain
from yecai.meetings import demo, models, permissions, search

DOMAIN = Domain(
    name="meetings", zh="联席会议", en="Meetings",
    models=models,
    permissions=permissions.PERMISSIONS,
    demo=demo.seed,
    searchables=search.SEARCHABLES,
)
