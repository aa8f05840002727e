"""The failure value shared by every parser in `flows.parsing`.

Parsers return either their value or an `Invalid` carrying a reason code; the
conversation engine maps the code to a sentence in the owner's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Reason codes (the `reason` of an `Invalid`):
EMPTY = "empty"                      # nothing but blanks was typed
NO_NUMBER = "no_number"              # a price or quantity without any number in it
NOT_POSITIVE = "not_positive"        # zero or negative (after rounding to centimes)
FOREIGN_CURRENCY = "foreign_currency"  # a price in euros/dollars; params {"currency": "EUR"}
INVALID = "invalid"                  # a phone number or e-mail address that cannot be read
WRONG_LENGTH = "wrong_length"        # an ICE without 15 digits; params {"count": n}
NOT_DIGITS = "not_digits"            # an ICE with letters or other symbols in it

REASONS = (EMPTY, NO_NUMBER, NOT_POSITIVE, FOREIGN_CURRENCY, INVALID, WRONG_LENGTH, NOT_DIGITS)


@dataclass(frozen=True)
class Invalid:
    reason: str
    # Left out of the hash so that an Invalid can still be put in a set.
    params: dict = field(default_factory=dict, hash=False)
