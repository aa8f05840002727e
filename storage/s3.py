"""An S3-compatible bucket (AWS S3, MinIO, R2...) that every machine shares:
MEDIA_STORE=s3://bucket[/prefix], with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_REGION and AWS_ENDPOINT_URL (unset ones: botocore's own chain, e.g. an instance role).

    <prefix>/media/<sha256>          the media store (photos, thumbnails, voice notes)
    <prefix>/exports/<id>/<file>     the export folder (bot/outbox/export.py)
    <prefix>/exports/products.csv

A PUT is whole or not at all, so a key never holds half a file. Writing a file that is
already there writes it again: the same bytes, one request like a check would be, and
its LastModified moves to now, which is what keeps `gc` off an old orphan that a new
row is about to reference (the local store touches the file for the same reason).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from botocore.exceptions import ClientError

# Bucket names as S3 allows them (3-63 of a-z 0-9 . -, a letter or digit at both ends).
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MISSING = {"404", "NoSuchKey", "NotFound"}
CONTENT_TYPES = {"jpg": "image/jpeg", "json": "application/json",
                 "csv": "text/csv; charset=utf-8"}


def parse_url(url: str) -> tuple[str, str]:
    """`s3://bucket[/prefix]` as (bucket, prefix without slashes at the ends)."""
    if not url.startswith("s3://"):
        raise ValueError("must be empty (local disk) or s3://bucket[/prefix]")
    bucket, _, prefix = url.removeprefix("s3://").partition("/")
    if not _BUCKET.fullmatch(bucket):
        raise ValueError("the bucket name must be 3-63 of a-z 0-9 . - (s3://bucket[/prefix])")
    return bucket, prefix.strip("/")


class Bucket:
    """One bucket, under a prefix, through one client; keys are relative to the prefix.
    A key that is not there raises FileNotFoundError, as a missing local file does."""

    def __init__(self, client: Any, bucket: str, prefix: str = ""):
        self.client, self.bucket = client, bucket
        self.prefix = prefix + "/" if prefix else ""

    def url(self, key: str) -> str:
        return f"s3://{self.bucket}/{self.prefix}{key}"

    async def put(self, key: str, data: bytes, content_type: str | None = None) -> None:
        extra = {"ContentType": content_type} if content_type else {}
        await self.client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data,
                                     **extra)

    async def get(self, key: str) -> bytes:
        try:
            answer = await self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)
        except ClientError as error:
            if _missing(error):
                raise FileNotFoundError(f"{self.url(key)} is not there") from error
            raise
        async with answer["Body"] as body:
            return await body.read()

    async def modified(self, key: str) -> datetime | None:
        """When the key was last written, None when it is not there."""
        try:
            answer = await self.client.head_object(Bucket=self.bucket, Key=self.prefix + key)
        except ClientError as error:
            if _missing(error):
                return None
            raise
        return answer["LastModified"]

    async def listing(self, folder: str) -> AsyncIterator[tuple[str, datetime]]:
        """(key, LastModified) of every key under `folder/`, at any depth."""
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{self.prefix}{folder}/")
        async for page in pages:
            for item in page.get("Contents", ()):
                yield item["Key"].removeprefix(self.prefix), item["LastModified"]

    async def delete(self, key: str) -> None:
        await self.client.delete_object(Bucket=self.bucket, Key=self.prefix + key)


def _missing(error: ClientError) -> bool:
    return str(error.response.get("Error", {}).get("Code")) in _MISSING


@asynccontextmanager
async def open_bucket(url: str, *, endpoint_url: str | None = None, region: str | None = None,
                      access_key_id: str | None = None,
                      secret_access_key: str | None = None) -> AsyncIterator[Bucket]:
    """The bucket of `url` (s3://bucket[/prefix]) through a client open for the block."""
    # Here, not at the top: it takes 0.4 s to import, and only an S3 setup needs it.
    from aiobotocore.config import AioConfig
    from aiobotocore.session import get_session

    bucket, prefix = parse_url(url)
    # Fail in seconds rather than hang a webhook; botocore retries a throttled or dropped
    # request itself ("standard": 3 tries with backoff).
    config = AioConfig(connect_timeout=5, read_timeout=30,
                       retries={"max_attempts": 3, "mode": "standard"})
    async with get_session().create_client(
            "s3", endpoint_url=endpoint_url or None, region_name=region or None,
            aws_access_key_id=access_key_id or None,
            aws_secret_access_key=secret_access_key or None, config=config) as client:
        yield Bucket(client, bucket, prefix)


class S3MediaStore:
    """storage.media.MediaStore in a bucket: `media/<sha256>`."""

    def __init__(self, bucket: Bucket):
        self.bucket = bucket

    async def put(self, sha256: str, data: bytes) -> None:
        await self.bucket.put(f"media/{sha256}", data)  # again if there: its age is reset

    async def open(self, sha256: str) -> bytes:
        return await self.bucket.get(f"media/{sha256}")

    async def exists(self, sha256: str) -> bool:
        return await self.bucket.modified(f"media/{sha256}") is not None

    async def stale(self, cutoff: float) -> list[str]:
        return [key async for key, modified in self.bucket.listing("media")
                if _SHA256.fullmatch(key.removeprefix("media/"))
                and modified.timestamp() < cutoff]

    async def remove_stale(self, keys: list[str], cutoff: float) -> int:
        """Each key is looked at again just before it goes: one a `put` wrote since the
        listing is kept. S3 has no rename to move it aside first (as the local store
        does), so a `put` landing between that look and the delete, a round trip, is
        not seen: only an orphan older than the window, sent again in that instant."""
        removed = 0
        for key in keys:
            modified = await self.bucket.modified(key)
            if modified is not None and modified.timestamp() < cutoff:
                await self.bucket.delete(key)
                removed += 1
        return removed

    async def forget(self, sha256: str, cutoff: float) -> bool:
        return await self.remove_stale([f"media/{sha256}"], cutoff) == 1


class S3ExportFolder:
    """storage.exports.ExportFolder in a bucket: `exports/...`."""

    def __init__(self, bucket: Bucket):
        self.bucket = bucket

    async def write(self, name: str, data: bytes) -> None:
        await self.bucket.put(f"exports/{name}", data,
                              CONTENT_TYPES.get(name.rsplit(".", 1)[-1]))

    async def read(self, name: str) -> bytes:
        return await self.bucket.get(f"exports/{name}")

    async def names(self, folder: str) -> list[str]:
        start = f"exports/{folder}/"
        return [key.removeprefix(start) async for key, _ in self.bucket.listing(start[:-1])
                if "/" not in key.removeprefix(start)]

    async def remove(self, name: str) -> None:
        await self.bucket.delete(f"exports/{name}")

    def where(self, name: str) -> str:
        return self.bucket.url(f"exports/{name}")
