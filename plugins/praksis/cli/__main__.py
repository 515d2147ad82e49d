"""``python -m praksis.cli``: the same as the ``praksis`` command."""

from . import main

main()
