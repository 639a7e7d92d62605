"""Permissions of joint meetings, and which built-in roles hold them by default."""

from yecai.manifest import Permission
from yecai.org.permissions import EVERYONE

MEETINGS_READ = "meetings.read"
MEETINGS_MANAGE = "meetings.manage"
MEETINGS_APPROVE = "meetings.approve"
MEETINGS_OVERSEE = "meetings.oversee"

PERMISSIONS = (
    Permission(MEETINGS_READ, "查看会议", "View meetings",
               "查看联席会议、议程和非保密的会议纪要、决议；处理本人的待办事项",
               "See joint meetings, agendas and non-confidential minutes and decisions; work on one's own action items",
               default_roles=EVERYONE),
    Permission(MEETINGS_MANAGE, "组织会议", "Organise meetings",
               "创建例会、安排会议、登记出席、记录纪要与决议、分派待办事项",
               "Create series, schedule meetings, record attendance, minutes and decisions, assign action items",
               default_roles=("admin", "finance", "business", "manager")),
    Permission(MEETINGS_APPROVE, "审批会议纪要", "Approve minutes", "审批会议纪要并结束会议",
               "Approve minutes and close meetings", default_roles=("admin", "manager")),
    Permission(MEETINGS_OVERSEE, "督办下属事项", "Oversee one's departments",
               "查看本部门及下级部门人员参加的保密会议纪要，调整他们的待办事项",
               "Read the confidential minutes of meetings one's own and lower departments' people attend; "
               "change their action items", default_roles=("manager",)),
)
