"""Error codes of the books."""

from yecai.errors import ErrorSpec

UNBALANCED = ErrorSpec("UNBALANCED", "借贷不平衡", "Debits and credits do not balance")
PERIOD_CLOSED = ErrorSpec("PERIOD_CLOSED", "会计期间已结账，不能记账", "The fiscal period is closed")
PERIOD_NOT_OPEN = ErrorSpec("PERIOD_NOT_OPEN", "会计期间未开启", "The fiscal period is not open")
ACCOUNT_INACTIVE = ErrorSpec("ACCOUNT_INACTIVE", "科目已停用", "The account is inactive")
ACCOUNT_NOT_LEAF = ErrorSpec("ACCOUNT_NOT_LEAF", "只能使用末级科目", "Only accounts without sub-accounts take entries")
ACCOUNT_CODE_TAKEN = ErrorSpec("ACCOUNT_CODE_TAKEN", "科目编码已被使用", "This account code is already taken")
DIMENSION_REQUIRED = ErrorSpec("DIMENSION_REQUIRED", "缺少必需的辅助核算", "A required dimension is missing")
WRONG_STATE = ErrorSpec("WRONG_STATE", "凭证当前状态不允许此操作", "The voucher's state does not allow this")
SAME_PREPARER = ErrorSpec("SAME_PREPARER", "审核人不能是制单人", "The reviewer must not be the preparer")
ALREADY_REVERSED = ErrorSpec("ALREADY_REVERSED", "凭证已被冲销", "The voucher is already reversed")
PERIOD_HAS_DRAFTS = ErrorSpec(
    "PERIOD_HAS_DRAFTS", "期间内还有未记账凭证，不能结账", "The period still has vouchers that are not posted"
)

# What writing a voucher (``record_voucher``) may refuse with, for whoever writes one on a caller's behalf.
RECORDING_ERRORS = (PERIOD_NOT_OPEN, PERIOD_CLOSED, DIMENSION_REQUIRED, ACCOUNT_INACTIVE, ACCOUNT_NOT_LEAF, UNBALANCED)
