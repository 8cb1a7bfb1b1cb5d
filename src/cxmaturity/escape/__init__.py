"""Text from others (answers files, rubrics, saved results, file names) made safe for each
output medium, one module per medium: :mod:`.terminal` (Rich and plain text, standard error),
:mod:`.markdown`, :mod:`.spreadsheet` (CSV), :mod:`.xml10` (JUnit), :mod:`.html` and
:mod:`.github` (workflow commands). :mod:`.controls` is the one rule they share: which
characters steer a display, and how they are shown instead. Reporters and error printers
pass data through these modules and never escape by hand (README "Security").
"""
