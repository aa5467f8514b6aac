"""Command line: ``python -m ganlib train|sample ...`` (see ``--help``)."""

import sys

try:
    from ganlib.cli import main
except KeyboardInterrupt:  # Ctrl-C while Python is still importing
    print("interrupted", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
