"""Tools for people who write rubrics and answers files: checking without scoring
(:mod:`.checks`), golden cases and calibration sets (:mod:`.selftest`, :mod:`.calibration`),
JSON Schemas for editors (:mod:`.schemas`), the answers template and drafts
(:mod:`.writer`) and the terminal interview (:mod:`.interview`).
"""
