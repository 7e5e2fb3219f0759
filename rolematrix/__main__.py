"""``python -m rolematrix``: the same as the ``rolematrix`` command."""

import sys

from rolematrix.launcher import main

sys.exit(main())
