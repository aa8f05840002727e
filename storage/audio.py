"""Voice notes: what the bytes are, and how long they last when that is cheap to read.

Nothing is decoded. The type comes from the container's magic bytes; the duration
from a header or the last page, never from a scan of the whole file (except AMR,
whose frame walk stops as soon as the limit is passed: 15 000 frames at most).

- Ogg (Telegram and WhatsApp voice notes: Opus; also Vorbis): the granule
  position of the last page, minus the Opus pre-skip, over the sample rate.
- MP3: the frame count of a Xing/Info header (LAME writes one); otherwise unknown.
- MP4/M4A: duration / timescale from the movie header; a file with a video track
  is not a voice note.
- AMR (narrow and wide band): 20 ms per frame.
An unknown duration is accepted: the size limit still bounds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.images import Unacceptable

MAX_AUDIO_BYTES = 16 * 1024 * 1024
MAX_AUDIO_SECONDS = 5 * 60


@dataclass(frozen=True)
class AudioInfo:
    content_type: str
    duration_s: float | None


def inspect_audio(data: bytes) -> AudioInfo:
    """Raises Unacceptable("too_large" | "not_audio" | "too_long")."""
    if len(data) > MAX_AUDIO_BYTES:
        raise Unacceptable("too_large")
    if data[:4] == b"OggS":
        info = AudioInfo("audio/ogg", _ogg_duration(data))
    elif data[:9] == b"#!AMR-WB\n":
        info = AudioInfo("audio/amr-wb", _amr_duration(data, 9, _AMR_WB_BYTES))
    elif data[:6] == b"#!AMR\n":
        info = AudioInfo("audio/amr", _amr_duration(data, 6, _AMR_NB_BYTES))
    elif data[4:8] == b"ftyp":
        info = AudioInfo("audio/mp4", _mp4_duration(data))
    elif data[:3] == b"ID3" or _mpeg_frame(data, 0) is not None:
        info = AudioInfo("audio/mpeg", _mp3_duration(data))
    else:
        raise Unacceptable("not_audio")
    if info.duration_s is not None and info.duration_s > MAX_AUDIO_SECONDS:
        raise Unacceptable("too_long")
    return info


# --- Ogg -----------------------------------------------------------------------


def _ogg_duration(data: bytes) -> float | None:
    # First page: its first packet says which codec (and, for Opus, the pre-skip).
    if len(data) < 28 or data[4] != 0 or not data[5] & 0x02:  # version 0, beginning of stream
        raise Unacceptable("not_audio")
    segments = data[26]
    start = 27 + segments
    head = data[start:start + sum(data[27:start])]
    if head.startswith(b"OpusHead") and len(head) >= 19:
        rate, pre_skip = 48000, int.from_bytes(head[10:12], "little")
    elif head.startswith(b"\x01vorbis") and len(head) >= 16:
        rate, pre_skip = int.from_bytes(head[12:16], "little"), 0
    else:
        raise Unacceptable("not_audio")  # Ogg video, FLAC, Speex...
    if rate <= 0:
        raise Unacceptable("not_audio")
    serial = data[14:18]
    # The last page with a granule position of our stream (a page can be 65 307 bytes).
    floor = max(0, len(data) - 2 * 65536)
    at = data.rfind(b"OggS", floor)
    while at >= 0:
        header = data[at:at + 27]
        if len(header) == 27 and header[4] == 0 and header[14:18] == serial:
            granule = int.from_bytes(header[6:14], "little", signed=True)
            if granule >= 0:  # -1: no packet ends on this page
                return max(0, granule - pre_skip) / rate
        at = data.rfind(b"OggS", floor, at)
    return None


# --- AMR -----------------------------------------------------------------------

# Bytes after the one-byte frame header, by frame type (RFC 4867, section 5.3);
# None: a reserved type, i.e. not an AMR file after all.
_AMR_NB_BYTES = (12, 13, 15, 17, 19, 20, 26, 31, 5, None, None, None, None, None, None, 0)
_AMR_WB_BYTES = (17, 23, 32, 36, 40, 46, 50, 58, 60, 5, None, None, None, None, 0, 0)
_AMR_FRAME_S = 0.02


def _amr_duration(data: bytes, pos: int, sizes: tuple[int | None, ...]) -> float | None:
    limit = int(MAX_AUDIO_SECONDS / _AMR_FRAME_S)
    frames = 0
    while pos < len(data):
        size = sizes[(data[pos] >> 3) & 0x0F]
        if size is None:  # a reserved frame type
            if frames == 0:
                raise Unacceptable("not_audio")
            return None  # damaged after a good start: unknown, the size bounds it
        pos += 1 + size
        frames += 1
        if frames > limit:
            break  # already too long: no need to count the rest
    return frames * _AMR_FRAME_S


# --- MPEG audio ----------------------------------------------------------------

_BITRATES = {  # kbit/s by (MPEG-1?, layer), index 1..14
    (True, 1): (32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_BITRATES[(False, 3)] = _BITRATES[(False, 2)]
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


@dataclass(frozen=True)
class _Frame:
    length: int
    samples: int
    sample_rate: int
    side_info: int  # bytes between the header and a Xing/Info tag


def _mpeg_frame(data: bytes, pos: int) -> _Frame | None:
    """The MPEG audio frame header at `pos`, if there is a valid one."""
    h = data[pos:pos + 4]
    if len(h) < 4 or h[0] != 0xFF or h[1] & 0xE0 != 0xE0:
        return None
    version, layer_bits = (h[1] >> 3) & 3, (h[1] >> 1) & 3
    bitrate_index, rate_index = h[2] >> 4, (h[2] >> 2) & 3
    # Layer bits 0 are AAC's ADTS, version 1 is reserved; 0 and 15 are free/bad bit rates.
    if version == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    mpeg1, layer = version == 3, 4 - layer_bits
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index - 1] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    padding = (h[2] >> 1) & 1
    mono = h[3] >> 6 == 3
    if layer == 1:
        return _Frame((12 * bitrate // rate + padding) * 4, 384, rate, 0)
    samples = 1152 if layer == 2 or mpeg1 else 576
    length = samples // 8 * bitrate // rate + padding
    side = (17 if mono else 32) if mpeg1 else (9 if mono else 17)
    return _Frame(length, samples, rate, side if layer == 3 else 0)


def _mp3_duration(data: bytes) -> float | None:
    pos = 0
    if data[:3] == b"ID3":
        if len(data) < 10:
            raise Unacceptable("not_audio")
        size = 0
        for byte in data[6:10]:  # "syncsafe": 7 bits a byte
            size = size << 7 | (byte & 0x7F)
        pos = 10 + size + (10 if data[5] & 0x10 else 0)
        # Some encoders pad after the tag: the first frame must come soon all the same.
        scan_end = min(len(data), pos + 4096)
        while pos < scan_end and _mpeg_frame(data, pos) is None:
            pos += 1
    frame = _mpeg_frame(data, pos)
    if frame is None:
        raise Unacceptable("not_audio")
    following = pos + frame.length
    if following + 4 <= len(data) and _mpeg_frame(data, following) is None:
        raise Unacceptable("not_audio")  # one lucky 0xFFF is not an MP3: two frames are
    tag = pos + 4 + frame.side_info
    if frame.side_info and data[tag:tag + 4] in (b"Xing", b"Info"):
        flags = int.from_bytes(data[tag + 4:tag + 8], "big")
        if flags & 1 and len(data) >= tag + 12:
            frames = int.from_bytes(data[tag + 8:tag + 12], "big")
            return frames * frame.samples / frame.sample_rate
    return None


# --- MP4 / M4A -----------------------------------------------------------------


def _boxes(data: bytes, start: int, end: int):
    """(type, payload start, payload end) of the ISO BMFF boxes in data[start:end]."""
    pos = start
    while pos + 8 <= end:
        size, kind = int.from_bytes(data[pos:pos + 4], "big"), data[pos + 4:pos + 8]
        header = 8
        if size == 1:
            if pos + 16 > end:
                return
            size, header = int.from_bytes(data[pos + 8:pos + 16], "big"), 16
        elif size == 0:
            size = end - pos
        if size < header:
            return
        yield kind, pos + header, min(pos + size, end)
        pos += size


def _child(data: bytes, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for k, s, e in _boxes(data, start, end):
        if k == kind:
            return s, e
    return None


def _mp4_duration(data: bytes) -> float | None:
    moov = _child(data, 0, len(data), b"moov")
    if moov is None:
        # An image (HEIC has "meta", no "moov"), or a file cut before its index.
        raise Unacceptable("not_audio")
    handlers = set()
    for kind, s, e in _boxes(data, *moov):
        if kind == b"trak":
            mdia = _child(data, s, e, b"mdia")
            hdlr = _child(data, *mdia, b"hdlr") if mdia else None
            if hdlr:
                handlers.add(data[hdlr[0] + 8:hdlr[0] + 12])
    if b"vide" in handlers or b"soun" not in handlers:
        raise Unacceptable("not_audio")
    mvhd = _child(data, *moov, b"mvhd")
    if mvhd is None:
        return None
    s = mvhd[0]
    if data[s] == 1:  # version 1: 64-bit times
        timescale = int.from_bytes(data[s + 20:s + 24], "big")
        duration = int.from_bytes(data[s + 24:s + 32], "big")
    else:
        timescale = int.from_bytes(data[s + 12:s + 16], "big")
        duration = int.from_bytes(data[s + 16:s + 20], "big")
    return duration / timescale if timescale else None
