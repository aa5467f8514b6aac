"""Command line: ``python -m ganlib train|sample ...`` (see ``--help``)."""

from ganlib.cli import main

raise SystemExit(main())
