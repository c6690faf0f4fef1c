"""`python -m offload` runs the same entry point as the `offload` command."""

from offload.cli import main

raise SystemExit(main())
