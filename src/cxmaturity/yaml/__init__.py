"""The strict YAML reader every file goes through: YAML 1.2 scalars (`no` stays text), no
tags, aliases or duplicate keys, bounded size and depth, and a mark (line, column) for every
value so that each problem can name where it is. :mod:`.reader` is the reader,
:mod:`.fast` its fast path over libyaml, :mod:`.scalars` what both share, :mod:`.problems`
syntax errors in our words. Nothing here knows what a rubric or an answers file is.
"""
