"""Scoring: a checked submission in, an explained assessment out, pure and deterministic.
:mod:`.levels` holds the level rules (where evidence places a dimension, where dimensions
place the operation), shared with the linter; :mod:`.evidence` weighs answers and metrics;
:mod:`.changes` finds what would move a level; :mod:`.plan` the blockers and roadmap;
:mod:`.flags` what an assessor should look at; :mod:`.engine` assembles the result.
docs/scoring.md states the rules and why.
"""
