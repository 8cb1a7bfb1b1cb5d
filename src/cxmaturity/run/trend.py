"""Assessments of one site over time: the levels at each date and the pace of change.

The files are the history (answers files or JSON results); nothing needs a server. Pace is
the least-squares slope of the score over time, in score points per quarter (91.25 days);
"quarters to next level" divides what is left to the next whole level by that pace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from cxmaturity.errors import InputError, Problem
from cxmaturity.model.result import Assessment
from cxmaturity.model.trend import QUARTER_DAYS, Pace, Trend, TrendPoint
from cxmaturity.run.history import load_assessment
from cxmaturity.run.sites import same_site


def trend_files(files: Sequence[str], stdin: bytes | None = None, *,
                rubric_root: Path | None = None) -> Trend:
    """Read every file (answers or saved results, as :func:`~cxmaturity.run.history.expand`
    lists them from files and folders; `-` is `stdin`) and build the trend."""
    return trend([load_assessment(path, stdin=stdin, rubric_root=rubric_root)
                  for path in files])


def trend(results: Sequence[Assessment]) -> Trend:
    """The trend of assessments of one organization and site, with one rubric."""
    _check_one_site(results)
    ordered = sorted(results, key=lambda r: (r.date, r.file))
    first = ordered[0]
    points = tuple(TrendPoint(
        date=r.date, file=r.file, status=r.status, level=r.overall.level, score=r.overall.score,
        levels={d.id: d.level for d in r.dimensions},
        scores={d.id: d.score for d in r.dimensions}) for r in ordered)
    top = len(first.ladder)
    dims = tuple((d.id, d.name) for d in first.dimensions)
    return Trend(
        organization=first.organization, site=first.site,
        rubric=f"{first.rubric.id} {first.rubric.version}", notes=tuple(_rubric_notes(ordered)),
        level_term=first.level_term, top=top, dimensions=dims,
        points=points, days=(points[-1].date - points[0].date).days,
        overall=_pace("overall", "Overall", [(p.date, p.level, p.score) for p in points], top),
        paces=tuple(_pace(i, name, [(p.date, p.levels.get(i), p.scores.get(i)) for p in points],
                          top) for i, name in dims))


def _rubric_notes(ordered: Sequence[Assessment]) -> list[str]:
    """What changed in the rubric along the series (`ordered` by date): its versions, and a
    file that differs under one version (edited in place, or written otherwise), since some
    of the movement may then come from the rubric rather than the operation."""
    versions = [r.rubric.version for r in ordered]
    runs = [v for i, v in enumerate(versions) if i == 0 or v != versions[i - 1]]
    notes = []
    if len(runs) > 1:
        notes.append(f"The rubric's version changes along the series ({' → '.join(runs)}); "
                     "some movement may come from the rubric.")
    files: dict[str, set[str]] = {}
    for result in ordered:
        files.setdefault(result.rubric.version, set()).add(result.rubric.sha256)
    changed = [version for version, digests in files.items() if len(digests) > 1]
    if changed:
        notes.append(f"The rubric's file differs between assessments of version "
                     f"{', '.join(changed)} (edited in place, or written otherwise): some "
                     "movement may come from the rubric.")
    return notes


def shared_dates(result: Trend) -> list[tuple[dt.date, list[str]]]:
    """Dates that more than one file gives: often one assessment read twice (an answers
    file and the JSON result saved from it), which would weigh twice in the pace."""
    files: dict[dt.date, list[str]] = {}
    for point in result.points:
        files.setdefault(point.date, []).append(point.file)
    return [(date, names) for date, names in files.items() if len(names) > 1]


def _check_one_site(results: Sequence[Assessment]) -> None:
    if not results:
        raise InputError([Problem("trend", "no assessments given")])
    first = results[0]
    problems = []
    for other in results[1:]:
        if not same_site(other, first):
            problems.append(Problem(other.file, f'"{other.organization} · {other.site or "-"}" '
                                    f'is not the site of {first.file} ("{first.organization} · '
                                    f'{first.site or "-"}")',
                                    hint="give the files of one organization and site"))
        elif other.rubric.id != first.rubric.id:
            problems.append(Problem(other.file, f'rubric "{other.rubric.id}" differs from '
                                    f'"{first.rubric.id}" in {first.file}',
                                    hint="a trend needs one rubric throughout"))
    if problems:
        raise InputError(problems)


def _pace(key: str, name: str, series: list[tuple[dt.date, int | None, float | None]],
          top: int) -> Pace:
    known = [(date, level, score) for date, level, score in series if score is not None]
    first_level = known[0][1] if known else None
    last_level = known[-1][1] if known else None
    slope = _slope([((d - known[0][0]).days, s) for d, _, s in known]) if known else None
    per_quarter = None if slope is None else round(slope * QUARTER_DAYS, 4)
    next_level = last_level + 1 if last_level is not None and last_level < top else None
    to_next = None
    if per_quarter and per_quarter > 0 and next_level is not None:
        to_next = round(max(0.0, next_level - known[-1][2]) / per_quarter, 1)
    return Pace(id=key, name=name, first_level=first_level, last_level=last_level,
                change=round(known[-1][2] - known[0][2], 4) if known else None,
                per_quarter=per_quarter, next_level=next_level, quarters_to_next=to_next)


def _slope(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of y over x; None with fewer than two distinct x."""
    if len({x for x, _ in points}) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return num / den
