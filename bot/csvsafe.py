"""CSV cells that a spreadsheet opens as text, never as a formula (CSV injection).

Excel, LibreOffice and Google Sheets treat a cell starting with `=`, `+`, `-`, `@`, a tab
or a carriage return as a formula (`=HYPERLINK(...)`, `@SUM(1+1)`, `-2+3`). Such a cell
gets a leading apostrophe, which the spreadsheet shows as text and does not display.
A plain number or phone number (`150`, `-12.5`, `+212661234567`, `+212 661 23 45 67`) is
left as it is: it cannot run anything, and a bulk upload must read it unchanged.

Used by every CSV Tijara writes: the admin export (bot/admin/export.py) and the export
folder's products.csv (bot/outbox/export.py).
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9][0-9 .]*")  # whole cell (fullmatch): no letters, no operators


def safe_cell(value: object) -> str:
    """The text of a cell, with a leading `'` when a spreadsheet would evaluate it."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values) -> list[str]:
    return [safe_cell(v) for v in values]
