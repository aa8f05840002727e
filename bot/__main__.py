"""`tijara` (and `python -m bot`): the command line, imported only once it runs.

A photo process (storage/media.py) is spawned, and a spawned process imports the main
module first: with `bot.cli` there, each would import the whole app (160 MB of memory
measured, for a process that only decodes photos); with this module, nothing more.
"""

from __future__ import annotations

import sys


def main() -> int:
    from bot.cli import main as cli

    return cli()


if __name__ == "__main__":
    sys.exit(main())
