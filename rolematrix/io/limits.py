"""The named limits every reader holds a file to, and the error that names the one hit.

A 2 KB workbook can declare a cell a billion rows down, a 1 MB zip can
inflate to a gibibyte, an XML part can nest a million levels or declare
entities that expand exponentially. Each such trick meets one of these
limits before it costs much time or memory, and the refusal names the file,
the limit and its value, so a user with a genuinely big file knows what to
split. The values are documented in ``docs/formats.md``; they leave room
far above any matrix a person keeps (5,000 tasks x 200 roles is a million
cells).
"""

from __future__ import annotations

from rolematrix.io.report import UnreadableInputError

#: Input files larger than this are refused before any is read.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Members of an xlsx zip.
MAX_ZIP_MEMBERS = 10_000
#: Inflated size of one xlsx member, declared or actual.
MAX_PART_BYTES = 128 * 1024 * 1024
#: Inflated size of all xlsx members together.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
#: Inflated : compressed size of a member (real sheets stay below 30:1) ...
MAX_COMPRESSION_RATIO = 200
#: ... checked for members inflating past this size (tiny parts compress oddly).
RATIO_FLOOR_BYTES = 1024 * 1024
#: Row and column numbers (Excel's own limits: 1,048,576 rows, 16,384 columns, XFD).
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
#: Cells written in all sheets of a workbook, filled or not (Excel writes formatted empty
#: cells too): bounds the time spent parsing.
MAX_CELLS = 2_000_000
#: Cells holding something, in all sheets of a workbook or in a csv: bounds the memory.
MAX_FILLED_CELLS = 1_200_000
#: Cells of the rectangle a table is read from (rows x columns).
MAX_TABLE_CELLS = 3_000_000
#: XML elements in all parts of a workbook (a filled cell takes two or three).
MAX_XML_ELEMENTS = 6_000_000
#: Different texts in the cells a table is found among (each is read once as codes).
MAX_DISTINCT_TEXTS = 250_000
#: Shared strings of a workbook.
MAX_SHARED_STRINGS = 500_000
#: Characters of one cell's text (Excel's own limit is 32,767).
MAX_STRING_CHARS = 100_000
#: Nesting depth of XML elements in any part.
MAX_XML_DEPTH = 100
#: Characters of one csv field.
MAX_CSV_FIELD_CHARS = 1_000_000


class LimitError(UnreadableInputError):
    """The input goes past a named limit; the message names the file, the limit and its value."""


def exceeded(source: str, what: str, limit: int | str, name: str) -> LimitError:
    """The error for ``source`` going past the limit ``name``, ready to raise."""
    value = f"{limit:,}" if isinstance(limit, int) else limit
    return LimitError(f"{source}: {what}; refused (limit {name} = {value})")
