"""From bytes on disk to checked data: finding and loading rubrics (:mod:`.catalog`,
:mod:`.containment`, :mod:`.integrity`), validating a parsed document into a model with every
error located (:mod:`.validation`, :mod:`.salvage`, :mod:`.kinds`), and reading an answers
file against its rubric (:mod:`.submission`, with :mod:`.options` and :mod:`.percentages`
for how people write answers and numbers). :mod:`.inputs` is the one search for input
files; :mod:`.index` the per-rubric look-ups shared by every file of a batch.
"""
