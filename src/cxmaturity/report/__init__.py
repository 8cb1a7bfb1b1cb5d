"""Rendering: finished results into text, one module per format or view, deciding nothing.
:mod:`.formats` is the one registry of output formats for every command; :mod:`.explain`
the sentences every human format shares. Text from files passes through
:mod:`cxmaturity.escape` on its way out.
"""
