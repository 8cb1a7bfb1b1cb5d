"""Reporters: each turns a finished :class:`~cxmaturity.result.Assessment` into text."""
