"""Entry script of the windowed executable (Windows and macOS): always the editor."""

import sys

from rolematrix.launcher import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
