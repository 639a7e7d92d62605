"""Error codes of certificates."""

from yecai.errors import ErrorSpec

ALREADY_REVOKED = ErrorSpec("ALREADY_REVOKED", "证书已撤销", "The certificate is already revoked")
