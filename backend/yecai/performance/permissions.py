"""Permissions of performance, and which built-in roles hold them by default."""

from yecai.manifest import Permission
from yecai.org.permissions import EVERYONE

PERFORMANCE_READ = "performance.read"
PERFORMANCE_ASSESS = "performance.assess"
PERFORMANCE_MANAGE = "performance.manage"

PERMISSIONS = (
    Permission(PERFORMANCE_READ, "查看我的绩效", "View one's performance",
               "查看本人的考核表及其依据；自评；为同部门同事做 360 评分",
               "See one's own scorecards and their evidence; assess oneself; give colleagues of one's department "
               "360 assessments", default_roles=EVERYONE),
    Permission(PERFORMANCE_ASSESS, "评估下属绩效", "Assess one's people",
               "查看本部门及下级部门人员和部门的考核表、评分与评语，并为他们做上级评分",
               "See the scorecards, assessments and comments of the people and departments of one's own and lower "
               "departments, and assess them as their manager", default_roles=("manager",)),
    Permission(PERFORMANCE_MANAGE, "管理绩效考核", "Manage performance",
               "管理考核周期、指标库和考核模板；查看所有考核表；校准分数并发布结果",
               "Manage evaluation cycles, the indicator library and scorecard templates; see every scorecard; "
               "calibrate scores and publish the results", default_roles=("hr",)),
)
