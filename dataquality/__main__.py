"""``python -m dataquality``: the command line (the same as the ``dataquality`` command)."""

import sys

from .cli import main

sys.exit(main())
