"""Running assessments as a job: many files (:mod:`.batch`, in parallel), several
interviewees of one site (:mod:`.merge`), gates and the policy file that sets them
(:mod:`.gates`, :mod:`.policy`, :mod:`.gating`, :mod:`.baseline`), and assessments over time
(:mod:`.history`, :mod:`.compare`, :mod:`.trend`, :mod:`.sites`). Returns data; never prints.
"""
