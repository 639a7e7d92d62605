"""Permissions of the work calendar. Reading it needs no permission: any signed-in user may."""

from yecai.manifest import Permission

WORKDAYS_MANAGE = "workdays.manage"

PERMISSIONS = (
    Permission(WORKDAYS_MANAGE, "维护工作日历", "Maintain the work calendar",
               "标记法定节假日和调休上班日，按内置日历重新导入某年",
               "Mark public holidays and make-up working days; re-seed a year from the built-in calendar",
               default_roles=("admin",)),
)
