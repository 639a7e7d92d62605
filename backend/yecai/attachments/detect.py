"""What a file is, read from its content (libmagic, as file(1) reads it), never from its name.

libmagic (through python-magic) knows PDF, PNG, JPEG, text and XML by their bytes and Office Open XML by
its first zip entries; a zip is then opened to tell Word, Excel and OFD (版式文档, GB/T 33190: a zip whose
root holds ``OFD.xml``) apart and to confirm what libmagic guessed, since any zip may carry such names
at its start. Anything else (an executable, HTML, a script, an archive) is refused.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import magic

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
OFD = "application/ofd"
XML = "application/xml"
TEXT = "text/plain"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ALLOWED = (PDF, PNG, JPEG, OFD, XML, DOCX, XLSX, TEXT)
# What the allow-list reads as, for messages: 允许 PDF、PNG ...
LABELS = {PDF: "PDF", PNG: "PNG", JPEG: "JPEG", OFD: "OFD", XML: "XML", DOCX: "Word (.docx)",
          XLSX: "Excel (.xlsx)", TEXT: "TXT"}

_ZIPS = {"application/zip", "application/x-zip-compressed", DOCX, XLSX, "application/octet-stream"}
_XMLS = {"text/xml", "application/xml"}


@dataclass(frozen=True)
class Detected:
    content_type: str  # one of ALLOWED, or what libmagic said when it is not allowed
    charset: str | None = None  # for text and XML: utf-8, gb18030 ...

    @property
    def allowed(self) -> bool:
        return self.content_type in ALLOWED

    @property
    def header(self) -> str:
        """The Content-Type a download answers with."""
        return f"{self.content_type}; charset={self.charset}" if self.charset else self.content_type


def detect(path: Path) -> Detected:
    """The type of the file at ``path``, by its content."""
    found = magic.from_file(str(path), mime=True)
    if found in (PDF, PNG, JPEG):
        return Detected(found)
    if found in _ZIPS:
        return Detected(_zip_kind(path) or found)
    if found in _XMLS:
        return Detected(XML, _charset(path))
    if found == TEXT:
        charset = _charset(path)
        return Detected(TEXT, charset) if charset else Detected("application/octet-stream")
    return Detected(found)


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "OFD.xml" in names:
        return OFD
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def _charset(path: Path, probe: int = 1 << 20) -> str | None:
    """utf-8 when the start of the file is UTF-8, else gb18030 (what Chinese text that is not UTF-8 is), else None."""
    with path.open("rb") as f:
        head = f.read(probe)
    for charset in ("utf-8", "gb18030"):
        try:
            head.decode(charset)
        except UnicodeDecodeError as error:
            # A multi-byte character cut by the probe's end is not an error of the file.
            if len(head) == probe and error.start >= probe - 4:
                return charset
            continue
        return charset
    return None
