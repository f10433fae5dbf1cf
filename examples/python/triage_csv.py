#!/usr/bin/env python3
"""Triage a CSV export of applications with bimer, write the decisions and a
per-institution summary.

    python examples/python/triage_csv.py [applications.csv] [--out-dir DIR]

The CSV has one column per field of the wire format, nested fields in dotted
form (``applicant.tckn``, ``target.official.title``, ``facts.discrimination``);
an empty cell means "not given". ``examples/python/applications.csv`` is a
sample (two of its rows are malformed on purpose).

Writes, in DIR (default: the current directory):

* ``decisions.jsonl``: one line per row, in order: the decision in the wire
  format, or ``{"line": N, "id": ..., "error": {"code", "field", "message"}}``
  for a row bimer could not read (N counts data rows from 1; the other rows
  go on);
* ``summary.csv``: per institution (or board), the applications, how many are
  admissible, how many are owed an answer, the earliest and latest due date
  and the most frequent findings.

The summary is also printed. Exit status 1 if any row could not be read.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bimer

HERE = Path(__file__).resolve().parent

# Columns whose cells are booleans ("true"/"false"); every other cell is text.
BOOLEAN_COLUMNS = frozenset(
    {
        "applicant.resident_in_turkey",
        "applicant.signed",
        "applicant.authority_document",
        "facts.pending_in_court",
        "facts.decided_by_court",
        "facts.discrimination",
        "facts.deprived_of_liberty",
        "facts.private_law_dispute",
        "facts.concerns_applicant",
        "facts.previously_examined",
    }
)


def row_to_application(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row as a wire-format dict: dotted columns become nested dicts."""
    app: dict[str, Any] = {}
    for column, cell in row.items():
        cell = cell.strip()
        if not cell:
            continue
        value: Any = cell
        if column in BOOLEAN_COLUMNS:
            value = {"true": True, "false": False}.get(cell.lower(), cell)
        *parents, leaf = column.split(".")
        node = app
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = value
    return app


@dataclass
class Tally:
    """What the summary says about one institution."""

    applications: int = 0
    admissible: int = 0
    answer_owed: int = 0
    earliest_due: dt.date | None = None
    latest_due: dt.date | None = None
    findings: collections.Counter[str] = field(default_factory=collections.Counter)

    def add(self, decision: bimer.Decision) -> None:
        self.applications += 1
        self.admissible += decision.admissible
        self.findings.update(f.code.value for f in decision.findings)
        if decision.deadline is not None:
            due = decision.deadline.due_on
            self.answer_owed += 1
            self.earliest_due = min(due, self.earliest_due or due)
            self.latest_due = max(due, self.latest_due or due)


def institution_of(decision: bimer.Decision) -> str:
    """The registry code of the institution, or the board that decides."""
    route = decision.route
    if route is None:
        return "(no route)"
    return route.institution or route.authority.value


def triage_csv(source: Path, out_dir: Path) -> tuple[dict[str, Tally], int]:
    with source.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    applications = [row_to_application(r) for r in rows]
    results = bimer.triage_many(applications, errors="return")

    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    failed = 0
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / "decisions.jsonl").open("w", encoding="utf-8") as out:
        for line, (app, result) in enumerate(zip(applications, results), start=1):
            if isinstance(result, bimer.Decision):
                tallies[institution_of(result)].add(result)
                out.write(result.to_json() + "\n")
                continue
            failed += 1
            error = {
                "code": result.code,
                "field": getattr(result, "field", ""),
                "message": str(result),
            }
            record = {"line": line, "id": app.get("id"), "error": error}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            print(f"{source.name}: row {line}: {result}", file=sys.stderr)

    with (out_dir / "summary.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["institution", "applications", "admissible", "answer_owed",
             "earliest_due", "latest_due", "top_findings"]
        )
        for name, t in sorted(tallies.items(), key=lambda kv: (-kv[1].applications, kv[0])):
            top = "; ".join(f"{code}×{n}" for code, n in t.findings.most_common(3))
            w.writerow(
                [name, t.applications, t.admissible, t.answer_owed,
                 t.earliest_due or "", t.latest_due or "", top]
            )
    return tallies, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("csv", nargs="?", type=Path, default=HERE / "applications.csv")
    parser.add_argument("--out-dir", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    tallies, failed = triage_csv(args.csv, args.out_dir)

    total = sum(t.applications for t in tallies.values())
    print(f"{total + failed} rows: {total} triaged, {failed} unreadable")
    print(f"{'institution':34} {'apps':>5} {'adm.':>5} {'owed':>5}  earliest    latest")
    for name, t in sorted(tallies.items(), key=lambda kv: (-kv[1].applications, kv[0])):
        earliest, latest = str(t.earliest_due or "-"), str(t.latest_due or "-")
        print(
            f"{name:34} {t.applications:5} {t.admissible:5} {t.answer_owed:5}  "
            f"{earliest:10}  {latest}"
        )
    print(f"wrote {args.out_dir / 'decisions.jsonl'} and {args.out_dir / 'summary.csv'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
