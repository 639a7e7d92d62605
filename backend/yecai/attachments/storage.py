"""Where attachments' bytes live, named by their sha256: a directory by default, S3-compatible storage when set.

Content-addressed: the same content is stored once, under ``ab/cdef...`` (the hash's first two hex digits
as a folder). An upload is streamed into a temporary file of ``temp_dir`` first (hashed and measured on
the way) and only moved into place once it is accepted: a refused upload leaves nothing behind, and a
reader never sees half a file (a rename on the same file system is atomic; an S3 object appears whole).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

CHUNK = 256 * 1024


def key_of(sha256: str) -> str:
    return f"{sha256[:2]}/{sha256[2:]}"


class Storage(Protocol):
    temp_dir: Path

    async def put(self, sha256: str, temp: Path) -> bool:
        """Store the accepted file ``temp`` as ``sha256`` (consuming it); True when the content was new."""

    async def read(self, sha256: str) -> AsyncIterator[bytes]:
        """The stored bytes, in chunks; FileNotFoundError when there are none."""

    async def exists(self, sha256: str) -> bool: ...

    async def delete(self, sha256: str) -> None: ...

    async def stored(self) -> list[tuple[str, datetime]]:
        """Every stored content: (sha256, when it was last written, UTC)."""


class LocalStorage:
    """Files under ``root`` (``YECAI_DATA_DIR/attachments`` by default)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.temp_dir = root / "tmp"

    def path(self, sha256: str) -> Path:
        return self.root / key_of(sha256)

    async def put(self, sha256: str, temp: Path) -> bool:
        return await asyncio.to_thread(self._put, sha256, temp)

    def _put(self, sha256: str, temp: Path) -> bool:
        final = self.path(sha256)
        try:
            # Stored already: written again now, so the garbage collection spares it while the new row is not
            # committed yet.
            os.utime(final)
        except FileNotFoundError:
            pass
        else:
            temp.unlink(missing_ok=True)
            return False
        final.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(temp, final)
        return True

    async def read(self, sha256: str) -> AsyncIterator[bytes]:
        f = await asyncio.to_thread(self.path(sha256).open, "rb")
        try:
            while chunk := await asyncio.to_thread(f.read, CHUNK):
                yield chunk
        finally:
            f.close()

    async def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    async def delete(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)

    async def stored(self) -> list[tuple[str, datetime]]:
        return await asyncio.to_thread(self._stored)

    def _stored(self) -> list[tuple[str, datetime]]:
        found = []
        for folder in self.root.glob("??"):
            for f in folder.iterdir():
                if f.is_file() and len(folder.name + f.name) == 64:
                    found.append((folder.name + f.name, datetime.fromtimestamp(f.stat().st_mtime, UTC)))
        return found


class S3Storage:
    """Objects of an S3-compatible bucket (MinIO, Ceph, OSS, COS, AWS ...), through boto3 in worker threads."""

    def __init__(self, *, endpoint: str, bucket: str, key: str, secret: str, region: str | None, prefix: str,
                 temp_dir: Path) -> None:
        import boto3
        from botocore.config import Config

        self.bucket, self.prefix, self.temp_dir = bucket, prefix, temp_dir
        self.client: Any = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=key,
                                        aws_secret_access_key=secret, region_name=region or "us-east-1",
                                        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3}))

    def _key(self, sha256: str) -> str:
        return f"{self.prefix}{key_of(sha256)}"

    async def exists(self, sha256: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            await asyncio.to_thread(self.client.head_object, Bucket=self.bucket, Key=self._key(sha256))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    async def put(self, sha256: str, temp: Path) -> bool:
        try:
            if await self.exists(sha256):
                # Written again now (a copy onto itself, which S3 allows only when the metadata is replaced):
                # its LastModified is refreshed, so the garbage collection spares it while the new row is not
                # committed yet.
                key = self._key(sha256)
                await asyncio.to_thread(self.client.copy_object, Bucket=self.bucket, Key=key,
                                        CopySource={"Bucket": self.bucket, "Key": key}, MetadataDirective="REPLACE")
                return False
            await asyncio.to_thread(self.client.upload_file, str(temp), self.bucket, self._key(sha256))
            return True
        finally:
            await asyncio.to_thread(temp.unlink, missing_ok=True)

    async def read(self, sha256: str) -> AsyncIterator[bytes]:
        from botocore.exceptions import ClientError

        try:
            answer = await asyncio.to_thread(self.client.get_object, Bucket=self.bucket, Key=self._key(sha256))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                raise FileNotFoundError(sha256) from None
            raise
        body = answer["Body"]
        try:
            while chunk := await asyncio.to_thread(body.read, CHUNK):
                yield chunk
        finally:
            body.close()

    async def delete(self, sha256: str) -> None:
        await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket, Key=self._key(sha256))

    async def stored(self) -> list[tuple[str, datetime]]:
        return await asyncio.to_thread(self._stored)

    def _stored(self) -> list[tuple[str, datetime]]:
        found = []
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
            for item in page.get("Contents", []):
                sha = item["Key"][len(self.prefix):].replace("/", "")
                if len(sha) == 64:
                    found.append((sha, item["LastModified"]))
        return found


_storages: dict[tuple[Any, ...], Storage] = {}


def storage_for(settings: Any) -> Storage:
    """The storage the settings name (one per configuration and process)."""
    config = settings.attachment_storage()
    found = _storages.get(config)
    if found is None:
        kind, *rest = config
        if kind == "s3":
            endpoint, bucket, key, secret, region, prefix, temp = rest
            found = S3Storage(endpoint=endpoint, bucket=bucket, key=key, secret=secret, region=region, prefix=prefix,
                              temp_dir=temp)
        else:
            found = LocalStorage(rest[0])
        _storages[config] = found
    return found


@contextlib.contextmanager
def temp_path(storage: Storage) -> Iterator[Path]:
    """A new empty file in the storage's temp dir, removed on the way out unless ``put`` consumed it."""
    storage.temp_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="upload-", dir=storage.temp_dir)
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
