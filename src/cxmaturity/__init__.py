"""cxmaturity: score a contact center against a maturity model written as a YAML rubric.

The library API: :func:`cxmaturity.load.submission.read_submission` reads an answers file
against its rubric, :func:`cxmaturity.scoring.engine.score` turns it into an
:class:`cxmaturity.model.result.Assessment`.
"""

__version__ = "0.1.0"

#: The bundled rubric an answers file (or a command) uses when it names none.
DEFAULT_RUBRIC = "contact-center-ai-maturity"
