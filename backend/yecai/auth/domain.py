"""Identity and access: users, roles built from permissions, sign-in, API tokens."""

from yecai.auth import demo, listeners, models, permissions, search
from yecai.auth.service import ensure_builtin_roles
from yecai.manifest import Domain

DOMAIN = Domain(
    name="auth", zh="身份与权限", en="Identity and access",
    models=models,
    permissions=permissions.PERMISSIONS,
    listeners=listeners.LISTENERS,
    reference_data=ensure_builtin_roles,
    demo=demo.seed,
    searchables=search.SEARCHABLES,
)
