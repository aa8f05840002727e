"""The photo pipeline: formats, limits, normalisation, metadata, advice, near-duplicates."""

from __future__ import annotations

import functools
import hashlib
import io
import struct
import zipfile
import zlib

import numpy as np
import pytest
from PIL import Image, ImageCms, ImageFile

from benchmarks.media import photograph, scene
from flows.photos import is_near_duplicate
from storage import images
from storage.images import sniff_image
from storage.media import LocalMediaStore, Refused, StoredFile, ingest_photo, inspect_photo


@functools.cache
def sharp_scene(kind: str = "tagine", seed: int = 0) -> Image.Image:
    return scene(kind, (1200, 900), seed)


def encode(img: Image.Image, fmt: str, **kwargs) -> bytes:
    out = io.BytesIO()
    img.save(out, format=fmt, **kwargs)
    return out.getvalue()


def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, first bytes of payload) of every segment before the image data."""
    assert data[:2] == b"\xff\xd8"
    segments, pos = [], 2
    while data[pos + 1] != 0xDA:
        marker, length = data[pos + 1], int.from_bytes(data[pos + 2:pos + 4], "big")
        segments.append((marker, data[pos + 4:pos + 2 + length][:16]))
        pos += 2 + length
    return segments


def png_header(width: int, height: int) -> bytes:
    """A PNG that announces width x height but carries (almost) no pixels."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))


def jpeg_header(width: int, height: int) -> bytes:
    """SOI, a baseline frame header announcing width x height, then nothing useful."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3)
    sof += b"".join(bytes([i, 0x11, 0]) for i in (1, 2, 3))
    return b"\xff\xd8" + sof + b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00"


def heif_supported() -> bool:
    try:
        encode(Image.new("RGB", (16, 16)), "HEIF")
    except (KeyError, OSError, ValueError):
        return False
    return True


async def ingest(tmp_path, data: bytes) -> tuple[StoredFile | Refused, LocalMediaStore]:
    store = LocalMediaStore(tmp_path / "media")
    return await ingest_photo(store, data), store


# --- formats and normalisation ----------------------------------------------


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "HEIF"])
async def test_each_format_becomes_a_normalised_jpeg_and_thumbnail(tmp_path, fmt):
    if fmt == "HEIF" and not heif_supported():
        pytest.skip("this pillow-heif cannot encode HEIF")
    data = encode(sharp_scene(), fmt)
    stored, store = await ingest(tmp_path, data)

    assert isinstance(stored, StoredFile), stored
    assert (stored.kind, stored.content_type) == ("photo", "image/jpeg")
    assert (stored.width, stored.height) == (1200, 900)
    assert stored.original_sha256 == hashlib.sha256(data).hexdigest()
    assert stored.original_size == len(data)
    assert not await store.exists(stored.original_sha256)  # the original is never kept
    normal = await store.open(stored.sha256)
    assert hashlib.sha256(normal).hexdigest() == stored.sha256 and stored.size == len(normal)
    with Image.open(io.BytesIO(normal)) as img:
        assert (img.format, img.mode, img.size) == ("JPEG", "RGB", (1200, 900))
    with Image.open(io.BytesIO(await store.open(stored.thumbnail_sha256))) as thumb:
        assert (thumb.format, thumb.size) == ("JPEG", (400, 300))
    assert len(stored.phash) == 16


async def test_large_jpeg_is_downscaled_with_draft(tmp_path, monkeypatch):
    from PIL import JpegImagePlugin

    real, calls = JpegImagePlugin.JpegImageFile.draft, []

    def spy(self, mode, size):
        result = real(self, mode, size)
        calls.append((size, self.size))
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    big = Image.linear_gradient("L").convert("RGB").resize((5400, 3600))
    stored = inspect_photo(encode(big, "JPEG"))  # in this process, where the spy is

    assert (stored.width, stored.height) == (2560, 1707)
    # Asked for at least DRAFT_MIN_LONG_SIDE; libjpeg then decodes at half scale.
    assert calls == [((2000, 1334), (2700, 1800))]


async def test_a_12_megapixel_phone_photo_is_decoded_at_half_scale_without_resizing(tmp_path):
    phone = Image.linear_gradient("L").convert("RGB").resize((4032, 3024))
    stored, _ = await ingest(tmp_path, encode(phone, "JPEG"))
    assert (stored.width, stored.height) == (2016, 1512)


async def test_transparent_png_is_flattened_on_white(tmp_path):
    img = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    img.paste((200, 30, 30, 255), (200, 150, 600, 450))
    stored, store = await ingest(tmp_path, encode(img, "PNG"))
    with Image.open(io.BytesIO(await store.open(stored.sha256))) as out:
        assert all(c > 245 for c in out.getpixel((5, 5)))
        r, g, b = out.getpixel((400, 300))
        assert r > 180 and g < 60 and b < 60


async def test_exif_orientation_is_applied_to_the_pixels(tmp_path):
    # Stored landscape, left half red, with "rotate 90 degrees clockwise to view" (6).
    img = Image.new("RGB", (800, 600), (20, 20, 220))
    img.paste((220, 20, 20), (0, 0, 400, 600))
    exif = Image.Exif()
    exif[0x0112] = 6
    stored, store = await ingest(tmp_path, encode(img, "JPEG", exif=exif))

    assert (stored.width, stored.height) == (600, 800)
    with Image.open(io.BytesIO(await store.open(stored.sha256))) as out:
        assert out.size == (600, 800)
        assert 0x0112 not in out.getexif()
        top, bottom = out.getpixel((300, 100)), out.getpixel((300, 700))
    assert top[0] > 180 and top[2] < 80  # the red half is now on top
    assert bottom[2] > 180 and bottom[0] < 80


async def test_all_metadata_is_removed(tmp_path):
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x013B] = "TECNO", "Spark 10", "Fatima Zahra Amrani"
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 25.0, 12.0), 3: "W", 4: (9.0, 35.0, 50.0)})
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Fatima Zahra</dc:creator></x:xmpmeta>'
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(sharp_scene(), "JPEG", exif=exif, xmp=xmp, icc_profile=icc,
                  comment=b"Atelier Fatima, Fes")
    with Image.open(io.BytesIO(data)) as check:  # the input really carries them
        assert 0x8825 in check.getexif() and "icc_profile" in check.info

    stored, store = await ingest(tmp_path, data)
    for sha in (stored.sha256, stored.thumbnail_sha256):
        out = await store.open(sha)
        segments = jpeg_segments(out)
        app = [(m, head) for m, head in segments if 0xE0 <= m <= 0xEF or m == 0xFE]
        assert app == [(0xE0, app[0][1])] and app[0][1].startswith(b"JFIF\x00")
        assert b"Fatima" not in out and b"TECNO" not in out and b"Exif" not in out
        with Image.open(io.BytesIO(out)) as img:
            assert not img.getexif() and "icc_profile" not in img.info


@functools.cache
def odd_mode(name: str) -> bytes:
    grey = Image.radial_gradient("L").resize((800, 600))  # black centre, white corners
    if name == "cmyk-jpeg":
        return encode(Image.merge("CMYK", [grey] * 3 + [Image.new("L", grey.size)]), "JPEG")
    if name == "grey-jpeg":
        return encode(grey, "JPEG")
    if name == "palette-png":
        return encode(grey.convert("RGB").convert("P"), "PNG", transparency=0)
    if name == "16-bit-png":
        return encode(Image.fromarray(np.asarray(grey, dtype=np.uint16) * 257), "PNG")
    return encode(Image.merge("LA", [grey, grey]), "PNG")  # transparent centre


@pytest.mark.parametrize(("name", "centre", "corner"), [
    ("cmyk-jpeg", None, None), ("grey-jpeg", 0, 255), ("palette-png", None, None),
    ("16-bit-png", 0, 255),  # scaled to 8 bits, not clipped to white
    ("grey-alpha-png", 255, 255),  # the transparent centre goes on white
])
def test_unusual_modes_become_rgb(name, centre, corner):
    with Image.open(io.BytesIO(images.process_photo(odd_mode(name)).normal)) as out:
        assert (out.mode, out.size) == ("RGB", (800, 600))
        if centre is not None:
            assert abs(out.getpixel((400, 300))[0] - centre) < 8
            assert abs(out.getpixel((2, 2))[0] - corner) < 8


async def test_a_broken_colour_profile_does_not_refuse_the_photo(tmp_path):
    stored, _ = await ingest(tmp_path, encode(sharp_scene(), "JPEG", icc_profile=b"junk" * 40))
    assert isinstance(stored, StoredFile)


# --- what decides the type: the bytes ----------------------------------------


async def test_a_png_named_jpg_is_read_as_a_png(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(encode(sharp_scene(), "PNG"))
    data = path.read_bytes()
    assert sniff_image(data) == "PNG"
    assert images.process_photo(data).source_type == "image/png"
    stored, _ = await ingest(tmp_path, data)
    assert isinstance(stored, StoredFile) and stored.content_type == "image/jpeg"


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("photo.jpg", encode(sharp_scene(), "JPEG"))
    return out.getvalue()


@pytest.mark.parametrize("make", [
    lambda: b"Salam, voici mes produits",
    lambda: b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
    _zip,
    lambda: b"",
    lambda: encode(Image.new("RGB", (700, 700)), "GIF"),
    lambda: encode(Image.new("RGB", (700, 700)), "BMP"),
    lambda: encode(Image.new("RGB", (700, 700)), "TIFF"),
    lambda: b'<svg xmlns="http://www.w3.org/2000/svg" width="700" height="700"/>',
    lambda: b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 50,
    lambda: encode(sharp_scene(), "JPEG")[:5000],  # cut off in the middle
], ids=["text", "pdf", "zip", "empty", "gif", "bmp", "tiff", "svg", "fake-jpeg", "truncated"])
async def test_anything_else_is_refused_as_not_image(tmp_path, make):
    result, store = await ingest(tmp_path, make())
    assert result == Refused("not_image")
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*"))


async def test_more_than_20_mb_is_refused_before_decoding(tmp_path):
    data = b"\xff\xd8\xff" + b"\0" * (20 * 1024 * 1024)
    assert (await ingest(tmp_path, data))[0] == Refused("too_large")


@pytest.mark.parametrize("header", [png_header(8000, 6000), jpeg_header(9000, 9000),
                                    png_header(6400, 6300)], ids=["png48MP", "jpeg81MP",
                                                                  "png40.3MP"])
async def test_a_decompression_bomb_is_refused_from_its_header(tmp_path, monkeypatch, header):
    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    assert len(header) < 200
    assert (await ingest(tmp_path, header))[0] == Refused("too_many_pixels")


def test_pillows_guard_raises_above_40_megapixels():
    assert Image.MAX_IMAGE_PIXELS * 2 == images.MAX_PIXELS == 40_000_000
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(png_header(6400, 6300)))


# --- advice ------------------------------------------------------------------


def advice_for(data: bytes) -> tuple[str, ...]:
    result = inspect_photo(data)
    assert isinstance(result, StoredFile), result
    return result.advice


def test_a_sharp_well_lit_photo_gets_no_advice():
    for kind in ("tagine", "zellige", "bottle", "carpet"):
        assert advice_for(photograph(sharp_scene(kind))) == (), kind


def test_a_product_on_a_white_backdrop_is_not_called_bright():
    assert advice_for(photograph(sharp_scene("sweep"))) == ()


def test_a_blurred_photo_is_blurry():
    for kind in ("tagine", "zellige", "bottle"):
        assert advice_for(photograph(sharp_scene(kind), blur=6)) == ("blurry",), kind


def test_a_dim_workshop_photo_is_dark():
    assert "dark" in advice_for(photograph(sharp_scene("tagine"), ev=-3, noise=6))


def test_an_overexposed_photo_is_bright():
    assert "bright" in advice_for(photograph(sharp_scene("bottle"), ev=2))
    assert "bright" in advice_for(photograph(sharp_scene("carpet"), ev=2))


def test_a_small_photo_is_too_small():
    small = sharp_scene("zellige").resize((560, 420))
    assert "too_small" in advice_for(encode(small, "JPEG", quality=92))
    # The short side counts as taken: a portrait 600 px wide is fine.
    tall = sharp_scene("zellige").crop((0, 0, 600, 900))
    assert "too_small" not in advice_for(encode(tall, "JPEG", quality=92))


async def test_photos_are_decoded_in_another_process_at_a_lower_priority(tmp_path):
    """Off the event loop's process: a low-priority thread holding the GIL stalled every
    other owner's reply for 250 ms at a time on a busy machine."""
    import os

    from storage import photoproc

    pid = await photoproc.in_photo_worker(os.getpid)
    nice = await photoproc.in_photo_worker(os.nice, 0)
    assert pid != os.getpid() and nice >= os.nice(0) + photoproc.PHOTO_NICE
    stored, _store = await ingest(tmp_path, encode(sharp_scene(), "JPEG"))
    assert stored == inspect_photo(encode(sharp_scene(), "JPEG"))


async def test_a_photo_process_that_dies_is_replaced(tmp_path):
    import os
    import signal

    from storage import photoproc

    victim = await photoproc.in_photo_worker(os.getpid)
    os.kill(victim, signal.SIGKILL)  # as the kernel does to a process out of memory
    stored, _store = await ingest(tmp_path, encode(sharp_scene(), "JPEG"))
    assert isinstance(stored, StoredFile)
    assert await photoproc.in_photo_worker(os.getpid) != victim


# --- near-duplicates ---------------------------------------------------------


def test_the_same_photo_re_encoded_or_resized_is_a_near_duplicate():
    original = inspect_photo(photograph(sharp_scene("tagine")))
    img = sharp_scene("tagine")
    for variant in (photograph(img, quality=60, seed=3),
                    encode(img.resize((600, 450)), "PNG"),
                    encode(img, "WEBP", quality=70)):
        assert is_near_duplicate(original.phash, inspect_photo(variant).phash)


def test_different_photos_are_not_near_duplicates():
    hashes = [inspect_photo(photograph(sharp_scene(kind))).phash
              for kind in ("tagine", "zellige", "bottle", "carpet", "babouches")]
    for i, a in enumerate(hashes):
        for b in hashes[i + 1:]:
            assert not is_near_duplicate(a, b)


def test_near_duplicate_is_false_for_missing_or_malformed_hashes():
    assert is_near_duplicate("8f3a5c7e9b1d2f40", "8f3a5c7e9b1d2f40")
    assert is_near_duplicate("8f3a5c7e9b1d2f40", "8f3a5c7e9b1d2f4f")  # 4 bits apart
    assert not is_near_duplicate("8f3a5c7e9b1d2f40", "70c5a38164e2d0bf")  # all bits
    for a, b in (("", ""), (None, "8f3a5c7e9b1d2f40"), ("zz", "zz"), ("8f3a", "8f3a5c7e")):
        assert not is_near_duplicate(a, b)


def png_header_of(width: int, height: int, bits: int, colour: int) -> bytes:
    """png_header with a given bit depth and colour type (6: RGBA)."""
    header = png_header(width, height)
    ihdr = struct.pack(">IIBBBBB", width, height, bits, colour, 0, 0, 0)
    return header[:16] + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + header[33:]


@pytest.mark.parametrize("header", [png_header_of(6300, 6300, 16, 6),
                                    png_header_of(5200, 5200, 8, 6)],
                         ids=["png39.7MP-16bit-rgba", "png27MP-rgba"])
async def test_under_40_mp_but_too_heavy_once_decoded_is_refused_from_the_header(
        tmp_path, monkeypatch, header):
    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    assert (await ingest(tmp_path, header))[0] == Refused("too_many_pixels")


def test_the_decoded_size_counts_channels_and_bit_depth():
    for (bits, colour), expected in {(16, 6): 8, (8, 6): 4, (8, 2): 3, (16, 0): 2,
                                     (8, 3): 1, (4, 3): 1}.items():
        data = png_header_of(100, 10, bits, colour)
        with Image.open(io.BytesIO(data)) as im:
            assert images.decoded_size(im, "PNG", data) == 1000 * expected, (bits, colour)


def test_a_big_jpeg_is_measured_at_its_reduced_decoding_size():
    header = jpeg_header(7000, 5000)  # 35 MP: 105 MB at full size, 26 MB at half
    with pytest.raises(images.Unacceptable) as full:
        images.process_photo(header, use_draft=False)
    assert full.value.reason == "too_many_pixels"
    with pytest.raises(images.Unacceptable) as reduced:
        images.process_photo(header)
    assert reduced.value.reason == "not_image"  # decoded (reduced): only then found truncated
