"""The ``rolematrix`` command line: everything that is not interaction.

Exit status (SPEC section 4): 0 success; 1 ``check`` found an open error or
``diff`` found a difference; 2 bad usage or bad input; 70 an internal error.
Bad input never shows a traceback: every error the store and io layers raise
carries a message that names the file and the problem, and is printed as
``rolematrix: <message>``. Any other exception is a bug: it must not exit 1
(a script would read "findings"), so it exits 70 with one line saying so and
where the traceback was written (:mod:`rolematrix.crash_report`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import NoReturn, TextIO

from rolematrix import __version__
from rolematrix.core.checker import check
from rolematrix.core.diff import diff_documents, diff_matrices
from rolematrix.core.findings import Finding, Severity, summary
from rolematrix.core.model import Document, DuplicateNameError, Matrix
from rolematrix.core.templates import (
    TemplateError,
    builtin_templates,
    get_template,
    reference_for,
)
from rolematrix.crash_report import EXIT_INTERNAL_ERROR, scrub, sentence
from rolematrix.io.dispatch import EXPORT_SUFFIXES, IMPORT_SUFFIXES, read_any, write_any
from rolematrix.io.pdf_words import LANGUAGES as PDF_LANGUAGES
from rolematrix.io.report import ExportError, ImportProblem, InputError
from rolematrix.store import DocumentStore, StoreError, is_database_url, without_password
from rolematrix.store.targets import is_conninfo, parse_target

SUBCOMMANDS = ("templates", "new", "check", "export", "import", "copy", "diff", "history")
EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
#: The most history entries one ``history --limit`` asks for (SQLite's integers end at 2**63).
MAX_HISTORY_LIMIT = 1_000_000_000


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def _fail(message: str) -> NoReturn:
    raise CommandError(message)


# ------------------------------------------------------------------ documents
def load_document(target: str, *, warn: TextIO | None = None) -> Document:
    """A document from a RoleMatrix file, a database URL, or an importable file."""
    if not _is_address(target) and Path(target).suffix.lower() in IMPORT_SUFFIXES:
        result = read_any(target)
        _report_problems(target, result.problems, warn)
        return result.document
    store = DocumentStore.open(target, readonly=True)
    try:
        return store.load()
    finally:
        store.close()


def _is_address(target: str) -> bool:
    """A database address or a libpq ``key=value`` string (which the store refuses, masked)."""
    return is_database_url(target) or is_conninfo(target)


def _a_file(target: str, what: str) -> str:
    """``target``, refused when it is an address: ``what`` reads or writes files only."""
    if _is_address(target):
        _fail(
            f"{without_password(target)}: {what} takes a file, not a database address; "
            "use `rolematrix copy` to copy between documents and workspaces"
        )
    return target


def _report_problems(source: str, problems: list[ImportProblem], out: TextIO | None) -> None:
    if out is None:
        return
    for problem in problems:
        print(f"rolematrix: {source}: {problem}", file=out)


def _template_for(matrix: Matrix, template_id: str | None) -> Matrix | None:
    if template_id is None:
        return reference_for(matrix)
    try:
        return get_template(template_id).reference
    except LookupError as exc:
        _fail(str(exc))


def _matrices(document: Document, name: str | None, where: str) -> list[Matrix]:
    """The matrices a command works on; a missing one is bad input naming ``where``."""
    if name is None:
        return list(document.matrices)
    try:
        return [document.matrix(name)]
    except LookupError as exc:
        _fail(f"{without_password(where)}: {exc}")


# ------------------------------------------------------------------ commands
def _add_matrices(target: str, matrices: list[Matrix], *, replace: bool, flag: str) -> None:
    """Add ``matrices`` to the document or workspace at ``target``, keeping its others.

    A matrix of the same name (ignoring case) is replaced only when the user
    gave ``flag``; without it nothing is written.
    """
    store = DocumentStore.open(target)
    try:
        destination = store.load()
        for matrix in matrices:
            existing = [
                m for m in destination.matrices if m.name.casefold() == matrix.name.casefold()
            ]
            if existing and not replace:
                _fail(
                    f"{store.display_name}: already holds a matrix named {matrix.name!r}; "
                    f"use {flag} to overwrite it"
                )
            for old in existing:
                destination.matrices.remove(old)
            destination.add(matrix)
        store.save(destination)
    finally:
        store.close()


def _write_new(target: str, document: Document, *, force: bool) -> None:
    """A new file, or the document's matrices added to a shared workspace.

    ``--force`` replaces a whole file, but on a workspace only the matrices of
    the same name: the others belong to colleagues, and wiping them (with
    their history) is never what "overwrite" meant.
    """
    where = parse_target(target)
    if where.path is None:
        _add_matrices(target, document.matrices, replace=force, flag="--force")
        return
    suffix = where.path.suffix.lower()
    if suffix in EXPORT_SUFFIXES:
        _fail(
            f"{target}: RoleMatrix keeps documents in .rolematrix files; "
            f"to write {suffix} use `rolematrix export`"
        )
    DocumentStore.create(target, document, overwrite=force).close()


def cmd_templates(args: argparse.Namespace) -> int:
    for template in builtin_templates().values():
        print(f"{template.id:30} {template.title}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    template = get_template(args.template)
    document = Document([template.build()])
    _write_new(args.file, document, force=args.force)
    print(f"created {without_password(args.file)} from template {template.id} ({template.title})")
    return EXIT_OK


def _finding_line(f: Finding) -> str:
    where = " / ".join(x for x in (f.task, f.role, f.person) if x) or "(whole matrix)"
    status = "accepted " if f.accepted else ""
    line = f"{status}{f.severity.value:7} {f.rule:30} {where}: {f.message}"
    if f.accepted:
        line += f" (accepted: {f.reason})"
    return line


def cmd_check(args: argparse.Namespace) -> int:
    document = load_document(args.file, warn=sys.stderr)
    findings: list[Finding] = []
    for matrix in _matrices(document, args.matrix, args.file):
        findings += check(matrix, _template_for(matrix, args.template))
    if args.format == "json":
        json.dump([f.as_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for f in findings:
            print(f"{f.matrix}: {_finding_line(f)}")
        counts = summary(findings)
        print(
            f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
            + (f", {counts['accepted']} accepted" if counts["accepted"] else "")
        )
    open_errors = any(f.severity is Severity.ERROR and not f.accepted for f in findings)
    return EXIT_FINDINGS if open_errors else EXIT_OK


def _same_file(a: str, b: str) -> bool:
    if is_database_url(a) or is_database_url(b):
        return False
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop (Python < 3.13)
        return False


def cmd_export(args: argparse.Namespace) -> int:
    _a_file(args.output, "export --output")
    if _same_file(args.file, args.output):
        _fail(f"{args.output}: is the file being exported; choose another output file")
    document = load_document(args.file, warn=sys.stderr)
    if args.matrix is not None:
        _matrices(document, args.matrix, args.file)  # a clear message when the name is wrong
    write_any(
        document,
        args.output,
        matrix_name=args.matrix,
        handbook=args.handbook,
        language=args.language,
    )
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    _a_file(args.input, "import")
    if _same_file(args.input, args.output):
        _fail(f"{args.output}: is the file being imported; choose another output file")
    result = read_any(args.input)
    _report_problems(args.input, result.problems, sys.stderr)
    if not result.document.matrices:
        _fail(f"{args.input}: holds no matrix; nothing was imported")
    _write_new(args.output, result.document, force=args.force)
    names = ", ".join(m.name for m in result.document.matrices)
    print(
        f"imported {len(result.document.matrices)} matrix(es) into {without_password(args.output)}: {names}"
    )
    return EXIT_OK


def cmd_copy(args: argparse.Namespace) -> int:
    source = load_document(args.source, warn=sys.stderr)
    chosen = _matrices(source, args.matrix, args.source)
    where = parse_target(args.destination)
    if where.path is None or where.path.exists():
        _add_matrices(args.destination, chosen, replace=args.replace, flag="--replace")
    else:
        DocumentStore.create(args.destination, Document(chosen)).close()
    print(
        f"copied {', '.join(repr(m.name) for m in chosen)} to {without_password(args.destination)}"
    )
    return EXIT_OK


def _moment(text: str) -> datetime:
    """``2026-11-20T10:00`` (local time) or with an offset (``...+01:00``, ``...Z``)."""
    try:
        moment = datetime.fromisoformat(text.strip())
        # local time as an offset; a moment at the ends of the calendar has none (year 1)
        return moment if moment.tzinfo is not None else moment.astimezone()
    except (ValueError, OverflowError, OSError):
        _fail(f"--at {text!r} is not a date and time like 2026-11-20T10:00")


def cmd_diff(args: argparse.Namespace) -> int:
    if args.at is not None:
        if args.b is not None:
            _fail("give either a second document or --at, not both")
        moment = _moment(args.at)
        store = DocumentStore.open(args.a, readonly=True)
        try:
            a = store.load_at(moment, args.matrix)
            b = store.load()
        finally:
            store.close()
        if args.matrix is not None:
            try:
                now = b.matrix(args.matrix)
            except LookupError as exc:
                _fail(f"{store.display_name}: {exc}")
            if not a.matrices:
                _fail(f"{store.display_name}: {args.matrix!r} did not exist at {args.at}")
            changes = diff_matrices(a.matrices[0], now)
        else:
            changes = diff_documents(a, b, identity=store.identity)
    else:
        if args.b is None:
            _fail("diff needs two documents, or one and --at TIME")
        a = load_document(args.a, warn=sys.stderr)
        b = load_document(args.b, warn=sys.stderr)
        try:
            changes = diff_documents(a, b, args.matrix)
        except LookupError as exc:
            _fail(f"{without_password(args.a)} / {without_password(args.b)}: {exc}")
    for change in changes:
        print(change.text)
    return EXIT_FINDINGS if changes else EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    if args.limit is not None and not 1 <= args.limit <= MAX_HISTORY_LIMIT:
        _fail(f"--limit must be between 1 and {MAX_HISTORY_LIMIT:,}")
    store = DocumentStore.open(args.file, readonly=True)
    try:
        entries = store.history(args.matrix, task=args.task, role=args.role, limit=args.limit)
    finally:
        store.close()
    for entry in entries:
        print(entry.line)
    if not entries:
        print("no recorded changes", file=sys.stderr)
    return EXIT_OK


# ------------------------------------------------------------------ parsing
class _Parser(argparse.ArgumentParser):
    #: the arguments being parsed: argparse echoes a bad one, which may be an address
    arguments: Sequence[str] = ()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"rolematrix: error: {scrub(message, _Parser.arguments)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rolematrix",
        description="Edit and check responsibility (RACI) matrices. "
        "Without a command, `rolematrix [FILE]` starts the editor; "
        "`rolematrix --db postgresql+psycopg://HOST/DB` opens a shared workspace in it. "
        "Every FILE may also be a database URL (passwords belong in ~/.pgpass or PGPASSWORD).",
    )
    parser.add_argument("--version", action="version", version=f"rolematrix {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("templates", help="list the built-in templates")
    p.set_defaults(run=cmd_templates)

    p = sub.add_parser("new", help="create a document from a template")
    p.add_argument("file", help="the new .rolematrix file (or a database URL)")
    p.add_argument("--template", required=True, help="template id (see `rolematrix templates`)")
    p.add_argument(
        "--force",
        action="store_true",
        help="overwrite an existing file (on a workspace: a matrix of the same name)",
    )
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("check", help="list the problems the checker finds")
    p.add_argument("file")
    p.add_argument("--matrix", help="check only this matrix")
    p.add_argument("--template", help="compare with this built-in template")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("export", help="export to .xlsx, .pdf, .csv or .json")
    p.add_argument("file")
    p.add_argument("--output", "-o", required=True)
    p.add_argument("--matrix")
    p.add_argument("--handbook", action="store_true", help="the per-role PDF handbook")
    p.add_argument(
        "--language",
        choices=PDF_LANGUAGES,
        help="the language of a PDF's own words (default: the matrix's; Persian if right to left)",
    )
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("import", help="read .xlsx, .csv or .json into a new document")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument(
        "--force",
        action="store_true",
        help="overwrite an existing output file (on a workspace: matrices of the same names)",
    )
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("copy", help="copy matrices between documents and workspaces")
    p.add_argument("source")
    p.add_argument("destination")
    p.add_argument("--matrix")
    p.add_argument("--replace", action="store_true", help="replace a matrix of the same name")
    p.set_defaults(run=cmd_copy)

    p = sub.add_parser("diff", help="what changed between two documents, or since a time")
    p.add_argument("a")
    p.add_argument("b", nargs="?", help="the second document (or use --at)")
    p.add_argument("--matrix")
    p.add_argument(
        "--at",
        metavar="TIME",
        help="compare A as it was at TIME (2026-11-20T10:00, local time) with A now",
    )
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser("history", help="the recorded changes of a document or workspace")
    p.add_argument("file", help="a .rolematrix file or a database URL")
    p.add_argument("--matrix", help="only this matrix")
    p.add_argument("--task", help="only this task (name)")
    p.add_argument("--role", help="only this role (name)")
    p.add_argument("--limit", type=int, help="at most N entries, newest first")
    p.set_defaults(run=cmd_history)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    _Parser.arguments = arguments
    args = build_parser().parse_args(arguments)
    try:
        return int(args.run(args))
    except (
        CommandError,
        StoreError,
        InputError,
        ExportError,
        TemplateError,
        DuplicateNameError,
        LookupError,
    ) as exc:
        # every layer names addresses without their password; this is the last guard
        print(f"rolematrix: {scrub(str(exc), arguments)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the system refused (a full disk, a permission): not a bug
        where = f"{without_password(str(exc.filename))}: " if exc.filename else ""
        print(f"rolematrix: {scrub(f'{where}{exc.strerror or exc}', arguments)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        print(f"rolematrix: {sentence(exc, arguments)}", file=sys.stderr)
        return EXIT_INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
