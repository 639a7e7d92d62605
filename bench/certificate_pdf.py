"""Benchmark: a certificate's PDF, beside bare WeasyPrint on the same HTML.

Issues a certificate in a fresh SQLite database (migrated by Alembic), then times, alternately, R runs of:

- what ``GET /certificates/{code}.pdf`` does: checking the code's HMAC, loading the certificate, the holder's
  department chain (the policy) and name, drawing the QR code (segno, inline SVG), building the print HTML
  and rendering it (``document.certificate_document`` + ``document.pdf_of``);
- bare ``weasyprint.HTML(string=html).write_pdf()`` on the very HTML the first produced.

Prints the median of each and the ratio (target at most 1.1x). Figures vary with the machine.

    .venv/bin/python bench/certificate_pdf.py [--runs R]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader
from weasyprint import HTML

from yecai.actor import system_actor
from yecai.audit.keys import load_keyring, use_keyring
from yecai.auth.models import User
from yecai.certificates import codes, document, service
from yecai.db import make_engine, make_session_factory
from yecai.migrate import upgrade
from yecai.org.models import Department, DepartmentKind
from yecai.settings import Settings

BASE_URL = "https://portal.example.com"


async def build(url: str) -> tuple[str, int]:
    engine = make_engine(url)
    await upgrade(engine)
    sessions = make_session_factory(engine)
    async with sessions() as session:
        top = Department(code="GM", name="总经理办公室", kind=DepartmentKind.EXECUTIVE)
        session.add(top)
        await session.flush()
        sales = Department(code="SALES", name="销售部", kind=DepartmentKind.BUSINESS, parent_id=top.id)
        session.add(sales)
        await session.flush()
        holder = User(username="bench.holder", display_name="张晓明", department_id=sales.id)
        session.add(holder)
        await session.flush()
        cert = await service.issue_certificate(session, actor=system_actor("bench"), kind="HONOUR",
                                               holder_id=holder.id, title="年度优秀员工", issuer="业财融合门户人力资源部")
        await session.commit()
        code, holder_id = cert.code, holder.id
    await engine.dispose()
    return code, holder_id


async def ours(url: str, code: str, actor_id: int) -> tuple[float, float, bytes, str]:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    async with sessions() as session:
        from yecai.auth.service import actor_for

        actor = await actor_for(session, await session.get(User, actor_id))
        started = time.perf_counter()
        doc = await document.certificate_document(session, actor=actor, code=code, base_url=BASE_URL)
        prepared = time.perf_counter() - started
        pdf = document.pdf_of(doc.html)
        elapsed = time.perf_counter() - started
        await session.rollback()
    await engine.dispose()
    return elapsed, prepared, pdf, doc.html


def bare(html: str) -> float:
    started = time.perf_counter()
    HTML(string=html).write_pdf()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yecai-bench-cert-") as tmp:
        settings = Settings(data_dir=Path(tmp))
        use_keyring(load_keyring(settings))  # keys in the temporary directory, never ./var
        codes.use_key(codes.key_of(settings))
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
        code, holder_id = asyncio.run(build(url))  # the holder downloads their own
        _, _, pdf, html = asyncio.run(ours(url, code, holder_id))  # warm-up: fonts, pango, imports
        bare(html)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        ours_times, prepare_times, bare_times = [], [], []
        for _ in range(args.runs):
            total, prepared, _, _ = asyncio.run(ours(url, code, holder_id))
            ours_times.append(total)
            prepare_times.append(prepared)
            bare_times.append(bare(html))
    o, b = statistics.median(ours_times), statistics.median(bare_times)
    print(f"certificate PDF: {pages} page (A4 landscape), {len(pdf) / 1024:.0f} KiB, {args.runs} runs each (median)")
    print(f"  certificate_document + pdf_of (check + load + QR + HTML + render): {o * 1000:8.1f} ms")
    print(f"    of which check + load + QR + HTML, before rendering:           "
          f"{statistics.median(prepare_times) * 1000:8.1f} ms")
    print(f"  bare WeasyPrint on the same HTML:                                {b * 1000:8.1f} ms")
    print(f"  ratio: {o / b:.3f}x (target <= 1.1x)")


if __name__ == "__main__":
    main()
