"""`python -m desktop` starts the application (same as `grokking-lab`)."""

import sys

from desktop.app import main

sys.exit(main())
