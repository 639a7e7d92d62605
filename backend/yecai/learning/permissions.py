"""Permissions of learning, and which built-in roles hold them by default."""

from yecai.manifest import Permission
from yecai.org.permissions import EVERYONE

LEARNING_READ = "learning.read"
LEARNING_AUTHOR = "learning.author"
LEARNING_MANAGE = "learning.manage"
LEARNING_EVALUATE = "learning.evaluate"

PERMISSIONS = (
    Permission(LEARNING_READ, "参加培训", "Take training",
               "浏览适合本人的课程，报名学习、完成课时、参加测验；查看本人的学习记录",
               "Browse the courses that suit one, enrol, finish lessons and take quizzes; see one's own learning",
               default_roles=EVERYONE),
    Permission(LEARNING_AUTHOR, "编写课程", "Author courses",
               "创建课程并编写其章节、课时和测验；审核人发布课程",
               "Create courses and write their chapters, lessons and quizzes; a course's reviewer publishes it",
               default_roles=("admin", "hr", "finance")),
    Permission(LEARNING_MANAGE, "管理培训", "Manage training",
               "查看、发布所有课程；向部门或角色指派必修课程；设置学习路径；查看全部学习统计",
               "See and publish every course; assign required courses to departments or roles; set learning "
               "paths; see every learning figure", default_roles=("admin", "hr")),
    Permission(LEARNING_EVALUATE, "查看学习统计", "Evaluate learning",
               "查看本部门及下级部门的完成率、逾期必修课程和测验结果",
               "See completion rates, overdue required courses and quiz results of one's own and lower departments",
               default_roles=("admin", "hr", "manager")),
)
