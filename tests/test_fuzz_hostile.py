"""Damaged documents, workbooks, CSV and JSON never crash, hang or alter the input (issue 11).

Every example builds a hostile file from a healthy one the program wrote (see
``tests/fuzz_inputs.py``), runs a command of the real CLI on it in a child
process, and asserts what a user would notice:

* the exit status is 0 or 2 (``check`` and ``diff`` may also say 1);
* no traceback, and a refusal (2) says why in a ``rolematrix:`` line;
* the command finishes within ``TIME_LIMIT`` seconds (the child is killed after it);
* the input's bytes are the same afterwards and nothing new appears beside it;
* a refused import or export leaves no output file, and a document that
  ``import`` wrote opens again with ``check``.

Each example forks the already-imported test process and calls
``rolematrix.launcher.main`` in the child: that is the same code path as
``python -m rolematrix`` without the 0.3-0.7 s interpreter start, so CI gets
about ten times as many examples for its time, while the hang limit, a memory
cap and the exit status still come from a real separate process. Set
``ROLEMATRIX_FUZZ_RUNNER=subprocess`` to run ``python -m rolematrix`` itself.

CI runs ``FUZZ_EXAMPLES`` (40) examples per test: the module takes 15-30 s
on two cores. A longer local run (``-o timeout=0`` lifts pytest's 300 s cap)::

    ROLEMATRIX_FUZZ_EXAMPLES=2000 pytest -q -p no:cacheprovider -o timeout=0 tests/test_fuzz_hostile.py

and, to collect every distinct failure instead of stopping at the first
(each is appended to the file as one JSON line with its command, plan and
the last lines of the traceback)::

    ROLEMATRIX_FUZZ_EXAMPLES=2000 ROLEMATRIX_FUZZ_LOG=/tmp/fuzz.jsonl \\
        pytest -q -o timeout=0 tests/test_fuzz_hostile.py

A failure prints the plan that built the file (Hypothesis shrinks it) and
the command; ``docs/fuzzing.md`` says how to turn it into a reproducer.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolematrix.launcher
from tests import fuzz_inputs as fz

FUZZ_EXAMPLES = int(os.environ.get("ROLEMATRIX_FUZZ_EXAMPLES", "40"))
TIME_LIMIT = float(os.environ.get("ROLEMATRIX_FUZZ_TIME_LIMIT", "15"))
MEMORY_LIMIT = 2 * 1024**3  # more for one command is a bug (a bomb), not a reason to swap
LOG = os.environ.get("ROLEMATRIX_FUZZ_LOG")
RUNNER = os.environ.get("ROLEMATRIX_FUZZ_RUNNER", "fork")

fuzz_settings = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,  # the child's own time limit is the deadline that matters
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)


# ------------------------------------------------------------------ running the CLI
@dataclass
class Outcome:
    argv: list[str]
    code: int | None  # None: killed after TIME_LIMIT
    out: str
    err: str
    seconds: float
    crash: str = ""  # the traceback the CLI wrote to a crash report (exit 70), if any


def _mapped_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _child(argv: list[str], out_path: str, err_path: str, cache: str) -> None:
    """Runs in the forked child: the CLI with fds 1 and 2 on files; never returns."""
    code = 70
    try:
        os.environ["XDG_CACHE_HOME"] = cache  # where a crash report goes
        # on top of what the test process already maps (Qt alone reserves gigabytes)
        limit = _mapped_bytes() + MEMORY_LIMIT
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        for fd, path in ((1, out_path), (2, err_path)):
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(handle, fd)
            os.close(handle)
        sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        sys.stdin = Path(os.devnull).open()  # noqa: SIM115
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        try:
            code = int(rolematrix.launcher.main(argv) or 0)
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:
            traceback.print_exc()  # what `python -m rolematrix` would show the user
            code = 70
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _run_forked(argv: list[str], scratch: Path, cache: Path) -> Outcome:
    out_path, err_path = scratch / "stdout.txt", scratch / "stderr.txt"
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        _child(argv, str(out_path), str(err_path), str(cache))
    code: int | None = None
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            break
        if time.monotonic() - started > TIME_LIMIT:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.005)
    seconds = time.monotonic() - started
    read = lambda p: p.read_text("utf-8", "replace") if p.exists() else ""  # noqa: E731
    return Outcome(argv, code, read(out_path), read(err_path), seconds)


def _run_subprocess(argv: list[str], scratch: Path, cache: Path) -> Outcome:
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "rolematrix", *argv],
            capture_output=True,
            timeout=TIME_LIMIT,
            stdin=subprocess.DEVNULL,
            cwd=scratch,
            env={**os.environ, "XDG_CACHE_HOME": str(cache)},
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode("utf-8", "replace")
        err = (exc.stderr or b"").decode("utf-8", "replace")
        return Outcome(argv, None, out, err, time.monotonic() - started)
    return Outcome(
        argv,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        time.monotonic() - started,
    )


def run_cli(argv: list[str], scratch: Path) -> Outcome:
    """The command's outcome; its crash report, if it wrote one, kept out of ``scratch``."""
    runner = _run_subprocess if RUNNER == "subprocess" else _run_forked
    with tempfile.TemporaryDirectory(prefix="rolematrix-fuzz-cache-") as cache:
        outcome = runner(argv, scratch, Path(cache))
        reports = sorted(Path(cache).rglob("*"))
        outcome.crash = "\n".join(p.read_text("utf-8", "replace") for p in reports if p.is_file())
    return outcome


# ------------------------------------------------------------------ what must hold
def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def problems_with(
    outcome: Outcome,
    *,
    allowed: set[int],
    before: dict[str, str],
    inputs: Path,
    names: tuple[str, ...],
) -> list[str]:
    """What a user would call a bug in this run; empty when the run was fine.

    ``names`` are the files of the command (by file name): a refusal must name one.
    """
    found = []
    if outcome.code is None:
        found.append(f"still running after {TIME_LIMIT:.0f} s (killed)")
    elif outcome.code not in allowed:
        found.append(f"exit status {outcome.code}, expected one of {sorted(allowed)}")
    if "Traceback" in outcome.err:
        found.append("a traceback on stderr")
    if outcome.code == 2:
        said = [line for line in outcome.err.splitlines() if line.startswith("rolematrix:")]
        if not said:
            found.append("refused without a `rolematrix:` message saying why")
        elif not any(name in line for line in said for name in names):
            found.append(f"refused without naming the file: {said[-1][:120]!r}")
    after = _snapshot(inputs)
    if after != before:
        changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
        added = sorted(after.keys() - before.keys())
        removed = sorted(before.keys() - after.keys())
        found.append(f"input folder changed: changed {changed}, added {added}, removed {removed}")
    return found


def _signature(outcome: Outcome, problems: list[str]) -> str:
    """Where it broke: the last frame and exception of a traceback, else the problem."""
    text = outcome.crash or outcome.err
    lines = [line for line in text.splitlines() if line.strip()]
    if "Traceback" in text:
        frames = [line.strip() for line in lines if line.strip().startswith("File ")]
        return f"{frames[-1] if frames else '?'} | {lines[-1][:160]}"
    return problems[0].split(":")[0] + " | " + (lines[-1][:160] if lines else "")


def judge(outcome: Outcome, plan: Any, problems: list[str]) -> None:
    """Fail the example; or, in the logging run, record it and carry on."""
    __tracebackhide__ = True  # the report is the message and the falsifying example
    if not problems:
        return
    story = (
        f"command: rolematrix {' '.join(outcome.argv)}\n"
        f"exit {outcome.code} after {outcome.seconds:.2f} s; stderr ends:\n"
        + "\n".join(outcome.err.splitlines()[-8:])
        + ("\ncrash report ends:\n" + "\n".join(outcome.crash.splitlines()[-6:]))
        * bool(outcome.crash)
    )
    if LOG:
        record = {
            "signature": _signature(outcome, problems),
            "problems": problems,
            "command": outcome.argv[0],
            "argv": outcome.argv,
            "plan": repr(plan),
            "stderr_tail": outcome.err.splitlines()[-12:],
            "crash_tail": outcome.crash.splitlines()[-12:],
            "seconds": round(outcome.seconds, 2),
        }
        with Path(LOG).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    # an AssertionError (not pytest.fail) keeps Hypothesis's falsifying example in the report
    raise AssertionError("; ".join(problems) + "\n" + story)


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[fz.Seeds]:
    yield fz.build_seeds(tmp_path_factory.mktemp("seeds"))


@contextlib.contextmanager
def workspace(seed_document: bytes) -> Iterator[tuple[Path, Path, Path]]:
    """Three folders: the inputs (watched), a healthy reference document, and outputs."""
    with tempfile.TemporaryDirectory(prefix="rolematrix-fuzz-") as root:
        inputs, other, outputs = Path(root, "in"), Path(root, "ref"), Path(root, "out")
        for folder in (inputs, other, outputs):
            folder.mkdir()
        (other / "healthy.rolematrix").write_bytes(seed_document)
        yield inputs, other, outputs


def _exercise(
    seeds: fz.Seeds,
    hostile: bytes,
    suffix: str,
    command: str,
    target: str,
    plan: Any,
    options: tuple[str, ...] = (),
) -> Outcome:
    """Run ``command`` (with ``options``) on the hostile file and judge the run.

    A refusal must name the file, or the option it refuses.
    """
    with workspace(seeds.document) as (inputs, other, outputs):
        source = inputs / f"hostile{suffix}"
        source.write_bytes(hostile)
        healthy = str(other / "healthy.rolematrix")
        output = outputs / f"result{target}"
        argv = {
            "check": ["check", str(source)],
            "check-json": ["check", str(source), "--format", "json"],
            "export": ["export", str(source), "--output", str(output)],
            "import": ["import", str(source), str(output)],
            "history": ["history", str(source)],
            "diff": ["diff", healthy, str(source)],
            "diff-at": ["diff", str(source)],
            "copy": ["copy", str(source), str(output)],
        }[command] + list(options)
        allowed = {0, 1, 2} if command.startswith(("check", "diff")) else {0, 2}
        before = _snapshot(inputs)
        outcome = run_cli(argv, outputs)
        names = (source.name, "healthy.rolematrix", output.name)
        # an option's refusal names the option or the value the user typed
        names += tuple(o if o.startswith("--") else repr(o) for o in options)
        problems = problems_with(
            outcome, allowed=allowed, before=before, inputs=inputs, names=names
        )
        writes = command in ("export", "import", "copy")
        if writes and outcome.code == 2 and output.exists():
            problems.append("refused, yet left an output file")
        if writes and outcome.code is not None and outcome.code != 2:
            leftovers = sorted(
                p.name for p in outputs.iterdir() if p.name not in {"stdout.txt", "stderr.txt"}
            )
            if leftovers not in ([output.name], []):
                problems.append(f"extra files beside the output: {leftovers}")
        if outcome.code == 0 and writes and target == ".rolematrix" and not problems:
            reopened = run_cli(["check", str(output)], outputs)
            if reopened.code not in (0, 1):
                problems.append(
                    f"the document it wrote does not open again (check exit {reopened.code}: "
                    f"{reopened.err.strip().splitlines()[-1:] or ''})"
                )
        judge(outcome, plan, problems)
        return outcome


# ------------------------------------------------------------------ the tests
#: The tables a command reads beyond the matrices: damage lands there more often.
FOCUS = {"history": ("history",), "diff-at": ("history", "matrices")}

_names = st.one_of(
    st.sampled_from(["Sales – PM – Account triangle", "Sales Manager", "Renamed phase", ""]),
    st.text(max_size=10),
)
_moments = st.one_of(
    st.sampled_from(["2000-01-01T00:00", "0001-01-01T00:00", "9999-12-31T23:59", "now", ""]),
    st.datetimes().map(lambda d: d.isoformat()),
    st.text(max_size=12),
)
#: What a user may type after the file: hostile too, and refused by naming the option.
OPTIONS: dict[str, st.SearchStrategy[tuple[str, ...]]] = {
    "history": st.one_of(
        st.just(()),
        st.integers(-(2**70), 2**70).map(lambda n: ("--limit", str(n))),
        st.tuples(st.sampled_from(["--task", "--role", "--matrix"]), _names),
    ),
    "diff-at": st.tuples(st.just("--at"), _moments).flatmap(
        lambda at: st.one_of(st.just(at), _names.map(lambda n: (*at, "--matrix", n)))
    ),
}


@given(
    plan=st.data(),
    command=st.sampled_from(
        ["check", "check-json", "export", "history", "diff", "diff-at", "copy"]
    ),
    target=st.sampled_from([".json", ".xlsx", ".csv", ".pdf"]),
)
@fuzz_settings
def test_damaged_document(seeds: fz.Seeds, plan: st.DataObject, command: str, target: str) -> None:
    focus = FOCUS.get(command, ("matrices", "roles", "tasks", "cells", "people"))
    steps = plan.draw(fz.document_plans(seeds.tables, focus), label="plan")
    options = plan.draw(OPTIONS.get(command, st.just(())), label="options")
    hostile = fz.damage_document(seeds.document, steps)
    if command == "copy":
        target = ".rolematrix"
    _exercise(seeds, hostile, ".rolematrix", command, target, steps, options)


@given(
    steps=fz.xlsx_plans,
    command=st.sampled_from(["import", "import", "check", "export", "diff"]),
)
@fuzz_settings
def test_damaged_workbook(seeds: fz.Seeds, steps: list[Any], command: str) -> None:
    hostile = fz.damage_xlsx(seeds.xlsx, steps)
    target = ".rolematrix" if command == "import" else ".json"
    _exercise(seeds, hostile, ".xlsx", command, target, steps)


@given(
    steps=fz.csv_plans,
    command=st.sampled_from(["import", "import", "check", "export", "diff"]),
)
@fuzz_settings
def test_damaged_csv(seeds: fz.Seeds, steps: list[Any], command: str) -> None:
    hostile = fz.damage_csv(seeds.csv, steps)
    target = ".rolematrix" if command == "import" else ".xlsx"
    _exercise(seeds, hostile, ".csv", command, target, steps)


@given(
    steps=fz.json_plans,
    command=st.sampled_from(["import", "import", "check", "export", "diff"]),
)
@fuzz_settings
def test_damaged_json(seeds: fz.Seeds, steps: list[Any], command: str) -> None:
    hostile = fz.damage_json(seeds.json, steps)
    target = ".rolematrix" if command == "import" else ".csv"
    _exercise(seeds, hostile, ".json", command, target, steps)


@pytest.mark.parametrize("suffix", [".rolematrix", ".xlsx", ".csv", ".json"])
def test_healthy_seeds_pass_the_same_checks(seeds: fz.Seeds, suffix: str) -> None:
    """The harness itself: unharmed files pass every check, so a failure means the damage."""
    data = {
        ".rolematrix": seeds.document,
        ".xlsx": seeds.xlsx,
        ".csv": seeds.csv,
        ".json": seeds.json,
    }[suffix]
    commands = ["check", "export", "diff"] + (
        ["history", "copy"] if suffix == ".rolematrix" else ["import"]
    )
    for command in commands:
        target = ".rolematrix" if command in ("import", "copy") else ".json"
        outcome = _exercise(seeds, data, suffix, command, target, plan=None)
        assert outcome.code in (0, 1), (command, outcome.err)
