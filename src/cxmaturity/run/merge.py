"""Several interviewees, one site: combine their answers files into one submission.

Consensus rule (docs/merge.md): per question, the respondents' answers are ranked by the
level each points to, and the **lower median** is kept (the middle answer; with an even
count, the less mature of the two middle ones). `unknown` and `n/a` do not vote; a question
is `n/a` only if nobody answered it and someone said `n/a`. Metrics keep the lower median
value. Respondents more than one step apart on a scale (or more than one level apart on a
metric's bands) are reported as a :class:`~cxmaturity.model.result.Disagreement`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cxmaturity.errors import InputError, Problem, UsageError
from cxmaturity.load.inputs import STDIN, collect_inputs
from cxmaturity.load.submission import Submission, check_submission
from cxmaturity.load.validation import located
from cxmaturity.model import bands
from cxmaturity.model.answers import Answers
from cxmaturity.model.result import Assessment, Disagreement
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Metric, Question, Rubric
from cxmaturity.run.sites import same_name
from cxmaturity.yaml.reader import YamlDocument, read_yaml_file

#: Answers this many steps apart (scale options, or metric levels) still agree; further
#: apart is a disagreement: the "more than one step apart" rule of docs/merge.md.
AGREEING_SPREAD = 1


@dataclass(frozen=True)
class RespondentAnswers:
    """One respondent's answers file, read and checked."""

    who: str
    doc: YamlDocument
    submission: Submission


@dataclass(frozen=True)
class Merged:
    """The combined submission, the files it came from, and where respondents disagree."""

    submission: Submission
    sources: tuple[str, ...]
    disagreements: tuple[Disagreement, ...]

    def annotate(self, result: Assessment) -> Assessment:
        """`result` (scored from :attr:`submission`) with its sources and disagreements."""
        return result.model_copy(update={"merged_from": self.sources,
                                         "disagreements": self.disagreements})


def read_interviews(paths: Sequence[str], *,
                    rubric_root: Path | None = None) -> list[RespondentAnswers]:
    """Read and check each answers file on its own."""
    interviews = []
    for path in paths:
        doc = read_yaml_file(path)
        sub = check_submission(doc, Path(path).parent, rubric_root=rubric_root)
        names = [r.name for r in sub.answers.respondents]
        interviews.append(RespondentAnswers(", ".join(names) or Path(path).stem, doc, sub))
    return interviews


def merge_inputs(paths: Sequence[str], *, rubric_root: Path | None = None) -> Merged:
    """Merge the answers files given, a folder standing for the answers files in it (found
    as `assess` finds them: `*.yaml`/`*.yml`, recursively, hidden names such as a
    `.cxmaturity.yaml` policy skipped), files and folders in any mix. Standard input is
    none of them: each interview is a file of its own."""
    if STDIN in paths:
        raise UsageError([Problem("--merge", "merges answers files, not standard input (-)",
                                  hint="save each interview as a file and name the files, or "
                                  "their folder")])
    for folder in (path for path in paths if Path(path).is_dir()):
        if not collect_inputs([folder]):
            raise UsageError([Problem(folder, "no .yaml answers files in this folder")])
    return merge_files(collect_inputs(paths), rubric_root=rubric_root)


def merge_files(paths: Sequence[str], *, rubric_root: Path | None = None) -> Merged:
    """Read several answers files for one site and merge them."""
    if len(paths) < 2:
        raise UsageError([Problem("--merge", "merging needs at least two answers files",
                                  hint="give one file without --merge to score it alone")])
    return merge(read_interviews(paths, rubric_root=rubric_root))


def merge(interviews: Sequence[RespondentAnswers]) -> Merged:
    """Combine interviews of one organization and site, scored with one rubric."""
    _check_same_site(interviews)
    first = interviews[0].submission
    rubric = first.rubric
    responses: dict[str, str] = {}
    values: dict[str, float | None] = {}
    disagreements: list[Disagreement] = []
    for question in rubric.questions:
        options = {o.id: o.label for o in rubric.scale_of(question).options}
        responses[question.id], flag = _consensus(question, options, interviews)
        disagreements += [flag] if flag else []
    for metric in rubric.metrics:
        values[metric.id], flag = _metric_consensus(metric, interviews)
        disagreements += [flag] if flag else []
    answers = _merged_answers(interviews, rubric, responses, values)
    files = tuple(i.submission.file for i in interviews)
    submission = Submission(" + ".join(files), answers, first.loaded, responses, values)
    return Merged(submission, files, tuple(disagreements))


def _check_same_site(interviews: Sequence[RespondentAnswers]) -> None:
    first = interviews[0].submission
    problems = []
    for other in interviews[1:]:
        sub = other.submission
        if sub.loaded.sha256 != first.loaded.sha256:
            problems.append(located(other.doc, ("rubric",), f'rubric "{sub.answers.rubric}" '
                                    f"differs from {first.file}'s", "merge answers to one rubric"))
        for key in ("organization", "site"):
            mine, theirs = getattr(sub.answers, key), getattr(first.answers, key)
            if not same_name(mine, theirs):
                problems.append(located(other.doc, (key,), f'{key} "{mine}" differs from '
                                        f'"{theirs}" in {first.file}',
                                        "merge only interviews of one organization and site",
                                        prefer_key=True))
    if problems:
        raise InputError(problems)


def _consensus(question: Question, options: dict[str, str],
               interviews: Sequence[RespondentAnswers]) -> tuple[str, Disagreement | None]:
    said = [(i.who, i.submission.responses[question.id]) for i in interviews]
    given = [(who, opt) for who, opt in said if opt not in (UNKNOWN, NOT_APPLICABLE)]
    if not given:
        return (NOT_APPLICABLE if any(o == NOT_APPLICABLE for _, o in said) else UNKNOWN), None
    order = list(options)
    ranked = sorted(given, key=lambda g: (question.supports[g[1]], order.index(g[1])))
    kept = ranked[(len(ranked) - 1) // 2][1]
    positions = [order.index(opt) for _, opt in given]
    spread = max(positions) - min(positions)
    if spread <= AGREEING_SPREAD:
        return kept, None
    return kept, Disagreement(item=question.id, dimension=question.dimension,
                              label=question.text,
                              answers=tuple((who, options[opt]) for who, opt in given),
                              consensus=options[kept],
                              spread=spread)


def _metric_consensus(metric: Metric, interviews: Sequence[RespondentAnswers]
                      ) -> tuple[float | None, Disagreement | None]:
    given = [(i.who, v) for i in interviews
             if (v := i.submission.metric_values[metric.id]) is not None]
    if not given:
        return None, None
    ranked = sorted(value for _, value in given)
    kept = ranked[(len(ranked) - 1) // 2]
    levels = [bands.place(metric, value).level for _, value in given]
    spread = max(levels) - min(levels)
    if spread <= AGREEING_SPREAD:
        return kept, None
    shown = tuple((who, bands.format_value(metric, value)) for who, value in given)
    return kept, Disagreement(item=metric.id, dimension=metric.dimension, label=metric.name,
                              answers=shown, consensus=bands.format_value(metric, kept),
                              spread=spread)


def _merged_answers(interviews: Sequence[RespondentAnswers], rubric: Rubric,
                    responses: dict[str, str], values: dict[str, float | None]) -> Answers:
    subs = [i.submission for i in interviews]
    first = subs[0].answers
    respondents: list[Any] = []
    for interview in interviews:
        people = interview.submission.answers.respondents
        for person in people or ({"name": interview.who},):
            if person not in respondents:
                respondents.append(person)
    assessors = sorted({s.answers.assessor for s in subs if s.answers.assessor})
    return Answers.model_validate({
        "rubric": first.rubric, "organization": first.organization, "site": first.site,
        "date": max(s.answers.date for s in subs),
        "assessor": "; ".join(assessors) or None, "respondents": respondents,
        "answers": {q.id: {"answer": responses[q.id],
                           "evidence": _answer_notes(interviews, rubric, q, responses[q.id])}
                    for q in rubric.questions},
        "metrics": {m.id: {"value": values[m.id],
                           "evidence": _metric_notes(interviews, m, values[m.id])}
                    for m in rubric.metrics if values[m.id] is not None},
        "notes": _joined([(i.who, i.submission.answers.notes) for i in interviews]),
    })


def _answer_notes(interviews: Sequence[RespondentAnswers], rubric: Rubric,
                  question: Question, kept: str) -> str | None:
    labels = {o.id: o.label for o in rubric.scale_of(question).options}
    said = []
    for interview in interviews:
        entry = interview.submission.answers.answers.get(question.id)
        own = interview.submission.responses[question.id]
        said.append((interview.who, entry.evidence if entry else None, labels.get(own, own)))
    return _attributed(said, labels.get(kept, kept))


def _metric_notes(interviews: Sequence[RespondentAnswers], metric: Metric,
                  kept: float | None) -> str | None:
    said = []
    for interview in interviews:
        entry = interview.submission.answers.metrics.get(metric.id)
        own = interview.submission.metric_values[metric.id]
        said.append((interview.who, entry.evidence if entry else None,
                     bands.format_value(metric, own)))
    return _attributed(said, bands.format_value(metric, kept))


def _attributed(said: list[tuple[str, str | None, str]], kept: str) -> str | None:
    """Each respondent's note (`said`: who, note, their own answer as shown), with who gave
    it; a respondent whose own answer is not the one `kept` is named with it, so that no
    note reads as evidence for an answer its author did not give (`Sam (answered 55%):
    Vendor dashboard`)."""
    if all(own == kept for _, note, own in said if note):
        return _joined([(who, note) for who, note, _ in said])
    return " / ".join(f"{who if own == kept else f'{who} (answered {own})'}: {note}"
                      for who, note, own in said if note)


def _joined(notes: list[tuple[str, str | None]]) -> str | None:
    kept = [(who, note) for who, note in notes if note]
    if len({note for _, note in kept}) == 1 and (len(kept) == len(notes) or len(notes) == 1):
        return kept[0][1]
    return " / ".join(f"{who}: {note}" for who, note in kept) or None
