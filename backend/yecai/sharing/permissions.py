"""Permissions of information sharing, and which built-in roles hold them by default."""

from yecai.manifest import Permission
from yecai.org.permissions import EVERYONE

SHARING_READ = "sharing.read"
SHARING_MANAGE = "sharing.manage"
SHARING_EVALUATE = "sharing.evaluate"

PERMISSIONS = (
    Permission(SHARING_READ, "查看信息共享", "View shared information",
               "查看发给本人的发布并确认、反馈；负责或协助的共享规则按时发布、答复反馈",
               "See, acknowledge and give feedback on publications sent to one; publish and answer for the sharing "
               "rules one is responsible for or deputy of", default_roles=EVERYONE),
    Permission(SHARING_MANAGE, "管理共享规则", "Manage sharing rules",
               "创建、修改、归档共享规则；查看所有规则、发布和考评；代负责人发布和答复",
               "Create, change and archive sharing rules; see every rule, publication and figure; publish and "
               "answer in a responsible person's stead",
               default_roles=("admin",)),
    Permission(SHARING_EVALUATE, "查看共享考评", "Evaluate sharing",
               "查看本部门及下级部门的信息共享考评（按时率、缺报、确认率、反馈）",
               "See the sharing figures (on-time rate, missed, acknowledgements, feedback) of one's own and lower "
               "departments", default_roles=("admin", "manager")),
)
