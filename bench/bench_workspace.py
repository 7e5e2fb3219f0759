"""Shared workspace speed: the large matrix (5,000 tasks x 200 roles) on PostgreSQL vs a file.

Run: python bench/bench_workspace.py [--runs 3] [--url postgresql+psycopg://...]

Prints, as medians of ``--runs``, each figure for a PostgreSQL workspace on
loopback (``ROLEMATRIX_PG_URL`` or ``--url``; a schema of its own, dropped
after) with the same figure for a ``.rolematrix`` SQLite file measured in the
same run as the baseline:

* copy the large file into a new workspace (``rolematrix copy FILE URL``) vs into
  a new file;
* open + load;
* save after one cell edit (history row included), and after a task rename (the
  structure is compared with the saved one and its old state kept in the history);
* a poll for others' changes when there are none, and a refresh after someone
  else saved one cell (no file figure: a file has one writer);
* a save that first merges someone else's one-cell change.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large import build_size, figure
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from rolematrix.core.model import Document
from rolematrix.store import DocumentStore

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def timed(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="large", choices=["small", "realistic", "large"])
    parser.add_argument("--url", default=os.environ.get("ROLEMATRIX_PG_URL", DEFAULT_URL))
    args = parser.parse_args()
    runs = args.runs

    matrix = build_size(args.size)
    print(
        f"{args.size} matrix: {len(matrix.tasks)} tasks x {len(matrix.roles)} roles, "
        f"{matrix.filled_count} filled cells"
    )
    admin = create_engine(make_url(args.url), poolclass=NullPool)
    schema = f"rm_bench_{uuid.uuid4().hex[:10]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = (
        make_url(args.url)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    try:
        with tempfile.TemporaryDirectory(prefix="rolematrix-bench-") as tmp:
            run(Path(tmp), Document([matrix]), url, runs, args.size)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run(folder: Path, document: Document, url: str, runs: int, size: str) -> None:
    source = folder / "large.rolematrix"
    DocumentStore.create(source, document).close()
    copy_target = folder / "copy.rolematrix"

    def copy_to(target: str | Path) -> None:
        with DocumentStore.open(source, readonly=True) as store:
            loaded = store.load()
        DocumentStore.create(target, loaded, overwrite=True).close()

    to_file = timed(lambda: copy_to(copy_target), runs)
    to_workspace = timed(lambda: copy_to(url), runs)
    figure(f"copy {size} file -> new file", to_file)
    figure(f"copy {size} file -> workspace", to_workspace, "", ("file", to_file))

    def open_load(target: str | Path) -> Callable[[], Document]:
        def body() -> Document:
            with DocumentStore.open(target) as store:
                return store.load()

        return body

    load_file = timed(open_load(source), runs)
    load_ws = timed(open_load(url), runs)
    figure(f"open + load {size}, file", load_file)
    figure(f"open + load {size}, workspace", load_ws, "< 1 s with painting", ("file", load_file))

    rnd = random.Random(11)

    def one_edit(target: str | Path) -> float:
        with DocumentStore.open(target) as store:
            doc = store.load()
            m = doc.matrix()
            tasks, roles = m.tasks, m.roles

            def edit() -> None:
                m.set_cell(rnd.choice(tasks).id, rnd.choice(roles).id, rnd.choice("RACI"))
                store.save(doc)

            return timed(edit, runs)

    edit_file = one_edit(source)
    edit_ws = one_edit(url)
    figure(f"save {size} after one cell edit, file", edit_file, "< 0.3 s")
    figure(f"save {size} after one cell edit, workspace", edit_ws, "< 0.3 s", ("file", edit_file))

    counter = iter(range(10**6))

    def one_rename(target: str | Path) -> float:
        with DocumentStore.open(target) as store:
            doc = store.load()
            m = doc.matrix()

            def rename() -> None:
                task = rnd.choice(m.tasks)
                m.update_task(task.id, name=f"{task.name} v{next(counter)}")
                store.save(doc)

            return timed(rename, runs)

    rename_file = one_rename(source)
    rename_ws = one_rename(url)
    label = f"save {size} after a task rename (structure snapshot in the history)"
    figure(f"{label}, file", rename_file)
    figure(f"{label}, workspace", rename_ws, "", ("file", rename_file))

    with DocumentStore.open(url, user="ann") as ann, DocumentStore.open(url, user="bob") as bob:
        ann_doc, bob_doc = ann.load(), bob.load()
        a, b = ann_doc.matrix(), bob_doc.matrix()
        poll = timed(lambda: bob.changes_since(bob_doc), runs)
        figure("poll for others' changes (none), workspace", poll)

        def someone_else_edits() -> None:
            a.set_cell(rnd.choice(a.tasks).id, rnd.choice(a.roles).id, rnd.choice("RACI"))
            ann.save(ann_doc)

        refresh = timed(lambda: bob.refresh(bob_doc), runs, setup=someone_else_edits)
        figure("refresh after someone saved one cell, workspace", refresh)

        def merge_and_save() -> None:
            b.set_cell(rnd.choice(b.tasks).id, rnd.choice(b.roles).id, rnd.choice("RACI"))
            bob.save(bob_doc)

        merged = timed(merge_and_save, runs, setup=someone_else_edits)
        figure(
            "save one edit over someone's one-cell save (merge), workspace",
            merged,
            "< 0.3 s",
            ("plain save", edit_ws),
        )
        assert bob.last_merge is not None and bob.last_merge.cells, "the save did not merge"


if __name__ == "__main__":
    main()
