"""Error codes of the organisation."""

from yecai.errors import ErrorSpec

DEPARTMENT_CODE_TAKEN = ErrorSpec("DEPARTMENT_CODE_TAKEN", "部门编码已被使用", "This department code is already taken")
DEPARTMENT_CYCLE = ErrorSpec(
    "DEPARTMENT_CYCLE", "上级部门不能是本部门或其下级部门", "A department cannot sit under itself or its descendants"
)
DEPARTMENT_NOT_EMPTY = ErrorSpec(
    "DEPARTMENT_NOT_EMPTY", "部门下仍有下级部门或人员，不能删除", "The department still has sub-departments or members"
)
DEPARTMENT_IN_USE = ErrorSpec(
    "DEPARTMENT_IN_USE", "部门已被单据或凭证使用，不能删除，可改为停用", "Documents or vouchers refer to the department; deactivate it instead"
)
