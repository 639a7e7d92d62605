"""Permissions of the organisation: the directory of people and the department tree."""

from yecai.manifest import Permission

ORG_READ = "org.read"
ORG_MANAGE_USERS = "org.manage_users"
ORG_MANAGE_DEPARTMENTS = "org.manage_departments"

EVERYONE = ("admin", "finance", "business", "hr", "manager", "staff", "auditor")

PERMISSIONS = (
    Permission(ORG_READ, "查看组织", "View organisation", "查看人员通讯录和部门", "See the people directory and departments",
               default_roles=EVERYONE),
    Permission(ORG_MANAGE_USERS, "管理用户", "Manage users", "创建、编辑、停用用户，重置密码",
               "Create, edit and deactivate users; reset passwords", default_roles=("admin",)),
    Permission(ORG_MANAGE_DEPARTMENTS, "管理部门", "Manage departments", "维护部门树", "Maintain the department tree",
               default_roles=("admin",)),
)
