"""Allow `python -m careers_cli`."""

from careers_cli.cli import main

main()
