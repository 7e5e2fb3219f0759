"""The ``rolematrix`` entry point: a command, or the editor.

``rolematrix check FILE`` and the other commands go to :mod:`rolematrix.cli`
(which never imports Qt, so scripts stay fast and run without a display);
``rolematrix`` or ``rolematrix FILE`` start the editor. The GUI is imported
only here, only when wanted.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rolematrix import cli


def wants_gui(argv: Sequence[str]) -> bool:
    if not argv:
        return True
    return argv[0] not in (*cli.SUBCOMMANDS, "-h", "--help", "--version")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_gui(args):
        return gui_main(args)
    return cli.main(args)


def gui_main(argv: Sequence[str] | None = None) -> int:
    """The editor; a bug that escapes it (say while starting up) exits 70, never 1."""
    from rolematrix.crash_report import EXIT_INTERNAL_ERROR, sentence

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        from rolematrix.gui.app import main as run_editor

        return run_editor(args)
    except Exception as exc:
        if sys.stderr is not None:  # a windowed program may have none
            print(f"rolematrix: {sentence(exc, args)}", file=sys.stderr)
        return EXIT_INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
