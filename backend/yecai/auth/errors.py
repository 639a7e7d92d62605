"""Error codes of identity and access."""

from yecai.errors import ErrorSpec

INVALID_CREDENTIALS = ErrorSpec("INVALID_CREDENTIALS", "用户名或密码错误", "Wrong username or password")
TOO_MANY_ATTEMPTS = ErrorSpec(
    "TOO_MANY_ATTEMPTS", "登录失败次数过多，请稍后再试", "Too many failed sign-ins; please try again later"
)
USERNAME_TAKEN = ErrorSpec("USERNAME_TAKEN", "用户名已被使用", "This username is already taken")
ROLE_CODE_TAKEN = ErrorSpec("ROLE_CODE_TAKEN", "角色编码已被使用", "This role code is already taken")
UNKNOWN_PERMISSION = ErrorSpec("UNKNOWN_PERMISSION", "权限不存在", "Unknown permission")
BUILTIN_ROLE = ErrorSpec("BUILTIN_ROLE", "内置角色不能删除", "Built-in roles cannot be deleted")
ROLE_IN_USE = ErrorSpec("ROLE_IN_USE", "角色仍有用户使用，不能删除", "The role is still assigned to users")
SELF_CHANGE = ErrorSpec(
    "SELF_CHANGE", "不能对自己的账号执行此操作", "You cannot do this to your own account"
)
WRONG_PASSWORD = ErrorSpec("WRONG_PASSWORD", "当前密码不正确", "The current password is wrong")
TOKEN_REVOKED = ErrorSpec("TOKEN_REVOKED", "令牌已被吊销", "The token is already revoked")
