"""Permissions of certificates, and which built-in roles hold them by default."""

from yecai.manifest import Permission

CERTIFICATES_READ_ALL = "certificates.read_all"
CERTIFICATES_ISSUE = "certificates.issue"
CERTIFICATES_REVOKE = "certificates.revoke"
CERTIFICATES_OVERSEE = "certificates.oversee"

PERMISSIONS = (
    Permission(CERTIFICATES_READ_ALL, "查看全部证书", "View all certificates", "查看和下载所有人的证书",
               "See and download everyone's certificates", default_roles=("admin", "hr")),
    Permission(CERTIFICATES_ISSUE, "颁发证书", "Issue certificates", "为员工颁发荣誉证书和培训结业证书",
               "Issue honour and training completion certificates to people", default_roles=("admin", "hr")),
    Permission(CERTIFICATES_REVOKE, "撤销证书", "Revoke certificates", "撤销已颁发的证书（需填写原因）",
               "Revoke an issued certificate, with a reason", default_roles=("admin", "hr")),
    Permission(CERTIFICATES_OVERSEE, "查看下属证书", "See one's departments' certificates",
               "查看和下载本部门及下级部门人员的证书",
               "See and download the certificates of the people of one's own and lower departments",
               default_roles=("manager",)),
)
