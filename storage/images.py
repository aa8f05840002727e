"""The photo pipeline: sniff, decode safely, normalise, advise, fingerprint.

Pure CPU work on bytes (no files, no database, no event loop): `storage.media`
runs `process_photo` in a thread and stores what it returns.

What a stored photo is: the pixels only, EXIF orientation applied, every piece of
metadata dropped (GPS, camera, owner name, XMP, comments), colours converted to
sRGB, a baseline JPEG of quality 85 whose long side is at most 2560 px, plus a
400 px thumbnail. The original bytes are never kept (they carry the metadata).

Quality advice is computed on a small grey copy (long side `ANALYSIS_LONG_SIDE`):

- "too_small": the photo's short side (as taken, before downscaling) < 600 px.
- "blurry": `sharpness` < `BLUR_THRESHOLD`. Sharpness is the variance of the
  4-neighbour Laplacian, taken per tile on a 4x4 grid, and the *best* tile wins:
  a sharp product in front of a plain wall or a soft background (shallow depth of
  field) is a good photo, while a global variance would call it blurred.
- "dark": mean luminance < `DARK_MEAN` and even the brightest 1 % < `DARK_P99`.
- "bright" (washed out): mean > `BRIGHT_MEAN` and even the darkest 1 % > `BRIGHT_P1`.
  The percentile guards keep a product on a white backdrop (mean ~233) or silver
  on black velvet (mean ~27) quiet: their product still has real shadows/highlights.

Calibration (`python -m benchmarks.media --calibrate`, ~8 min on 2 cores). Seven
generated product scenes (Berber carpet, zellige, argan bottle with a printed label,
the same bottle on a white backdrop, tagine on a wooden table before a blurred shop,
babouches, silver bracelets on velvet), 3 seeds each, drawn at 2560x1920 and
"photographed": lens softness sigma 0.6 px, sensor noise sigma 1.5 (daylight) or 6
(dim workshop), phone JPEG q90; then put through this pipeline.

- Blur: an extra Gaussian blur of sigma 0..8 px (at 2560). Rule: sigma <= 1 must
  never be flagged (the lowest such score is 120, a low-contrast carpet at sigma 1).
  Laplacian variance also grows with contrast, so no threshold catches every soft
  photo: a zellige at sigma 3 still scores 513-627. Chosen 100 (20 % margin under
  120): flags 0 % at sigma <= 1, 5 % at 1.5-2, 50 % at 3, 64 % at 4, 98 % at 6,
  100 % at 8. An analysis long side of 768 px did best among 512..1280 (at no
  false positive, the most sigma 3-4 photos flagged).
- Exposure: -3..+2 EV applied in linear light (below 0 with the dim-workshop noise).
  "dark" flags 4 of 7 scenes at -3 EV (light-toned ones stay above mean 50), the
  dark-toned babouches from -1.5, the bracelets from -1; never a correct exposure
  (bracelets on velvet: mean 26, p99 184). "bright" flags the light-toned scenes at
  +1.5..+2 EV (the white backdrop from +1); never a correct exposure (white
  backdrop: mean 233, p1 74).
- Near-duplicates: re-encoded at q60, halved, or +0.3 EV: 0-8 bits apart; cropped by
  3 %: 4-12 (22 on a frame-filling carpet pattern, where pHash is unstable);
  different scenes: 18 bits or more. Threshold 10.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass

import imagehash
import numpy as np
import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
# What the decoded samples may weigh, read from the header before any pixel is decoded
# (width x height x channels x bytes per sample, after a JPEG's reduced decoding). A
# 12 MP phone photo is 36 MB; a 300 KB PNG of 6300x6300 16-bit RGBA (39.7 MP, under
# MAX_PIXELS) is 318 MB: it took 2 s and +490 MB of memory before this check.
DECODE_BUDGET = 100 * 1024 * 1024
# PNG colour type (IHDR) -> samples per pixel: grey, RGB, palette, grey+alpha, RGBA.
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
NORMAL_LONG_SIDE = 2560
# libjpeg decodes at 1/2, 1/4 or 1/8 scale almost for free. We take the smallest scale that
# keeps the long side at least this big: a 12 MP phone photo (4032 px) decodes at 2016 px
# and needs no resize at all, five times faster than decoding 12 MP and resizing to 2560.
DRAFT_MIN_LONG_SIDE = 2000
THUMB_LONG_SIDE = 400
JPEG_QUALITY = 85
THUMB_QUALITY = 80

MIN_SHORT_SIDE = 600
# Calibrated together (see the module docstring): change one, re-run the calibration.
ANALYSIS_LONG_SIDE = 768
TILES = 4
BLUR_THRESHOLD = 100.0
DARK_MEAN, DARK_P99 = 50, 160
BRIGHT_MEAN, BRIGHT_P1 = 210, 100

# Pillow raises DecompressionBombError above 2 * MAX_IMAGE_PIXELS, i.e. above 40 MP,
# right after reading the header (before any pixel is decoded). Between 20 and 40 MP
# it would only warn, which says nothing we act on: silence that warning.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

# Only the primary image of a HEIC matters; skip thumbnails, depth and aux images.
pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)

CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp",
                 "HEIF": "image/heic"}
# HEVC-coded HEIF brands. A bare "mif1" with no HEVC brand may be AVIF or
# something else libheif can read: not one of the formats we promise.
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class Unacceptable(ValueError):
    """The bytes are not something we keep; `reason` is the code shown to the owner."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Quality:
    sharpness: float  # best tile's variance of the Laplacian, on the analysis image
    mean: float  # luminance 0..255
    p1: float  # the darkest 1 % of pixels are at most this
    p99: float  # the brightest 1 % are at least this


@dataclass(frozen=True)
class Photo:
    normal: bytes  # JPEG, what the storefront gets
    width: int
    height: int
    thumbnail: bytes  # JPEG, long side THUMB_LONG_SIDE (or less for small photos)
    source_type: str  # what the bytes really were, e.g. "image/heic"
    source_width: int  # as taken, orientation applied
    source_height: int
    quality: Quality
    advice: tuple[str, ...]
    phash: str  # 16 hex digits


def photo_or_refusal(data: bytes, use_draft: bool = True) -> Photo | str:
    """`process_photo`, or the refusal's reason: what a photo process hands back
    (storage/media.py), plain data either way."""
    try:
        return process_photo(data, use_draft=use_draft)
    except Unacceptable as exc:
        return exc.reason


def sniff_image(data: bytes) -> str | None:
    """The Pillow format of an accepted photo, from its first bytes only."""
    if data[:3] == b"\xff\xd8\xff":
        return "JPEG"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp":
        box_end = min(int.from_bytes(data[:4], "big"), len(data), 256)
        brands = {data[8:12]} | {data[i:i + 4] for i in range(16, box_end - 3, 4)}
        if brands & _HEIC_BRANDS:
            return "HEIF"
    return None


def process_photo(data: bytes, *, use_draft: bool = True) -> Photo:
    """Decode, normalise and assess one photo; raises Unacceptable."""
    if len(data) > MAX_PHOTO_BYTES:
        raise Unacceptable("too_large")
    fmt = sniff_image(data)
    if fmt is None:
        raise Unacceptable("not_image")
    try:
        # formats=[fmt]: only the plugin the bytes announced may parse them, so no
        # other decoder (EPS, PSD, ...) ever sees owner-supplied data.
        with Image.open(io.BytesIO(data), formats=[fmt]) as im:
            return _normalise(im, fmt, use_draft, data)
    except Image.DecompressionBombError as exc:
        raise Unacceptable("too_many_pixels") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
            IndexError, TypeError) as exc:
        if isinstance(exc, Unacceptable):
            raise
        raise Unacceptable("not_image") from exc


def decoded_size(im: Image.Image, fmt: str, data: bytes) -> int:
    """Bytes of samples decoding `im` at its current size produces, from the header."""
    width, height = im.size
    if fmt == "PNG":  # Pillow hides the bit depth: read IHDR (bytes 24 and 25)
        bits, channels = data[24], _PNG_CHANNELS.get(data[25], 4)
    else:
        bits, channels = int(im.info.get("bit_depth", 8)), len(im.getbands())
    return width * height * channels * (2 if bits > 8 else 1)


def _normalise(im: Image.Image, fmt: str, use_draft: bool, data: bytes) -> Photo:
    width, height = im.size  # header only: nothing decoded yet
    if width * height > MAX_PIXELS:  # our own limit, whatever Pillow's global says
        raise Unacceptable("too_many_pixels")
    if use_draft and fmt == "JPEG" and max(width, height) >= 2 * DRAFT_MIN_LONG_SIDE:
        scale = DRAFT_MIN_LONG_SIDE / max(width, height)
        im.draft("RGB", (max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))))
    if decoded_size(im, fmt, data) > DECODE_BUDGET:  # im.size is the reduced one now
        raise Unacceptable("too_many_pixels")
    im.load()
    icc = im.info.get("icc_profile")
    loaded = im.size
    ImageOps.exif_transpose(im, in_place=True)
    swapped = im.size != loaded
    source_w, source_h = (height, width) if swapped else (width, height)

    img = _fit(_flatten(im), NORMAL_LONG_SIDE)
    img = _to_srgb(img, icc)
    img.info = {}  # nothing of the original's metadata may follow the pixels
    normal = _jpeg(img, JPEG_QUALITY)
    # A box pre-reduction first (as Image.thumbnail does): 4x faster, same look at 400 px.
    thumb = _fit(img, THUMB_LONG_SIDE, reducing_gap=2.0)
    quality = measure(img)
    return Photo(
        normal=normal, width=img.width, height=img.height,
        thumbnail=_jpeg(thumb, THUMB_QUALITY),
        source_type=CONTENT_TYPES[fmt], source_width=source_w, source_height=source_h,
        quality=quality, advice=advise(quality, source_w, source_h),
        phash=str(imagehash.phash(thumb)),
    )


def _flatten(img: Image.Image) -> Image.Image:
    """Any mode to RGB, L or CMYK (the modes colour management and JPEG accept)."""
    if img.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        # 16-bit or float greyscale: scale to 8 bits (convert("L") would clip).
        top = 65535 if img.mode.startswith("I") else 1.0
        return img.point(lambda v: v * (255 / top)).convert("L")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
            img.mode == "P" and "transparency" in img.info):
        # Transparent product cut-outs go on white, not on the black that
        # dropping the alpha channel would show.
        rgba = img.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if img.mode in ("RGB", "L", "CMYK"):
        return img
    return img.convert("RGB")


def _fit(img: Image.Image, long_side: int, reducing_gap: float | None = None) -> Image.Image:
    if max(img.size) <= long_side:
        return img
    scale = long_side / max(img.size)
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    return img.resize(size, Image.Resampling.LANCZOS, reducing_gap=reducing_gap)


def _to_srgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    """Apply the embedded colour profile (e.g. Display P3) so the JPEG needs none."""
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if "srgb" not in ImageCms.getProfileDescription(source).lower():
                img = ImageCms.profileToProfile(img, source, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or mismatched profile: the pixels are taken as sRGB
    return img if img.mode == "RGB" else img.convert("RGB")


def _jpeg(img: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    # No exif/icc_profile/xmp arguments: Pillow writes only what it is given.
    img.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()


def analysis_image(img: Image.Image) -> Image.Image:
    """The small grey copy every measure is taken on (fixed size: thresholds depend on it)."""
    return _fit(img.convert("L"), ANALYSIS_LONG_SIDE)  # grey first: a third of the work


def measure(img: Image.Image) -> Quality:
    grey = analysis_image(img)
    hist = grey.histogram()
    total = sum(hist)
    mean = sum(i * n for i, n in enumerate(hist)) / total
    return Quality(sharpness=_sharpness(grey), mean=mean,
                   p1=_percentile(hist, total, 0.01), p99=_percentile(hist, total, 0.99))


def _percentile(hist: list[int], total: int, q: float) -> float:
    seen = 0
    for value, count in enumerate(hist):
        seen += count
        if seen >= q * total:
            return float(value)
    return 255.0


def _sharpness(grey: Image.Image) -> float:
    a = np.asarray(grey, dtype=np.float32)
    if a.shape[0] < 3 * TILES or a.shape[1] < 3 * TILES:
        return 0.0
    lap = a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:] - 4 * a[1:-1, 1:-1]
    th, tw = lap.shape[0] // TILES, lap.shape[1] // TILES
    tiles = lap[:th * TILES, :tw * TILES].reshape(TILES, th, TILES, tw)
    return float(tiles.var(axis=(1, 3)).max())


def advise(quality: Quality, width: int, height: int) -> tuple[str, ...]:
    advice = []
    if min(width, height) < MIN_SHORT_SIDE:
        advice.append("too_small")
    if quality.sharpness < BLUR_THRESHOLD:
        advice.append("blurry")
    if quality.mean < DARK_MEAN and quality.p99 < DARK_P99:
        advice.append("dark")
    if quality.mean > BRIGHT_MEAN and quality.p1 > BRIGHT_P1:
        advice.append("bright")
    return tuple(advice)
