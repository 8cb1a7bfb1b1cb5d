"""The data: pydantic models of the files people write (:mod:`.rubric`, :mod:`.answers`) and
of what the tool produces (:mod:`.result` for one assessment, :mod:`.records` for a batch,
:mod:`.comparison`, :mod:`.trend`), with the small rules that belong to the data itself:
placing a value in a metric's bands (:mod:`.bands`) and naming a level (:mod:`.ladder`).
No reading of files and no scoring here.
"""
