"""Error codes of business operations."""

from yecai.errors import ErrorSpec

CODE_TAKEN = ErrorSpec("CODE_TAKEN", "编码已被使用", "This code is already taken")
INSUFFICIENT_STOCK = ErrorSpec("INSUFFICIENT_STOCK", "库存不足", "Not enough stock")
OVER_DELIVERY = ErrorSpec("OVER_DELIVERY", "发货数量超过未发数量", "More than what remains to deliver")
OVER_RETURN = ErrorSpec("OVER_RETURN", "退货数量超过可退数量", "More than what can be returned")
WRONG_STATE = ErrorSpec("WRONG_STATE", "单据当前状态不允许此操作", "The document's state does not allow this")
DUPLICATE_INVOICE = ErrorSpec("DUPLICATE_INVOICE", "供应商发票号重复", "This supplier invoice number was already used")
OTHER_DEPARTMENT = ErrorSpec("OTHER_DEPARTMENT", "只能处理本部门的单据", "Only documents of your own department")
INACTIVE = ErrorSpec("INACTIVE", "资料已停用", "This record is inactive")
OVER_PAYMENT = ErrorSpec("OVER_PAYMENT", "金额超过未结金额", "More than the open amount")
SELF_APPROVAL = ErrorSpec("SELF_APPROVAL", "不能审批自己的报销", "You cannot approve your own claim")
IDEMPOTENCY_KEY_REUSED = ErrorSpec("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一笔不同的请求",
                                   "This idempotency key was used for a different request")
IDEMPOTENCY_KEY_IN_USE = ErrorSpec("IDEMPOTENCY_KEY_IN_USE", "使用该幂等键的请求正在处理或已失效，请稍后重试或换一个键",
                                   "A request with this idempotency key is under way; retry later or use another key")
IDEMPOTENCY_ERRORS = (IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE)
