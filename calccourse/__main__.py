"""`python -m calccourse` runs the command-line interface."""

from calccourse.cli import main

main()
