"""`python -m cxmaturity` runs the command line."""

from cxmaturity.cli import main

main()
