"""Voice notes: sniffed by their bytes, limited in size and (when cheap to read) length."""

from __future__ import annotations

import hashlib
import io
import struct

import pytest
from PIL import Image

from storage.audio import MAX_AUDIO_BYTES, inspect_audio
from storage.images import Unacceptable
from storage.media import LocalMediaStore, Refused, StoredFile, ingest_audio

# --- hand-made containers -----------------------------------------------------


def _ogg_crc(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
        crc &= 0xFFFFFFFF
    return crc


def ogg_page(packet: bytes, granule: int, seq: int, flags: int = 0, serial: int = 0x5EED) -> bytes:
    lacing, n = [], len(packet)
    while n >= 255:
        lacing.append(255)
        n -= 255
    lacing.append(n)
    page = (b"OggS" + bytes([0, flags]) + struct.pack("<qII", granule, serial, seq)
            + b"\0\0\0\0" + bytes([len(lacing)]) + bytes(lacing) + packet)
    return page[:22] + struct.pack("<I", _ogg_crc(page)) + page[26:]


def ogg_opus(seconds: float, pre_skip: int = 312, last_granule_unknown: bool = False) -> bytes:
    """An Ogg Opus voice note as Telegram sends them: head, tags, then audio pages."""
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, pre_skip, 48000, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0)
    pages = [ogg_page(head, 0, 0, flags=0x02), ogg_page(tags, 0, 1)]
    total = pre_skip + round(seconds * 48000)
    for i in range(1, 5):
        pages.append(ogg_page(bytes(300), total * i // 4, i + 1, flags=0x04 if i == 4 else 0))
    if last_granule_unknown:  # a page on which no packet ends carries granule -1
        pages.append(ogg_page(bytes(255), -1, 6))
    return b"".join(pages)


def mp3(frames: int = 4, id3: bool = True, xing_frames: int | None = None) -> bytes:
    """MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, stereo: 417-byte frames of 1152 samples."""
    header = b"\xff\xfb\x90\x00"
    body = bytearray(413)
    if xing_frames is not None:
        body[32:44] = b"Info" + struct.pack(">II", 1, xing_frames)  # after the side info
    data = b"".join(header + bytes(body) for _ in range(frames))
    if id3:
        tag = b"TIT2" + struct.pack(">I", 6) + b"\0\0" + b"\0note"
        data = b"ID3\x04\0\0" + bytes([0, 0, 0, len(tag)]) + tag + data
    return data


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4(seconds: float, handler: bytes = b"soun", brand: bytes = b"M4A ",
        moov_last: bool = True) -> bytes:
    mvhd = box(b"mvhd", bytes(4) + struct.pack(">IIII", 0, 0, 1000, round(seconds * 1000))
               + bytes(80))
    hdlr = box(b"hdlr", bytes(4) + bytes(4) + handler + bytes(12) + b"sound\0")
    moov = box(b"moov", mvhd + box(b"trak", box(b"mdia", box(b"mdhd", bytes(24)) + hdlr)))
    ftyp = box(b"ftyp", brand + struct.pack(">I", 0) + brand + b"isommp42")
    mdat = box(b"mdat", bytes(2000))
    return ftyp + (mdat + moov if moov_last else moov + mdat)


def amr(seconds: float, wide: bool = False) -> bytes:
    frames = round(seconds / 0.02)
    if wide:
        return b"#!AMR-WB\n" + (bytes([8 << 3 | 4]) + bytes(60)) * frames
    return b"#!AMR\n" + (bytes([7 << 3 | 4]) + bytes(31)) * frames


# --- sniffing and durations ----------------------------------------------------


@pytest.mark.parametrize(("data", "content_type", "duration"), [
    (ogg_opus(30), "audio/ogg", 30.0),
    (ogg_opus(42.5, last_granule_unknown=True), "audio/ogg", 42.5),
    (mp3(), "audio/mpeg", None),
    (mp3(id3=False), "audio/mpeg", None),
    (mp3(xing_frames=2297), "audio/mpeg", pytest.approx(60.0, abs=0.05)),
    (mp4(45), "audio/mp4", 45.0),
    (mp4(45, moov_last=False, brand=b"mp42"), "audio/mp4", 45.0),
    (amr(12), "audio/amr", 12.0),
    (amr(12, wide=True), "audio/amr-wb", 12.0),
], ids=["opus", "opus-granule-unknown", "mp3-id3", "mp3-bare", "mp3-info", "m4a",
        "mp4-faststart", "amr", "amr-wb"])
def test_voice_notes_are_recognised_by_their_bytes(data, content_type, duration):
    info = inspect_audio(data)
    assert (info.content_type, info.duration_s) == (content_type, duration)


@pytest.mark.parametrize("data", [
    ogg_opus(6 * 60), mp3(xing_frames=6 * 60 * 39), mp4(301), amr(6 * 60), amr(5 * 60 + 1, True),
], ids=["opus", "mp3", "m4a", "amr", "amr-wb"])
def test_longer_than_five_minutes_is_refused(data):
    with pytest.raises(Unacceptable) as refused:
        inspect_audio(data)
    assert refused.value.reason == "too_long"


def test_five_minutes_exactly_is_fine():
    assert inspect_audio(ogg_opus(300)).duration_s == 300.0
    assert inspect_audio(amr(300)).duration_s == 300.0


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("data", [
    b"Salam, ana Fatima",
    b"%PDF-1.4\n%%EOF",
    b"",
    _png(),
    mp4(20, handler=b"vide"),  # a video, not a voice note
    mp4(20)[:400],  # cut before its index
    ogg_page(b"\x80theora" + bytes(40), 0, 0, flags=0x02),  # Ogg video
    b"\xff\xfb\x90\x00" + b"\x13" * 1000,  # one lucky frame sync is not an MP3
    b"\xff\xf1\x50\x80" + bytes(100),  # AAC in ADTS: not one of ours
    b"#!AMR\n" + bytes([10 << 3]) + bytes(40),  # reserved frame type
], ids=["text", "pdf", "empty", "png", "video", "mp4-cut", "theora", "fake-mp3", "adts",
        "amr-bad"])
def test_anything_else_is_not_audio(data):
    with pytest.raises(Unacceptable) as refused:
        inspect_audio(data)
    assert refused.value.reason == "not_audio"


def test_more_than_16_mb_is_refused():
    with pytest.raises(Unacceptable) as refused:
        inspect_audio(b"OggS" + bytes(MAX_AUDIO_BYTES))
    assert refused.value.reason == "too_large"


# --- ingest ----------------------------------------------------------------------


async def test_ingest_audio_keeps_the_bytes_as_received(tmp_path):
    store = LocalMediaStore(tmp_path)
    data = ogg_opus(30)
    stored = await ingest_audio(store, data, "audio/mpeg")  # the declared type is ignored
    assert isinstance(stored, StoredFile)
    assert (stored.kind, stored.content_type, stored.duration_s) == ("audio", "audio/ogg", 30.0)
    assert stored.sha256 == stored.original_sha256 == hashlib.sha256(data).hexdigest()
    assert await store.open(stored.sha256) == data


async def test_ingest_audio_refuses_without_storing(tmp_path):
    store = LocalMediaStore(tmp_path / "media")
    assert await ingest_audio(store, _png(), "audio/ogg") == Refused("not_audio")
    assert await ingest_audio(store, ogg_opus(400), "audio/ogg") == Refused("too_long")
    assert not (tmp_path / "media").exists()
