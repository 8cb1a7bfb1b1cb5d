"""CI formats: `junit` (a test case per file and per gate) and `github` (workflow commands
that annotate the file and line of each error and of each gate a file failed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxmaturity import __version__
from cxmaturity.escape import github, xml10
from cxmaturity.escape.terminal import line
from cxmaturity.model.result import SCHEMA_VERSION
from cxmaturity.report.explain import percent_text
from cxmaturity.report.formats import Context, Reporter

if TYPE_CHECKING:
    from cxmaturity.model.records import Outcome, Tally

_CLASS = 'classname="cxmaturity.assess"'


class JunitReporter(Reporter):
    """JUnit XML. Test cases are kept (a few hundred bytes each) until the counts are known."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.cases: list[str] = []
        self.failures = 0
        self.errors = 0
        self.rubrics: set[str] = set()

    def add(self, outcome: Outcome) -> str:
        name = xml10.attribute(outcome.file)
        if outcome.digest is None:
            self.errors += 1
            details = xml10.text("\n".join(str(p) for p in outcome.problems), newlines=True)
            first = xml10.attribute(str(outcome.problems[0]) if outcome.problems else "error")
            self.cases.append(f'<testcase {_CLASS} name={name} file={name}>'
                              f'<error message={first}>{details}</error></testcase>')
            return ""
        d = outcome.digest
        self.rubrics.add(f"{d.rubric_id} {d.rubric_version} sha256:{d.rubric_sha256}")
        self.cases.append(f'<testcase {_CLASS} name={name} file={name}><system-out>'
                          f"{xml10.text(d.label)}, confidence {percent_text(d.confidence)}"
                          "</system-out></testcase>")
        failed = outcome.failed_by_gate
        for gate in dict.fromkeys([*self.context.gates, *failed]):
            case = xml10.attribute(f"{outcome.file} [{gate}]")
            messages = [problem.message for problem in failed.get(gate, [])]
            body = (f"<failure message={xml10.attribute('; '.join(messages))}/>"
                    if messages else "")
            self.failures += bool(messages)
            self.cases.append(f"<testcase {_CLASS} name={case} file={name}>{body}</testcase>")
        return ""

    def finish(self, tally: Tally) -> str:
        props = [("cxmaturity.version", __version__), ("cxmaturity.schema_version",
                                                        SCHEMA_VERSION)]
        props += [("cxmaturity.model.rubric", r) for r in sorted(self.rubrics)]
        properties = "".join(f"<property name={xml10.attribute(k)} "
                             f"value={xml10.attribute(v)}/>" for k, v in props)
        head = (f'<testsuite name="cxmaturity" tests="{len(self.cases)}" '
                f'failures="{self.failures}" errors="{self.errors}">')
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n' + head +
                f"\n<properties>{properties}</properties>\n" +
                "".join(case + "\n" for case in self.cases) + "</testsuite>\n</testsuites>\n")


class GithubReporter(Reporter):
    """A log line per file, and an annotation per error and per gate a file failed (a drop
    in five dimensions is one `regression` annotation, not six: GitHub shows only the first
    ten error annotations of a step)."""

    def begin(self) -> str:
        return f"cxmaturity {__version__} (schema {SCHEMA_VERSION})\n"

    def add(self, outcome: Outcome) -> str:
        d = outcome.digest
        if d is None:
            return "".join(github.annotation("error", p.detail, title="cxmaturity invalid input",
                                             file=p.file, line=p.line, column=p.column)
                           for p in outcome.problems)
        provisional = ", insufficient evidence" if d.status != "scored" else ""
        text = line(f"{outcome.file}: {d.label}, confidence {percent_text(d.confidence)}"
                    f"{provisional} (rubric {d.rubric_id} {d.rubric_version} "
                    f"sha256:{d.rubric_sha256[:12]})") + "\n"
        return text + "".join(github.annotation("error", "; ".join(g.message for g in failed),
                                                file=outcome.file,
                                                title=f"cxmaturity gate {rule}",
                                                line=failed[0].line or 1,
                                                column=failed[0].column)
                              for rule, failed in outcome.failed_by_gate.items())

    def finish(self, tally: Tally) -> str:
        return (f"{tally.counted}: {tally.scored} scored, {tally.broken} with "
                f"errors, {tally.gated} failing a gate\n")
