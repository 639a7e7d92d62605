"""A certificate as a PDF: one A4 landscape page rendered by WeasyPrint with the CJK font the project installs
(fonts-noto-cjk), carrying its verification code and a QR code (segno, as inline SVG) that opens the public
verification page ``<public URL>/verify/<code>``."""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from urllib.parse import quote

import segno
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import Actor
from yecai.auth.models import User
from yecai.certificates import codes, service
from yecai.certificates.models import Certificate, CertificateKind, CertificateState

STYLE = """
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #3a2a12; }
.sheet { position: relative; box-sizing: border-box; width: 297mm; height: 210mm; padding: 12mm; }
.frame { box-sizing: border-box; height: 100%; border: 3mm double #b8892b; padding: 14mm 22mm 10mm;
  position: relative; }
h1 { font-size: 40pt; letter-spacing: 10mm; text-align: center; color: #a3201c; margin: 4mm 0 10mm; }
.holder { font-size: 20pt; margin: 0 0 6mm; }
.holder b { font-size: 24pt; border-bottom: 0.4mm solid #3a2a12; padding: 0 4mm; }
.body { font-size: 17pt; line-height: 1.9; text-indent: 2em; margin: 0; }
.title { font-weight: bold; }
.sign { position: absolute; right: 26mm; bottom: 30mm; text-align: center; font-size: 15pt; line-height: 1.8; }
.verify { position: absolute; left: 20mm; bottom: 12mm; font-family: "Noto Sans CJK SC", sans-serif;
  font-size: 8.5pt; color: #555; display: flex; align-items: flex-end; }
.verify svg { width: 30mm; height: 30mm; margin-right: 4mm; }
.code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; color: #333; }
.revoked { position: absolute; top: 70mm; left: 0; right: 0; text-align: center; font-size: 60pt; color: rgba(200,0,0,.35);
  transform: rotate(-18deg); font-family: "Noto Sans CJK SC", sans-serif; font-weight: bold; }
"""


def _e(value: object) -> str:
    return html_lib.escape(str(value or ""))


def verify_url(base_url: str, code: str) -> str:
    """The absolute address of a code's public verification page."""
    return f"{base_url.rstrip('/')}/verify/{quote(code)}"


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as inline SVG (error correction M, the standard quiet zone of four modules)."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=4, border=4, dark="#000", light="#fff")


def wording(certificate: Certificate) -> str:
    """The certificate's text: its citation, or the kind's own words around its title."""
    if certificate.citation:
        return _e(certificate.citation)
    title = f"<span class='title'>“{_e(certificate.title)}”</span>"
    if certificate.kind == CertificateKind.TRAINING:
        return f"已完成{title}培训，经考核合格，准予结业，特发此证。"
    return f"在工作中表现突出，荣获{title}称号，特发此证，以资鼓励。"


def render_html(certificate: Certificate, holder_name: str, url: str) -> str:
    """The certificate's print page."""
    day = certificate.issued_on
    kind = service.KIND_LABELS[certificate.kind]
    revoked = "<div class='revoked'>已撤销</div>" if certificate.state == CertificateState.REVOKED else ""
    return (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{_e(kind)} {_e(certificate.title)}"
            f"</title><style>{STYLE}</style></head><body><div class='sheet'><div class='frame'>"
            f"<h1>{kind}</h1>"
            f"<p class='holder'><b>{_e(holder_name)}</b> 同志：</p>"
            f"<p class='body'>{wording(certificate)}</p>"
            f"<div class='sign'>{_e(certificate.issuer)}<br>{day.year}年{day.month}月{day.day}日</div>"
            f"<div class='verify'>{qr_svg(url)}<div>扫码或访问以下地址核验<br>{_e(url)}<br>"
            f"证书编号 <span class='code'>{codes.grouped(certificate.code)}</span></div></div>"
            f"{revoked}</div></div></body></html>")


def pdf_of(html: str) -> bytes:
    """Render print HTML with WeasyPrint (imported here: it loads pango on first use)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


@dataclass(frozen=True)
class CertificateDocument:
    certificate: Certificate
    holder_name: str
    html: str


async def certificate_document(session: AsyncSession, *, actor: Actor, code: str,
                               base_url: str) -> CertificateDocument:
    """A certificate's print page, for its holder, their managers and HR."""
    certificate = await service.certificate_by_code(session, actor=actor, code=code)
    holder = await session.get(User, certificate.holder_id)
    name = holder.display_name if holder else ""
    return CertificateDocument(certificate, name, render_html(certificate, name, verify_url(base_url,
                                                                                         certificate.code)))
