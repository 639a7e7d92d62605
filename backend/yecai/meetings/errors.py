"""Error codes of joint meetings."""

from yecai.errors import ErrorSpec

WRONG_STATE = ErrorSpec("WRONG_STATE", "会议当前状态不允许此操作", "The meeting's state does not allow this")
MINUTES_LOCKED = ErrorSpec("MINUTES_LOCKED", "会议纪要已审批锁定，只能以修订方式更改",
                           "The minutes are approved and locked; change them as an amendment")
MINUTES_EMPTY = ErrorSpec("MINUTES_EMPTY", "会议纪要为空，不能审批", "The minutes are empty and cannot be approved")
STALE_VERSION = ErrorSpec("STALE_VERSION", "会议纪要已被他人更新，请刷新后再保存",
                          "Someone saved the minutes meanwhile; reload before saving")
