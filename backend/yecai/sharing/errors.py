"""Error codes of information sharing."""

from yecai.errors import ErrorSpec

WRONG_STATE = ErrorSpec("WRONG_STATE", "当前状态不允许此操作", "The current state does not allow this")
ALREADY_PUBLISHED = ErrorSpec("ALREADY_PUBLISHED", "该时间节点已发布", "This time node is already published")
RULE_ARCHIVED = ErrorSpec("RULE_ARCHIVED", "共享规则已归档", "The sharing rule is archived")
ALREADY_ANSWERED = ErrorSpec("ALREADY_ANSWERED", "该反馈已答复", "This feedback is already answered")
