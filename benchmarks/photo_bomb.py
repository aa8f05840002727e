"""Time and peak memory of one hostile photo through the pipeline (issue 13).

    python -m benchmarks.photo_bomb

A 16-bit RGBA PNG of 6300x6300 (39.7 MP, under the 40 MP cap) compresses to ~300 KB
but decodes to hundreds of MB. Run in a fresh process, so the peak RSS is this photo's.
"""

from __future__ import annotations

import resource
import struct
import time
import zlib

from storage import images


def png_16bit_rgba(width: int = 6300, height: int = 6300) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    row = b"\0" + bytes(width * 8)  # filter byte, then 4 channels x 2 bytes of zeros
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 16, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body)
            + chunk(b"IEND", b""))


def main() -> None:
    data = png_16bit_rgba()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        images.process_photo(data)
        outcome = "accepted"
    except images.Unacceptable as exc:
        outcome = f"refused: {exc.reason}"
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{len(data) / 1024:.0f} KB PNG: {outcome} in {elapsed:.2f} s, "
          f"peak RSS {peak / 1024:.0f} MB (+{(peak - before) / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
