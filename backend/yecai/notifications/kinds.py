"""The kinds of notification this domain sends itself, about the domains below it."""

from yecai.notifiable import EMAIL, PORTAL, NotificationKind

EXPENSE_CLAIM_PAID = NotificationKind(
    "expense_claim_paid", "报销已付款", "Expense claim paid",
    "财务支付了您的费用报销", "Finance paid one of your expense claims",
    default_channels=(PORTAL, EMAIL))

KINDS = (EXPENSE_CLAIM_PAID,)
