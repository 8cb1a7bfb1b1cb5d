"""`python -m cxmaturity` runs the command line."""

from cxmaturity.cli import main

if __name__ == "__main__":  # not when a "spawn" worker process imports this module
    main()
