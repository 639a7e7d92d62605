"""The work calendar (工作日历): public holidays and make-up working days, seeded from chinesecalendar."""

from yecai.manifest import Domain
from yecai.workdays import models, permissions
from yecai.workdays.service import ensure_package_days

DOMAIN = Domain(
    name="workdays", zh="工作日历", en="Work calendar",
    models=models,
    permissions=permissions.PERMISSIONS,
    reference_data=ensure_package_days,
)
