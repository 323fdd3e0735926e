"""`python -m o2r_assistant` runs the `o2r` command."""

from .cli import main

main()
