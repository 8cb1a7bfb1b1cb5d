"""Fuzzing the loaders: strategies, targets and the long run (`python -m tests.fuzz.long_run`)."""
