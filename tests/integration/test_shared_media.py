"""Two machines, one database and one S3 bucket (MEDIA_STORE=s3://...; a real S3-protocol
server on loopback, tests/fakes/s3.py), each with its own empty var dir: what one
machine took in, the other serves, reviews and exports. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import re

import pytest

from bot.app import create_app
from bot.cli import main
from bot.runtime import open_runtime
from bot.signing import Signer
from storage import submissions
from tests.helpers import Owner
from tests.integration.test_admin import Desk, add_user
from tests.integration.test_storefront import approve, onboard, status_is, until, working


def machine(settings, s3, name: str):
    """One machine's settings: its own var dir and media root (left empty), the shared
    database, bucket and SECRET_KEY."""
    local = settings.var_dir / name
    return settings.model_copy(update={
        **s3.settings(), "var_dir": local, "media_root": local / "media",
        "spool_dir": local / "spool", "embedded_worker": False, "storefront_api_url": None})


@pytest.fixture
async def machines(aiohttp_client, settings, db, s3_store_url):
    a, b = machine(settings, s3_store_url, "a"), machine(settings, s3_store_url, "b")
    site_a = await aiohttp_client(create_app(a, db))
    site_b = await aiohttp_client(create_app(b, db))
    return (a, site_a), (b, site_b)


def bucket_keys(s3_server, target) -> dict[str, bytes]:
    s3 = s3_server.client()
    listed = s3.list_objects_v2(Bucket=target.bucket).get("Contents", [])
    return {item["Key"].removeprefix(target.prefix + "/"):
            s3.get_object(Bucket=target.bucket, Key=item["Key"])["Body"].read()
            for item in listed}


def files_under(path) -> list[str]:
    return [str(p) for p in path.rglob("*") if p.is_file()] if path.exists() else []


async def test_a_photo_taken_in_by_one_machine_is_served_and_exported_by_the_other(
        machines, db, s3_server, s3_store_url, monkeypatch, capsys):
    (a, site_a), (b, site_b) = machines
    await onboard(Owner(site_a), "Coopérative Tifawin", photos=(1, 2))
    (sid,) = await approve(db)
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
    photos = [m for m in view.products[0].media if m.kind == "photo"]
    stored = bucket_keys(s3_server, s3_store_url)
    for m in photos:  # in the bucket, not on machine A's disk
        assert hashlib.sha256(stored[f"media/{m.sha256}"]).hexdigest() == m.sha256
        assert f"media/{m.thumbnail_sha256}" in stored
    assert files_under(a.media_root) == []

    # The link machine A would hand out (a storefront body's, say) works on machine B.
    link = Signer(a.secret, a.public_base_url).media_url(photos[0].sha256)
    response = await site_b.get(link.removeprefix(a.public_base_url))
    assert response.status == 200 and response.content_type == "image/jpeg"
    assert await response.read() == stored[f"media/{photos[0].sha256}"]
    assert response.headers["Cache-Control"] == "private, max-age=3600"
    etag = response.headers["ETag"]
    again = await site_b.get(link.removeprefix(a.public_base_url),
                             headers={"If-None-Match": etag})
    assert again.status == 304  # a browser's second look costs no read of the bucket
    forged = link[:-4] + "0000"
    assert (await site_b.get(forged.removeprefix(a.public_base_url))).status == 403

    # The review page on machine B shows machine A's photos.
    await add_user(db, "amina@tijara.ma")
    desk = Desk(site_b)
    await desk.login("amina@tijara.ma")
    page = await desk.text(f"/admin/submissions/{sid}")
    links = re.findall(r'<img src="(/media/[0-9a-f]{64}\?exp=\d+&amp;sig=[0-9a-f]+)"', page)
    assert len(links) == 2
    for thumb in links:
        image = await site_b.get(thumb.replace("&amp;", "&"))
        assert image.status == 200 and image.content_type == "image/jpeg"

    # Machine B's worker exports the submission: to the bucket, with A's photos.
    async with open_runtime(b, db=db, channels=False) as rt, working(db, rt.handlers):
        await until(status_is(db, sid, "exported"))
    stored = bucket_keys(s3_server, s3_store_url)
    document = json.loads(stored[f"exports/{sid}/submission.json"])
    images = document["products"][0]["images"]
    assert [i["file"] for i in images] == ["1-1.jpg", "1-2.jpg"]
    for image in images:
        assert hashlib.sha256(stored[f"exports/{sid}/{image['file']}"]).hexdigest() \
            == image["sha256"]
        served = await site_a.get(image["url"].removeprefix(b.public_base_url))
        assert served.status == 200 and await served.read() == stored[
            f"exports/{sid}/{image['file']}"]
    rows = list(csv.DictReader(io.StringIO(stored["exports/products.csv"].decode())))
    assert [(r["sku"], r["images"]) for r in rows] == [
        (f"tijara-{sid}-1", f"{sid}/1-1.jpg;{sid}/1-2.jpg")]
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
    assert view.submission.status == "exported"
    assert files_under(a.var_dir) == [] and files_under(b.var_dir / "exports") == []

    # `tijara media gc` on the bucket: every file is referenced (and new), none goes.
    for name, value in {**s3_store_url.env(), "DATABASE_URL": b.database_url,
                        "SECRET_KEY": "test-secret", "VAR_DIR": str(b.var_dir)}.items():
        monkeypatch.setenv(name, value)
    assert await asyncio.to_thread(main, ["media", "gc"]) == 0  # a loop of its own
    assert capsys.readouterr().out == "0 orphan files removed\n"
    assert bucket_keys(s3_server, s3_store_url).keys() == stored.keys()
