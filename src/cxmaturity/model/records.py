"""What happened to each input of a batch, as the reporters and gates see it: the outcome of
one file, the digest of its result, and the counts over the batch."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxmaturity.errors import EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK, Problem
from cxmaturity.model.result import Assessment


@dataclass(frozen=True)
class Digest:
    """The few facts about one result that tables and gates show."""

    organization: str
    site: str | None
    date: str
    rubric_id: str
    rubric_version: str
    rubric_sha256: str
    status: str
    level: int | None
    level_name: str | None
    score: float | None
    confidence: float
    dimensions: tuple[tuple[str, int | None], ...]
    level_term: str

    @classmethod
    def of(cls, result: Assessment) -> Digest:
        return cls(result.organization, result.site, result.date.isoformat(),
                   result.rubric.id, result.rubric.version, result.rubric.sha256, result.status,
                   result.overall.level, result.overall.name, result.overall.score,
                   result.confidence, tuple((d.id, d.level) for d in result.dimensions),
                   result.level_term)

    @property
    def label(self) -> str:
        """The overall level as the rubric words it, e.g. `Stage 2 Coaching`."""
        if self.level is None:
            return "not assessed"
        return f"{self.level_term} {self.level} {self.level_name}"


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: a result (as JSON and digest) and its failed gates,
    or the problems that kept it from being scored."""

    file: str
    document: str | None = None
    """The assessment as compact JSON (the `--format json` document of one file)."""
    digest: Digest | None = None
    gates: tuple[Problem, ...] = ()
    """The gates the result failed, each a problem whose `rule` names the gate."""
    problems: tuple[Problem, ...] = ()
    result: Assessment | None = field(default=None, compare=False, repr=False)
    """The assessment itself, kept only when scored in this process and asked for."""
    compared: bool = False
    """A regression gate found this file in its baseline."""
    notes: tuple[str, ...] = ()
    """What standard error should say of it besides problems and failed gates."""

    @property
    def broken(self) -> bool:
        return self.document is None

    @property
    def failed_by_gate(self) -> dict[str, list[Problem]]:
        """The failed gates' problems, by gate, in the order the gates first failed."""
        grouped: dict[str, list[Problem]] = {}
        for gate in self.gates:
            grouped.setdefault(gate.rule or "gate", []).append(gate)
        return grouped

    def assessment(self) -> Assessment:
        """The full assessment (parsed back from JSON if it was scored elsewhere)."""
        if self.result is not None:
            return self.result
        assert self.document is not None, "a broken input has no assessment"
        return Assessment.model_validate_json(self.document)


@dataclass
class Tally:
    """Counts over a batch, and the exit code they mean."""

    files: int = 0
    broken: int = 0
    gated: int = 0
    compared: int = 0
    """Scored files that a regression gate found in its baseline."""
    rubrics: set[str] = field(default_factory=set)
    """The ids of the rubrics the scored files were scored with."""

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        self.broken += outcome.broken
        self.gated += bool(outcome.gates)
        self.compared += outcome.compared
        if outcome.digest is not None:
            self.rubrics.add(outcome.digest.rubric_id)

    @property
    def scored(self) -> int:
        """Inputs that were scored (not broken)."""
        return self.files - self.broken

    @property
    def counted(self) -> str:
        """`1 file` or `N files`."""
        return f"{self.files} file{'' if self.files == 1 else 's'}"

    @property
    def exit_code(self) -> int:
        """2 if any input was bad, else 1 if any gate failed, else 0."""
        if self.broken:
            return EXIT_BAD_INPUT
        return EXIT_GATE_FAILED if self.gated else EXIT_OK
