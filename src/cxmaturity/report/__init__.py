"""Reporters: each turns a finished :class:`~cxmaturity.model.result.Assessment` into text."""
