"""Pure parsers for what owners type: numbers, prices, places, contacts and the ICE.

No I/O and no state: every function takes a string, never raises, looks at a
bounded prefix of it and returns either a value or an `Invalid` with a reason code.
"""

from flows.parsing.contact import Phone, parse_email, parse_phone
from flows.parsing.ice import parse_ice
from flows.parsing.numbers import normalize_digits, parse_number
from flows.parsing.places import (
    CITIES,
    REGIONS,
    City,
    CityMatch,
    Region,
    match_city,
    match_region,
)
from flows.parsing.prices import (
    UNITS,
    Price,
    Quantity,
    parse_price,
    parse_quantity,
    parse_unit,
)
from flows.parsing.result import Invalid

__all__ = [
    "CITIES",
    "REGIONS",
    "UNITS",
    "City",
    "CityMatch",
    "Invalid",
    "Phone",
    "Price",
    "Quantity",
    "Region",
    "match_city",
    "match_region",
    "normalize_digits",
    "parse_email",
    "parse_ice",
    "parse_number",
    "parse_phone",
    "parse_price",
    "parse_quantity",
    "parse_unit",
]
