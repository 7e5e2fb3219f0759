"""Entry script of the PyInstaller bundle: the ``rolematrix`` command (CLI or editor)."""

import sys

from rolematrix.launcher import main

if __name__ == "__main__":
    sys.exit(main())
