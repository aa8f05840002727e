"""Photo pipeline: speed and memory of an ingest, and the calibration of its advice.

    python -m benchmarks.media               # timing table (markdown)
    python -m benchmarks.media --calibrate   # blur / exposure / near-duplicate tables
    python -m benchmarks.media --stores      # the media store: local disk, S3 on loopback

The photos are generated (no data set to download): product scenes drawn with
numpy and Pillow, then "photographed" (lens softness, exposure, sensor noise,
phone JPEG). Tests use the same generator, at smaller sizes.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import itertools
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SCENES = ("carpet", "zellige", "bottle", "sweep", "tagine", "babouches", "jewellery")


# --- generated photos -------------------------------------------------------


def scene(kind: str, size: tuple[int, int] = (2560, 1920), seed: int = 0) -> Image.Image:
    """A product photo as the lens would see it, perfectly sharp (RGB)."""
    w, h = size
    rng = np.random.default_rng(seed)
    k = w / 2560  # details keep their size relative to the frame
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "carpet":
        p = rng.uniform(90, 160) * k
        d = abs((xx + rng.uniform(0, p)) % p - p / 2) + abs(yy % p - p / 2)
        palette = rng.integers(30, 230, size=(4, 3))
        band = np.digitize(d / p, [0.12, 0.25, 0.38])
        rgb = palette[band].astype(np.float32)
        weave = 1 + 0.08 * np.sin(xx * 2.1 / max(k, 0.3)) * np.sin(yy * 1.9 / max(k, 0.3))
        rgb *= weave[..., None]
        rgb *= rng.normal(1, 0.04, size=(h, w, 1))
    elif kind == "zellige":
        t = rng.uniform(50, 90) * k
        palette = np.array([[20, 110, 80], [30, 70, 150], [235, 230, 215], [200, 150, 50],
                            [25, 25, 30]], dtype=np.float32)
        ti, tj = (yy // t).astype(int), (xx // t).astype(int)
        colour = palette[(ti * 7 + tj * 13 + seed) % len(palette)]
        cy, cx = (yy % t) - t / 2, (xx % t) - t / 2
        r, theta = np.hypot(cx, cy), np.arctan2(cy, cx)
        star = r < t * (0.28 + 0.08 * np.cos(8 * theta))
        colour = np.where(star[..., None], palette[(ti + tj + 2 + seed) % len(palette)], colour)
        gloss = 1 + 0.15 * np.cos((xx + yy) / (w / 3))
        rgb = colour * gloss[..., None]
        grout = ((yy % t) < 3 * k) | ((xx % t) < 3 * k)
        rgb[grout] = 200
    elif kind in ("bottle", "sweep"):  # sweep: the same bottle on a white backdrop
        rgb = np.empty((h, w, 3), np.float32)
        if kind == "sweep":
            rgb[...] = (252 - 14 * yy / h)[..., None]
        else:
            rgb[...] = (190 - 40 * yy / h)[..., None] * np.array([1.0, 0.93, 0.8])
            rgb[yy > h * 0.72] = np.array([120, 85, 55])
        bx0, bx1 = w * rng.uniform(0.36, 0.42), w * rng.uniform(0.58, 0.64)
        body = (xx > bx0) & (xx < bx1) & (yy > h * 0.25) & (yy < h * 0.8)
        shade = 0.55 + 0.45 * np.cos((xx - (bx0 + bx1) / 2) / (bx1 - bx0) * math.pi)
        rgb[body] = (np.array([180, 110, 30]) * shade[..., None])[body]
        image = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))
        draw = ImageDraw.Draw(image)
        lx0, lx1 = bx0 + (bx1 - bx0) * 0.1, bx1 - (bx1 - bx0) * 0.1
        draw.rectangle([lx0, h * 0.42, lx1, h * 0.66], fill=(240, 235, 220))
        font = ImageFont.load_default(size=max(8, int(26 * k)))
        lines = ["HUILE D'ARGAN", "100% BIO", "Cooperative Tifawt", "Agadir - Maroc",
                 "250 ml", f"Lot {seed:04d}"]
        for i, line in enumerate(lines):
            draw.text((lx0 + 12 * k, h * 0.44 + i * 36 * k), line, fill=(40, 30, 20), font=font)
        return image
    elif kind == "tagine":
        rgb = np.empty((h, w, 3), np.float32)
        shelves = rng.integers(60, 200, size=(12, 18, 3)).astype(np.uint8)
        back = Image.fromarray(shelves).resize((w, h), Image.Resampling.BICUBIC)
        rgb[...] = np.asarray(back.filter(ImageFilter.GaussianBlur(12 * k)), np.float32)
        table = yy > h * 0.55
        grain = 0.8 + 0.2 * np.sin((yy + 10 * k * np.sin(xx / (60 * k))) / (4 * k))
        wood = np.array([150, 100, 60]) * (grain * rng.normal(1, 0.03, (h, w)))[..., None]
        rgb[table] = wood[table]
        cx, base = w * rng.uniform(0.4, 0.6), h * 0.7
        dx = (xx - cx) / (w * 0.22)
        dish = (dx**2 + ((yy - base) / (h * 0.07)) ** 2) < 1
        top = base - h * 0.45
        cone = (yy < base) & (yy > top) & (abs(dx) < (yy - top) / (h * 0.45))
        pot = dish | cone
        shade = 0.6 + 0.4 * np.cos(np.clip(dx, -1, 1) * math.pi / 2)
        dots = (np.sin(xx / (9 * k)) * np.sin(yy / (9 * k)) > 0.7) & cone
        terracotta = np.array([170, 80, 45]) * shade[..., None]
        rgb[pot] = terracotta[pot]
        rgb[dots] = np.array([240, 220, 160])
    elif kind == "babouches":
        rgb = np.empty((h, w, 3), np.float32)
        rgb[...] = np.array([90, 40, 40]) * rng.normal(1, 0.06, (h, w, 1))
        for i in range(2):
            cx, cy = w * (0.35 + 0.3 * i), h * rng.uniform(0.45, 0.55)
            shoe = ((xx - cx) / (w * 0.12)) ** 2 + ((yy - cy) / (h * 0.33)) ** 2
            leather = np.array([215, 170, 40]) * rng.normal(1, 0.05, (h, w, 1))
            leather *= (1 - 0.3 * np.clip(shoe, 0, 1))[..., None]
            rgb[shoe < 1] = leather[shoe < 1]
            stitch = (abs(shoe - 0.8) < 0.02) & ((yy // (8 * k)) % 2 == 0)
            rgb[stitch] = 245
    elif kind == "jewellery":
        rgb = np.empty((h, w, 3), np.float32)
        rgb[...] = np.array([22, 18, 30]) * rng.normal(1, 0.05, (h, w, 1))
        for _ in range(4):  # silver bracelets filling the frame, as a seller shoots them
            cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
            r = np.hypot(xx - cx, yy - cy)
            ring = abs(r - rng.uniform(200, 420) * k) < 28 * k
            engraved = 0.75 + 0.25 * np.sign(np.sin(np.arctan2(yy - cy, xx - cx) * 90))
            glint = (0.6 + 0.4 * np.cos(np.arctan2(yy - cy, xx - cx) * 3)) * engraved
            rgb[ring] = (np.array([225, 225, 235]) * glint[..., None])[ring]
    else:
        raise ValueError(kind)
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))


def photograph(img: Image.Image, *, blur: float = 0.0, noise: float = 1.5, ev: float = 0.0,
               softness: float = 0.6, quality: int = 90, seed: int = 0,
               **save_args) -> bytes:
    """A phone's JPEG of `img`: optics (softness + extra blur), exposure, noise."""
    sigma = math.hypot(softness, blur)
    if sigma > 0:
        img = img.filter(ImageFilter.GaussianBlur(sigma))
    a = np.asarray(img, dtype=np.float32) / 255
    if ev:
        linear = np.where(a <= 0.04045, a / 12.92, ((a + 0.055) / 1.055) ** 2.4)
        linear = np.clip(linear * 2.0**ev, 0, 1)
        a = np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)
    a = a * 255 + np.random.default_rng(seed).normal(0, noise, a.shape)
    out = io.BytesIO()
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(out, "JPEG", quality=quality,
                                                              **save_args)
    return out.getvalue()


# --- calibration ------------------------------------------------------------


def calibrate() -> None:
    from storage import images

    seeds = range(3)
    sigmas = (0, 0.5, 1, 1.5, 2, 3, 4, 6, 8)
    base = {(kind, s): scene(kind, seed=s) for kind in SCENES for s in seeds}

    print(f"## Blur: tile-max variance of the Laplacian (analysis long side "
          f"{images.ANALYSIS_LONG_SIDE}, threshold {images.BLUR_THRESHOLD})\n")
    print("| extra blur sigma (px @2560) | noise | min | median | max | flagged |")
    print("|---:|---:|---:|---:|---:|---:|")
    scores: dict[float, list[float]] = {s: [] for s in sigmas}
    per_kind: dict[tuple[str, float], list[float]] = {}
    for sigma, noise in itertools.product(sigmas, (1.5, 6.0)):
        row = []
        for (kind, s), img in base.items():
            q = images.process_photo(photograph(img, blur=sigma, noise=noise, seed=s)).quality
            row.append(q.sharpness)
            per_kind.setdefault((kind, sigma), []).append(q.sharpness)
        scores[sigma] += row
        flagged = sum(v < images.BLUR_THRESHOLD for v in row)
        print(f"| {sigma} | {noise} | {min(row):.0f} | {statistics.median(row):.0f} | "
              f"{max(row):.0f} | {flagged}/{len(row)} |")
    sharp = min(v for s in sigmas if s <= 1 for v in scores[s])
    blurred = max(v for s in sigmas if s >= 3 for v in scores[s])
    print(f"\nlowest sharp (sigma<=1): {sharp:.1f}; highest blurred (sigma>=3): {blurred:.1f}; "
          f"geometric mean: {math.sqrt(sharp * blurred):.1f}\n")
    print("| scene | " + " | ".join(f"s={s}" for s in sigmas) + " |")
    print("|---|" + "---:|" * len(sigmas))
    for kind in SCENES:
        cells = " | ".join(f"{min(per_kind[(kind, s)]):.0f}" for s in sigmas)
        print(f"| {kind} (min) | {cells} |")

    print("\n## Exposure: mean / p1 / p99 luminance and advice\n")
    print("| EV | scene | mean | p1 | p99 | advice |")
    print("|---:|---|---:|---:|---:|---|")
    for ev in (-3, -2, -1.5, -1, 0, 0.5, 1, 1.5, 2):
        for kind in SCENES:  # below 0 EV: a dim room, so a noisy sensor too
            p = images.process_photo(photograph(base[(kind, 0)], ev=ev,
                                                noise=6.0 if ev < 0 else 1.5))
            q = p.quality
            print(f"| {ev} | {kind} | {q.mean:.0f} | {q.p1:.0f} | {q.p99:.0f} | "
                  f"{','.join(a for a in p.advice if a in ('dark', 'bright')) or '-'} |")

    from flows.photos import NEAR_DUPLICATE_BITS

    print(f"\n## Near-duplicates: pHash Hamming distance (threshold "
          f"{NEAR_DUPLICATE_BITS})\n")
    originals = {key: images.process_photo(photograph(img, seed=key[1])).phash
                 for key, img in base.items()}
    print("| scene | re-encoded q60 | 50 % size | cropped 3 % | +0.3 EV | "
          "same scene, other seed | nearest other scene |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in SCENES:
        img, ref = base[(kind, 0)], originals[(kind, 0)]
        w, h = img.size
        variants = (photograph(img, quality=60, seed=10),
                    photograph(img.resize((w // 2, h // 2))),
                    photograph(img.crop((w * 3 // 200, h * 3 // 200, w, h))),
                    photograph(img, ev=0.3))
        cells = [_distance(ref, images.process_photo(v).phash) for v in variants]
        cells.append(min(_distance(ref, originals[(kind, s)]) for s in seeds if s))
        cells.append(min(_distance(ref, v) for (k, _), v in originals.items() if k != kind))
        print(f"| {kind} | " + " | ".join(map(str, cells)) + " |")


def _distance(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


# --- timing -----------------------------------------------------------------


def phone_jpeg(size: tuple[int, int] = (4032, 3024), orientation: int = 1) -> bytes:
    """A 12 MP phone-like JPEG (~4-5 MB, q92, EXIF with GPS and orientation)."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "TECNO", "Spark 10", orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 25.0, 12.0), 3: "W", 4: (9.0, 35.0, 50.0)})
    return photograph(scene("tagine", size, seed=1), noise=3.0, quality=92, exif=exif)


def _ingest_once(data: bytes, use_draft: bool, root: Path) -> float:
    from storage.media import LocalMediaStore, ingest_photo

    started = time.perf_counter()
    result = asyncio.run(ingest_photo(LocalMediaStore(root), data, use_draft=use_draft))
    elapsed = time.perf_counter() - started
    assert not hasattr(result, "reason"), result
    return elapsed


def _naive_once(data: bytes) -> float:
    """The baseline: full decode, resize to 2560 and 400 px, save both as JPEG."""
    started = time.perf_counter()
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        for side in (2560, 400):
            copy = im.copy()
            copy.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=None)
            copy.save(io.BytesIO(), "JPEG", quality=85)
    return time.perf_counter() - started


def _status_kib(field: str, pid: str = "self") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def _children() -> list[str]:
    """The photo processes (not multiprocessing's resource tracker)."""
    return [c for task in Path("/proc/self/task").glob("*")
            for c in (task / "children").read_text().split()
            if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def _peak_child(path: str, use_draft: bool, at_once: int = 1) -> None:
    """Child process: print the peak RSS growth (MiB) caused by one photo's work, done
    here as a photo process does it; or, for an album (`at_once`), through the photo
    processes: this process's growth and peak, then theirs (all of them together).

    Linux keeps ru_maxrss across fork+exec (the parent peaked at >1 GB drawing the
    input), so this reads VmHWM after resetting it through /proc/self/clear_refs."""
    import storage.media  # noqa: F401 - imports (numpy, Pillow, scipy) are not the ingest
    from storage.media import LocalMediaStore, _prepare_photo, ingest_photo
    from storage.photoproc import in_photo_worker

    data = Path(path).read_bytes()
    if at_once == 1:
        Path("/proc/self/clear_refs").write_text("5")
        before = _status_kib("VmRSS")
        _prepare_photo(data, use_draft)
        print((_status_kib("VmHWM") - before) / 1024, _status_kib("VmHWM") / 1024)
        return
    with tempfile.TemporaryDirectory() as root:
        store = LocalMediaStore(Path(root))

        async def album():
            await asyncio.gather(*(in_photo_worker(time.sleep, 0.5) for _ in range(4)))
            kids = _children()  # started, their imports done
            kids_before = sum(_status_kib("VmRSS", k) for k in kids)
            Path("/proc/self/clear_refs").write_text("5")
            before = _status_kib("VmRSS")
            await asyncio.gather(*(ingest_photo(store, data, use_draft=use_draft)
                                   for _ in range(at_once)))
            kids_peak = sum(_status_kib("VmHWM", k) for k in kids)
            print((_status_kib("VmHWM") - before) / 1024, _status_kib("VmHWM") / 1024,
                  (kids_peak - kids_before) / 1024, kids_peak / 1024, len(kids))

        asyncio.run(album())


def bench(runs: int) -> None:
    cases = [
        ("12 MP JPEG 4032x3024", phone_jpeg()),
        ("12 MP JPEG, portrait (EXIF orientation 6)", phone_jpeg(orientation=6)),
        ("24 MP JPEG 6000x4000", phone_jpeg((6000, 4000))),
        ("1600x1200 JPEG q75 (as WhatsApp recompresses)",
         photograph(scene("tagine", (1600, 1200), seed=1), noise=3.0, quality=75)),
    ]
    print(f"Ingest (decode, normalise, thumbnail, advice, pHash, 2 atomic writes); "
          f"{runs} runs each, through the photo processes.\n")
    print("| input | size | draft() | p50 ms | p95 ms | peak RSS growth MiB |")
    print("|---|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for (name, data), use_draft in itertools.product(cases, (True, False)):
            path = Path(tmp) / "in.jpg"
            path.write_bytes(data)
            _ingest_once(data, use_draft, Path(tmp) / "warm")
            times = sorted(_ingest_once(data, use_draft, Path(tmp) / f"r{i}") * 1000
                           for i in range(runs))
            p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
            child = subprocess.run(
                [sys.executable, "-m", "benchmarks.media", "--peak", str(path)]
                + ([] if use_draft else ["--no-draft"]),
                capture_output=True, text=True, check=True)
            print(f"| {name} | {len(data) / 2**20:.1f} MB | {'on' if use_draft else 'off'} | "
                  f"{statistics.median(times):.0f} | {p95:.0f} | "
                  f"{float(child.stdout.split()[0]):.0f} |")

        name, data = cases[0]
        path = Path(tmp) / "in.jpg"
        path.write_bytes(data)
        naive = sorted(_naive_once(data) * 1000 for _ in range(runs))
        ours = sorted(_ingest_once(data, True, Path(tmp) / f"n{i}") * 1000 for i in range(runs))
        album = subprocess.run(
            [sys.executable, "-m", "benchmarks.media", "--peak", str(path), "--at-once", "8"],
            capture_output=True, text=True, check=True).stdout.split()
        speedup = statistics.median(naive) / statistics.median(ours)
        print(f"\n{name}: naive Pillow (full decode, resize to 2560 and 400, save) p50 "
              f"{statistics.median(naive):.0f} ms; the pipeline p50 "
              f"{statistics.median(ours):.0f} ms ({speedup:.1f}x faster, with advice, pHash "
              f"and two atomic writes).")
        print(f"8 such photos at once: peak RSS of the process {float(album[1]):.0f} MiB "
              f"(+{float(album[0]):.0f} MiB for the album); of its {album[4]} photo processes "
              f"together {float(album[3]):.0f} MiB (+{float(album[2]):.0f} MiB).")


def stores(runs: int) -> None:
    """put (a normalised photo and its thumbnail, as an ingest stores them) and open, on
    the local disk and on an S3 bucket (moto's server on loopback: the client's and the
    protocol's cost, not a real network's)."""
    import hashlib
    import logging

    from moto.server import ThreadedMotoServer

    from bot.runtime import open_files
    from bot.settings import Settings
    from storage import images

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's line per request
    photo = images.process_photo(phone_jpeg())

    def files(run: int) -> list[tuple[str, bytes]]:  # new content each run: a real write
        tagged = [b + run.to_bytes(4, "big") for b in (photo.normal, photo.thumbnail)]
        return [(hashlib.sha256(b).hexdigest(), b) for b in tagged]

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    s3 = {"media_store": "s3://bench/tijara", "aws_endpoint_url": f"http://{host}:{port}",
          "aws_access_key_id": "bench", "aws_secret_access_key": "bench",
          "aws_region": "us-east-1"}

    async def measure(settings: Settings) -> tuple[float, float]:
        async with open_files(settings) as (media, _):
            if settings.media_store:
                await media.bucket.client.create_bucket(Bucket="bench")
            puts, opens = [], []
            for run in range(runs):
                both = files(run)
                started = time.perf_counter()
                await asyncio.gather(*(media.put(sha, data) for sha, data in both))
                puts.append(time.perf_counter() - started)
                started = time.perf_counter()
                await media.open(both[0][0])
                opens.append(time.perf_counter() - started)
        return statistics.median(puts) * 1000, statistics.median(opens) * 1000

    print(f"normalised photo {len(photo.normal) // 1024} KiB + thumbnail "
          f"{len(photo.thumbnail) // 1024} KiB, median of {runs}\n")
    print("| store | put both (ms) | open photo (ms) |\n|---|---|---|")
    try:
        with tempfile.TemporaryDirectory() as root:
            base = Settings(media_root=Path(root) / "media", var_dir=Path(root))
            for name, settings in (("local disk", base),
                                   ("S3 (moto, loopback)", base.model_copy(update=s3))):
                put, read = asyncio.run(measure(settings))
                print(f"| {name} | {put:.1f} | {read:.1f} |")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--stores", action="store_true")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--peak", help=argparse.SUPPRESS)
    parser.add_argument("--no-draft", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--at-once", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        _peak_child(args.peak, not args.no_draft, args.at_once)
    elif args.calibrate:
        calibrate()
    elif args.stores:
        stores(args.runs)
    else:
        bench(args.runs)


if __name__ == "__main__":
    main()
