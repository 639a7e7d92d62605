"""Error codes of notifications."""

from yecai.errors import ErrorSpec

EMAIL_UNAVAILABLE = ErrorSpec("EMAIL_UNAVAILABLE", "未配置邮件服务器，无法开启邮件通知",
                              "No mail server is configured: e-mail notifications cannot be turned on")
