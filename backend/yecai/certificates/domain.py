"""Certificates (证书): honour and training completion certificates, as PDFs with a verification code."""

from yecai.certificates import demo, models, permissions
from yecai.manifest import Domain

DOMAIN = Domain(
    name="certificates", zh="证书", en="Certificates",
    models=models,
    permissions=permissions.PERMISSIONS,
    demo=demo.seed,
)
