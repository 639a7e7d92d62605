"""The text of an attachment, for search: PDF (pypdf), Word (python-docx), Excel (openpyxl, read-only), text, XML.

Bounded: at most ``max_chars`` characters, and the reading stops between pages, paragraphs or rows once
``seconds`` have passed, so a hostile or huge file costs at most about that much. A file that cannot be
read (damaged, encrypted) simply has no text: it is still a valid attachment.
"""

from __future__ import annotations

import logging
import re
import time
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from yecai.attachments import detect as d

log = logging.getLogger("yecai.attachments")

_SPACE = re.compile(r"[ \t\r\f\v]+")
_TAG = re.compile(r"<[^>]*>")


def extract_text(path: Path, detected: d.Detected, *, max_chars: int, seconds: float) -> str | None:
    """Up to ``max_chars`` characters of the file's text, or None when it has none that we read."""
    reader = _READERS.get(detected.content_type)
    if reader is None:
        return None
    deadline = time.monotonic() + seconds
    parts: list[str] = []
    total = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # libraries warn about odd files; the text is what matters
            for piece in reader(path, detected):
                piece = _SPACE.sub(" ", piece).strip()
                if piece:
                    parts.append(piece)
                    total += len(piece) + 1
                if total >= max_chars or time.monotonic() > deadline:
                    break
    except Exception:  # a damaged file is kept without text, whatever the library raises
        log.info("attachments: no text read from a %s file", detected.content_type, exc_info=True)
    text = "\n".join(parts)[:max_chars]
    return text or None


def _pdf(path: Path, detected: d.Detected) -> Iterator[str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        return
    for page in reader.pages:
        yield page.extract_text() or ""


def _docx(path: Path, detected: d.Detected) -> Iterator[str]:
    import docx

    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            yield " ".join(cell.text for cell in row.cells)


def _xlsx(path: Path, detected: d.Detected) -> Iterator[str]:
    from openpyxl import load_workbook

    # An open file, not a path: openpyxl refuses paths that do not end in .xlsx, and stored files have no name.
    with path.open("rb") as f:
        workbook = load_workbook(f, read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                yield sheet.title
                for row in sheet.iter_rows(values_only=True):
                    yield " ".join(str(v) for v in row if v is not None)
        finally:
            workbook.close()


def _lines(path: Path, detected: d.Detected) -> Iterable[str]:
    with path.open("r", encoding=detected.charset or "utf-8", errors="replace") as f:
        yield from f


def _xml(path: Path, detected: d.Detected) -> Iterator[str]:
    # Tags stripped line by line (no XML parser: no entity expansion, no external references).
    for line in _lines(path, detected):
        yield _TAG.sub(" ", line)


_READERS = {d.PDF: _pdf, d.DOCX: _docx, d.XLSX: _xlsx, d.TEXT: _lines, d.XML: _xml}
