"""What the engine knows about photos: their quality advice and near-duplicates (pure)."""

from __future__ import annotations

# pHash bits apart: the same photo re-encoded, resized or brightened is 0-8 bits away,
# different scenes 18 or more (calibrated in benchmarks/media.py --calibrate).
NEAR_DUPLICATE_BITS = 10
ADVICE = ("too_small", "blurry", "dark", "bright")
# Why the media pipeline refused a file -> what the owner is told.
PHOTO_REFUSALS = {"too_large": "photo_too_large", "too_many_pixels": "photo_too_many_pixels",
                  "unavailable": "photo_unavailable"}


def refusal(media) -> str:
    """The locale key telling the owner why this file (a `MediaRef`) is no photo we keep."""
    if media.kind == "invalid":
        return PHOTO_REFUSALS.get(media.reason, "photo_not_image")
    return "expected_photo"


def is_near_duplicate(phash_a: str | None, phash_b: str | None) -> bool:
    """True when two perceptual hashes (hex, as stored) are within NEAR_DUPLICATE_BITS."""
    if not phash_a or not phash_b or len(phash_a) != len(phash_b):
        return False
    try:
        distance = (int(phash_a, 16) ^ int(phash_b, 16)).bit_count()
    except ValueError:
        return False
    return distance <= NEAR_DUPLICATE_BITS
