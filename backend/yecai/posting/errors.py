"""Error codes of posting."""

from yecai.errors import ErrorSpec

RULE_UNBALANCED = ErrorSpec(
    "RULE_UNBALANCED", "规则对样例事件生成的凭证借贷不平衡", "The rule's voucher for a sample event does not balance"
)
RULE_CODE_TAKEN = ErrorSpec("RULE_CODE_TAKEN", "规则编码已被使用", "This rule code is already taken")
POSTING_FAILED = ErrorSpec("POSTING_FAILED", "记账规则无法为该单据生成凭证", "A posting rule cannot post this document")
