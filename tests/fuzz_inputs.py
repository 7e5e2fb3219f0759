"""Hostile inputs for the fuzz test, built from healthy files the program itself wrote.

Random bytes are rejected at the first check (no SQLite header, no zip, no
JSON) and find little. The damage that finds bugs is the kind a real file
suffers or a hand-edit causes: one cell of one table set to the wrong thing,
one attribute of one sheet changed, one key of the JSON removed. So every
generator here starts from a document, workbook, CSV or JSON the program
wrote and describes a short *plan* of damage; :func:`damage_document` and
friends apply a plan to the healthy bytes. Plans are plain data, so
Hypothesis prints a failing one in full and shrinks it to the step that
matters.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import sqlite3
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from rolematrix.core.model import Document
from rolematrix.core.templates import builtin_templates
from rolematrix.io.dispatch import write_any
from rolematrix.store import DocumentStore


# ------------------------------------------------------------------ healthy seeds
class Seeds:
    """The healthy files every plan starts from, as bytes (the tests write copies).

    Not a dataclass: Hypothesis prints the arguments of a failing example, and
    would print every byte of these.
    """

    def __init__(
        self, document: bytes, xlsx: bytes, csv: bytes, json: bytes, tables: dict[str, list[str]]
    ) -> None:
        self.document, self.xlsx, self.csv, self.json = document, xlsx, csv, json
        self.tables = tables  # table -> column names, read from the real file

    def __repr__(self) -> str:
        return "Seeds(...)"


def build_seeds(folder: Path) -> Seeds:
    """A two-matrix document (one right to left) with history, and its exports.

    The document is saved twice after creation so that the history holds cell
    changes and a structure snapshot, which ``history`` and ``diff --at`` read.
    """
    templates = builtin_templates()
    path = folder / "seed.rolematrix"
    document = Document([templates["sales-pm-account"].build(), templates["fa-am-pm"].build()])
    DocumentStore.create(path, document).close()
    store = DocumentStore.open(path)
    try:
        document = store.load()
        matrix = document.matrices[0]
        matrix.set_cell(matrix.tasks[0].id, matrix.roles[0].id, "A")
        store.save(document)
        matrix.rename_phase(matrix.phases[0].id, "Renamed phase")
        store.save(document)
    finally:
        store.close()
    exports = {}
    for suffix in ("xlsx", "csv", "json"):
        out = folder / f"seed.{suffix}"
        write_any(document, str(out), matrix_name=matrix.name if suffix == "csv" else None)
        exports[suffix] = out.read_bytes()
    with sqlite3.connect(path) as db:
        names = [
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        tables = {
            name: [col[1] for col in db.execute(f'PRAGMA table_info("{name}")')]
            for name in sorted(names)
        }
    db.close()
    return Seeds(path.read_bytes(), exports["xlsx"], exports["csv"], exports["json"], tables)


# ------------------------------------------------------------------ hostile values
LONG = 200_000  # past csv's default field limit (131072) and any sane name length


@dataclass(frozen=True)
class Long:
    """``text`` repeated ``times``: a long value with a short repr, so plans print small."""

    text: str
    times: int

    def __str__(self) -> str:
        return self.text * self.times


def expand(value: Any) -> Any:
    return str(value) if isinstance(value, Long) else value


#: Values SQLite stores as they are; the reader must cope with each in any column.
sql_values = st.one_of(
    st.none(),
    st.sampled_from([0, -1, -(2**63), 2**63 - 1, 2**31, 1, 2, 3, 99999]),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0.5, float("nan"), float("inf"), -float("inf"), 1e308]),
    st.sampled_from(
        [
            "",
            " ",
            Long("x", LONG),
            Long("9", 5000),  # an integer Python refuses to parse by default
            "-5",
            "not json",
            "{",
            Long("[", 5000),  # nesting past the recursion limit
            '{"a": 1, "a": 2}',
            "[]",
            "{}",
            "null",
            '[["x", "y"]]',
            '[["x", ["nobody"]]]',
            "2026-13-45 99:99:99",
            "0000-00-00",
            "9999-12-31 23:59:59.999999+14:00",
            "RACI",
            "XYZ",
            Long("R", 30),
            "R,A",
            "\x00",
            "a\x00b",
            "\u202e\u200f",
            "\ufeff",
            "0002",
            "9999",
            Long("🙂", 100),
        ]
    ),
    st.text(max_size=30),
    st.binary(max_size=30),
    st.just(b"\xed\xa0\x80"),  # a lone surrogate as raw UTF-8-ish bytes, written as TEXT
)


@dataclass(frozen=True)
class Update:
    """``UPDATE table SET column = value`` on the ``row``-th row (modulo the count), or all."""

    table: str
    column: str
    row: int
    value: Any
    as_text: bool  # bytes values are CAST to TEXT, so they read back as invalid text


@dataclass(frozen=True)
class Duplicate:
    """Copy a row of ``table`` (a duplicated id when the table has no key to stop it)."""

    table: str
    row: int


@dataclass(frozen=True)
class Delete:
    """Delete the ``row``-th row: the references to it dangle."""

    table: str
    row: int


@dataclass(frozen=True)
class Statement:
    """A whole-file change: a dropped table or column, a pragma, a renamed table."""

    sql: str


@dataclass(frozen=True)
class Bytes:
    """Byte damage after the SQL steps: flip ``xor`` at ``at`` (fraction), or truncate."""

    at: float
    xor: int
    truncate: bool


def _sql_step(tables: dict[str, list[str]], focus: tuple[str, ...]) -> st.SearchStrategy[Any]:
    names = sorted(tables)
    chosen = st.sampled_from(names)
    if focus:  # the tables the command reads most: hit them more often
        chosen = st.one_of(chosen, st.sampled_from(focus))
    update = chosen.flatmap(
        lambda t: st.builds(
            Update,
            st.just(t),
            st.sampled_from(tables[t]),
            st.integers(-6, 60),  # negative: every row
            sql_values,
            st.booleans(),
        )
    )
    statements = st.sampled_from(
        [
            *(f'DROP TABLE "{t}"' for t in names),
            *(f'DELETE FROM "{t}"' for t in names),
            'ALTER TABLE "tasks" DROP COLUMN "notes"',
            'ALTER TABLE "matrices" RENAME TO "gone"',
            'ALTER TABLE "history" ADD COLUMN "extra" TEXT',
            "PRAGMA application_id = 0",
            "PRAGMA application_id = 1",
            "PRAGMA user_version = 99",
            "PRAGMA journal_mode = WAL",
            "UPDATE rolematrix_schema_version SET version_num = '9999'",
            "UPDATE meta SET value = '99.0' WHERE key = 'created_by'",
            "DELETE FROM meta WHERE key = 'application'",
            'CREATE VIEW "v" AS SELECT 1',
            "UPDATE cells SET task_id = task_id + 1000",
            "UPDATE roles SET id = 1",
            "UPDATE tasks SET phase_id = 424242",
            "UPDATE history SET matrix_id = 424242",
            "UPDATE history SET snapshot = '{}' WHERE snapshot IS NOT NULL",
            "UPDATE matrices SET next_id = 0",
        ]
    ).map(Statement)
    return st.one_of(
        update,
        update,
        update,
        st.builds(Duplicate, st.sampled_from(names), st.integers(0, 60)),
        st.builds(Delete, st.sampled_from(names), st.integers(0, 60)),
        statements,
    )


def document_plans(
    tables: dict[str, list[str]], focus: tuple[str, ...] = ()
) -> st.SearchStrategy[list[Any]]:
    """One to four SQL steps, sometimes followed by byte damage."""
    byte_step = st.builds(Bytes, st.floats(0, 1), st.integers(1, 255), st.booleans())
    return st.tuples(
        st.lists(_sql_step(tables, focus), min_size=1, max_size=4),
        st.lists(byte_step, max_size=1),
    ).map(lambda parts: [*parts[0], *parts[1]])


def _nth_rowid(db: sqlite3.Connection, table: str, row: int) -> int | None:
    count = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    if not count:
        return None
    found = db.execute(
        f'SELECT rowid FROM "{table}" ORDER BY rowid LIMIT 1 OFFSET ?', (row % count,)
    ).fetchone()
    return None if found is None else int(found[0])


def damage_document(seed: bytes, plan: list[Any]) -> bytes:
    """The seed document with ``plan`` applied; steps SQLite refuses are skipped."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.rolematrix"
        path.write_bytes(seed)
        declared = _set_schema(path, relax=True)
        db = sqlite3.connect(path, isolation_level=None)
        try:
            for step in plan:
                # a constraint (a primary key) may say no: the file then stays valid
                with contextlib.suppress(sqlite3.Error, OverflowError):
                    _apply_sql(db, step)
        finally:
            db.close()
        _set_schema(path, relax=False, declared=declared)
        data = path.read_bytes()
    for step in plan:
        if isinstance(step, Bytes) and data:
            at = min(int(step.at * len(data)), len(data) - 1)
            if step.truncate:
                data = data[:at]
            else:
                data = data[:at] + bytes([data[at] ^ step.xor]) + data[at + 1 :]
    return data


def _set_schema(
    path: Path, *, relax: bool, declared: dict[str, str] | None = None
) -> dict[str, str]:
    """Drop the NOT NULL constraints (``relax``), or put the ``declared`` ones back.

    A NULL where the schema forbids one is what a damaged or hand-edited file
    holds, but SQLite will not write it; so the damage is done with the
    constraints lifted, and the file then says NOT NULL again, as the program
    wrote it.
    """
    db = sqlite3.connect(path, isolation_level=None)
    try:
        tables = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
        db.execute("PRAGMA writable_schema = ON")
        if relax:
            for name, sql in tables.items():
                db.execute(
                    "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                    (sql.replace(" NOT NULL", ""), name),
                )
        else:
            for name, sql in (declared or {}).items():
                db.execute(
                    "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ? "
                    "AND sql = ?",
                    (sql, name, sql.replace(" NOT NULL", "")),
                )
        version = db.execute("PRAGMA schema_version").fetchone()[0]
        db.execute(f"PRAGMA schema_version = {version + 1}")
        db.execute("PRAGMA writable_schema = OFF")
    finally:
        db.close()
    return tables


def _apply_sql(db: sqlite3.Connection, step: Any) -> None:
    if isinstance(step, Statement):
        db.execute(step.sql)
        return
    if isinstance(step, Bytes):
        return
    if isinstance(step, Update) and step.row < 0:
        value = expand(step.value)
        cast = "CAST(? AS TEXT)" if isinstance(value, bytes) and step.as_text else "?"
        db.execute(f'UPDATE "{step.table}" SET "{step.column}" = {cast}', (value,))
        return
    rowid = _nth_rowid(db, step.table, step.row)
    if rowid is None:
        return
    if isinstance(step, Update):
        value = expand(step.value)
        if isinstance(value, bytes) and step.as_text:
            db.execute(
                f'UPDATE "{step.table}" SET "{step.column}" = CAST(? AS TEXT) WHERE rowid = ?',
                (value, rowid),
            )
        else:
            db.execute(
                f'UPDATE "{step.table}" SET "{step.column}" = ? WHERE rowid = ?', (value, rowid)
            )
    elif isinstance(step, Duplicate):
        info = list(db.execute(f'PRAGMA table_info("{step.table}")'))
        last_key = max(info, key=lambda c: c[5])  # c[5]: place in the primary key, 0 if none
        listed = ", ".join(f'"{c[1]}"' for c in info)
        # the copy gets a new last key (the same name twice); a table without a key, the same row
        chosen = ", ".join(
            f'"{c[1]}" + 1000' if c is last_key and c[5] else f'"{c[1]}"' for c in info
        )
        db.execute(
            f'INSERT OR IGNORE INTO "{step.table}" ({listed}) '
            f'SELECT {chosen} FROM "{step.table}" WHERE rowid = ?',
            (rowid,),
        )
    elif isinstance(step, Delete):
        db.execute(f'DELETE FROM "{step.table}" WHERE rowid = ?', (rowid,))


# ------------------------------------------------------------------ xlsx
BAD_REFS = ["A0", "A1048577", "XFE1", "ZZZZ1", "", "1A", "A-1", "A99999999999", "XFD1048576"]
BAD_CELL_TYPES = ["s", "e", "b", "str", "inlineStr", "d", "n", "x"]
BAD_VALUES = ["-1", "99999", "abc", "", "1e400", "NaN", "2147483648", "0.5", "#REF!"]


@dataclass(frozen=True)
class Sub:
    """In the ``member``-th zip member, replace the ``nth`` match of ``pattern``."""

    member: int
    pattern: str
    nth: int
    replacement: str


@dataclass(frozen=True)
class MemberChange:
    """Remove, duplicate, truncate, flip a byte of, or replace a zip member."""

    member: int
    how: str  # "remove" | "duplicate" | "truncate" | "flip" | "garbage" | "entities"
    at: float


@dataclass(frozen=True)
class CellEdit:
    """Through openpyxl: set one cell of a sheet to a hostile value (a still-valid workbook)."""

    sheet: int
    row: int
    column: int
    value: Any


_xml_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20).map(
    lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
)

xlsx_subs = st.one_of(
    st.builds(
        Sub,
        st.integers(0, 20),
        st.just(r' r="[A-Z]+[0-9]+"'),
        st.integers(0, 200),
        st.sampled_from(BAD_REFS).map(lambda r: f' r="{r}"'),
    ),
    st.builds(
        Sub,
        st.integers(0, 20),
        st.just(r' t="[a-zA-Z]+"'),
        st.integers(0, 200),
        st.sampled_from(BAD_CELL_TYPES).map(lambda t: f' t="{t}"'),
    ),
    st.builds(
        Sub,
        st.integers(0, 20),
        st.just(r"<v>[^<]*</v>"),
        st.integers(0, 200),
        st.sampled_from(BAD_VALUES).map(lambda v: f"<v>{v}</v>"),
    ),
    st.builds(
        Sub,
        st.integers(0, 20),
        st.just(r'ref="[^"]*"'),
        st.integers(0, 20),
        st.sampled_from(["A1:XFD1048576", "A1:A1", "", "B2:A1", "garbage"]).map(
            lambda r: f'ref="{r}"'
        ),
    ),
    st.builds(
        Sub,
        st.integers(0, 20),
        st.sampled_from([r"<t[^>]*>[^<]*</t>", r'name="[^"]*"', r'count="[0-9]*"']),
        st.integers(0, 200),
        _xml_text.map(lambda s: f"<t>{s}</t>"),
    ),
    st.builds(
        Sub,
        st.integers(0, 20),
        st.sampled_from([r"<row [^>]*>", r"<c [^>]*>", r"</sheetData>", r"<sheet [^>]*/>"]),
        st.integers(0, 200),
        st.sampled_from(["", "<row>", "<c/>", '<c r="A1" t="s"><v>-5</v></c>', "<junk>"]),
    ),
)

_cell_values = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=40).filter(lambda s: not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", s)),
    st.sampled_from(
        ["=1/0", "=A1", "R", "RACI", "R, A", Long("x", 40_000), "Phase", "Task", "", " ", "#N/A"]
    ),
)

xlsx_plans = st.one_of(
    st.lists(
        st.one_of(
            xlsx_subs,
            xlsx_subs,
            st.builds(
                MemberChange,
                st.integers(0, 20),
                st.sampled_from(["remove", "duplicate", "truncate", "flip", "garbage", "entities"]),
                st.floats(0, 1),
            ),
        ),
        min_size=1,
        max_size=3,
    ),
    st.lists(
        st.builds(
            CellEdit, st.integers(0, 4), st.integers(1, 30), st.integers(1, 12), _cell_values
        ),
        min_size=1,
        max_size=6,
    ),
)

_ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><x>&d;</x>'
)


def damage_xlsx(seed: bytes, plan: list[Any]) -> bytes:
    """The seed workbook with ``plan`` applied; the zip is rewritten so CRCs stay valid."""
    if plan and isinstance(plan[0], CellEdit):
        return _edit_cells(seed, plan)
    with zipfile.ZipFile(io.BytesIO(seed)) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    flips: list[tuple[str, float]] = []
    for step in plan:
        if not members:
            break
        index = step.member % len(members)
        name, body = members[index]
        if isinstance(step, Sub):
            text = body.decode("utf-8", "surrogateescape")
            matches = list(re.finditer(step.pattern, text))
            if matches:
                m = matches[step.nth % len(matches)]
                text = text[: m.start()] + step.replacement + text[m.end() :]
                members[index] = (name, text.encode("utf-8", "surrogateescape"))
        elif step.how == "remove":
            del members[index]
        elif step.how == "duplicate":
            members.append((name, body[: len(body) // 2]))
        elif step.how == "truncate":
            members[index] = (name, body[: int(step.at * len(body))])
        elif step.how == "garbage":
            members[index] = (name, b"\x00\xff not xml at all")
        elif step.how == "entities":
            members[index] = (name, _ENTITY_BOMB.encode())
        else:
            flips.append((name, step.at))
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicated names we want
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name, body in members:
                target.writestr(name, body)
    data = out.getvalue()
    for _name, at in flips:  # raw damage: the CRC or the deflate stream no longer fits
        pos = min(int(at * len(data)), len(data) - 1)
        data = data[:pos] + bytes([data[pos] ^ 0x5A]) + data[pos + 1 :]
    return data


def _edit_cells(seed: bytes, plan: list[CellEdit]) -> bytes:
    import openpyxl
    from openpyxl.cell.cell import MergedCell

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(seed))
        for edit in plan:
            sheet = book.worksheets[edit.sheet % len(book.worksheets)]
            cell = sheet.cell(edit.row, edit.column)
            if not isinstance(cell, MergedCell):  # the covered part of a merged range
                cell.value = expand(edit.value)
        out = io.BytesIO()
        book.save(out)
    return out.getvalue()


# ------------------------------------------------------------------ csv
@dataclass(frozen=True)
class TextEdit:
    """Insert ``text`` at ``at`` (a fraction of the length), replacing ``cut`` characters."""

    at: float
    cut: int
    text: str


@dataclass(frozen=True)
class Recode:
    """Write the final text in ``encoding`` (a BOM, UTF-16, Latin-1 or invalid UTF-8)."""

    encoding: str


csv_snippets = st.one_of(
    st.sampled_from(
        [
            "\x00",
            '"',
            '""',
            '"unterminated',
            ",,,,,,,,,,,,,,,,,,,,",
            "\r",
            "\n",
            "\r\n\r\n",
            ";",
            "\t",
            Long("x", LONG),
            Long("R", 5000),
            "\ufeff",
            "\u2028",
            "=cmd|' /C calc'!A0",
            "Phase,Task",
        ]
    ),
    st.text(max_size=30),
)

csv_plans = st.tuples(
    st.lists(
        st.builds(TextEdit, st.floats(0, 1), st.integers(0, 50), csv_snippets),
        min_size=1,
        max_size=4,
    ),
    st.lists(
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "broken"]).map(
            Recode
        ),
        max_size=1,
    ),
).map(lambda parts: [*parts[0], *parts[1]])


def _edit_text(text: str, plan: list[Any]) -> str:
    for step in plan:
        if isinstance(step, TextEdit):
            at = int(step.at * len(text))
            text = text[:at] + str(step.text) + text[at + step.cut :]
    return text


def _encode(text: str, plan: list[Any]) -> bytes:
    encoding = next((s.encoding for s in plan if isinstance(s, Recode)), "utf-8")
    if encoding == "broken":
        data = text.encode("utf-8", "surrogatepass")
        return data[: len(data) // 2] + b"\xff\xfe\xc3" + data[len(data) // 2 :]
    return text.encode(encoding, "replace")


def damage_csv(seed: bytes, plan: list[Any]) -> bytes:
    return _encode(_edit_text(seed.decode("utf-8-sig"), plan), plan)


# ------------------------------------------------------------------ json
@dataclass(frozen=True)
class JsonEdit:
    """At the ``path`` (indices modulo the size there): remove, replace or duplicate a value."""

    path: tuple[int, ...]
    how: str  # "remove" | "replace" | "duplicate-key"
    value: Any


_DEEP = Long("[", 100_000)  # stands for nesting past the recursion limit (built at dump time)
_HUGE = Long("9", 5000)  # stands for an integer of 5000 digits

json_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([-1, 0, 2**63, -(2**63) - 1, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["", " ", Long("x", LONG), "RACI", "XYZ", "R", "RA", "\ud800", "a\x00b"]),
    st.just([]),
    st.just({}),
    st.just([[]]),
    st.just({"": None}),
    st.sampled_from([_DEEP, _HUGE]),
)

json_plans = st.lists(
    st.builds(
        JsonEdit,
        st.lists(st.integers(0, 40), min_size=1, max_size=7).map(tuple),
        st.sampled_from(["remove", "replace", "replace", "duplicate-key"]),
        json_values,
    ),
    min_size=1,
    max_size=4,
)


class _Raw:
    """A JSON fragment written as it is (deep nesting, huge ints, duplicate keys)."""

    def __init__(self, text: str) -> None:
        self.text = text


def _walk(data: Any, path: tuple[int, ...]) -> tuple[Any, Any] | None:
    """The container and key/index ``path`` leads to (each step modulo the size)."""
    parent: Any = None
    key: Any = None
    node = data
    for step in path:
        if isinstance(node, dict) and node:
            keys = list(node)
            parent, key = node, keys[step % len(keys)]
        elif isinstance(node, list) and node:
            parent, key = node, step % len(node)
        else:
            break
        node = parent[key]
    return None if parent is None else (parent, key)


def _hostile(value: Any) -> Any:
    if value == _DEEP:
        return _Raw("[" * 100_000 + "]" * 100_000)
    if value == _HUGE:
        return _Raw("9" * 5000)
    return copy.deepcopy(expand(value))  # st.just() hands out one object: never share it


def damage_json(seed: bytes, plan: list[JsonEdit]) -> bytes:
    data = json.loads(seed)
    for edit in plan:
        found = _walk(data, edit.path)
        if found is None:
            continue
        parent, key = found
        if edit.how == "remove":
            del parent[key]
        elif edit.how == "replace":
            parent[key] = _hostile(edit.value)
        elif isinstance(parent, dict):
            # the same key twice: the first holds the hostile value, the second the real one
            parent[key] = _DuplicateKey(parent[key], _hostile(edit.value))
    return _dump(data).encode("utf-8", "surrogatepass")


class _DuplicateKey:
    def __init__(self, real: Any, other: Any) -> None:
        self.real, self.other = real, other


def _dump(node: Any) -> str:
    if isinstance(node, _Raw):
        return node.text
    if isinstance(node, dict):
        parts = []
        for key, value in node.items():
            name = json.dumps(key)
            if isinstance(value, _DuplicateKey):
                parts.append(f"{name}: {_dump(value.other)}")
                parts.append(f"{name}: {_dump(value.real)}")
            else:
                parts.append(f"{name}: {_dump(value)}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(_dump(v) for v in node) + "]"
    if isinstance(node, _DuplicateKey):
        return _dump(node.real)
    return json.dumps(node)
