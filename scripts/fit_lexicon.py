#!/usr/bin/env python3
"""Fits the category (or petition-kind) weights of the lexicon to the tuning corpus.

The classifier's score for a label is linear in the lexicon's terms (a term
found adds its weight, times subject_weight when found in the subject) and its
confidence is the softmax of the scores at the question's temperature: a
multinomial logistic regression. So the weights can be fitted, not guessed:

* features: every term of the lexicon, whatever its labels, and candidate
  stems (the first five letters of words several applications share), matched
  by the Rust classifier itself (examples/lexicon_features.rs);
* prior: the weights in the file (hand-written, the first time). An L2 penalty
  pulls each weight toward it (--hand-l2; 0 for a label the term had no
  weight for) and each stem's weight toward 0 (--new-l2); gradient descent
  starts there and stops after a fixed number of steps;
* sparsity: weights under --keep are dropped and the rest fitted again, so
  the terms that stay make up for them and the lexicon stays readable;
* output (--write): the lexicon with that question's rows refitted in place,
  and the weights terms and stems earned for labels they had none for in a
  section of their own at the end.

The settings (--hand-l2, --new-l2, --keep) were chosen on the validation part
(tests/data/classify/validation.jsonl, with --test); after a write, refit the
temperatures on it (tests/classify_eval.rs, fit_calibration).

    .venv/bin/python scripts/fit_lexicon.py --question category [--test FILE] [--write]

Fits on tests/data/classify/tuning.jsonl only (or --corpus): the held-out part
must never reach a fit. --test fits without writing and reports accuracy on
another labelled file, before and after.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "bimer-core" / "data" / "lexicon.csv"
TUNING = ROOT / "tests" / "data" / "classify" / "tuning.jsonl"
LABELS = {
    "category": ["information_request", "petition", "ethics_complaint", "human_rights"],
    "petition_kind": ["request", "complaint", "report", "suggestion", "thanks"],
}


def feature_matrix(corpus: list[Path]) -> dict:
    out = ROOT / "target" / "lexicon_features.json"
    subprocess.run(
        ["cargo", "run", "--release", "-q", "--example", "lexicon_features", "--",
         str(LEXICON), str(out), *map(str, corpus)],
        cwd=ROOT, check=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def parse(text: str) -> list[list[str] | str]:
    """Rows as cells; comments and blank lines as strings."""
    return [line if line.startswith("#") or not line.strip()
            else next(csv.reader(io.StringIO(line))) for line in text.split("\n")]


def unparse(cells: list[str]) -> str:
    return ",".join('"' + c.replace('"', '""') + '"' if ("," in c or '"' in c) else c
                    for c in cells)


def fit(x, y, w0, b0, penalty, temperature, mask=1.0, steps=3000, rate=0.05):
    """Gradient descent with momentum on the penalised softmax loss; weights
    where `mask` is 0 stay 0."""
    w, b = w0 * mask, b0.copy()
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    onehot = np.eye(w0.shape[1])[y]
    for _ in range(steps):
        s = (x @ w + b) / temperature
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / (len(y) * temperature)
        vw = (0.9 * vw - rate * (x.T @ g + 2 * penalty * (w - w0))) * mask
        vb = 0.9 * vb - rate * g.sum(axis=0)
        w += vw
        b += vb
    return w, b


def accuracy(x, y, w, b) -> float:
    return float(((x @ w + b).argmax(axis=1) == y).mean())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--question", choices=sorted(LABELS), default="category")
    ap.add_argument("--hand-l2", type=float, default=0.0003)
    ap.add_argument("--new-l2", type=float, default=0.0003)
    ap.add_argument("--keep", type=float, default=0.1, help="smallest |weight| kept")
    ap.add_argument("--corpus", type=Path, nargs="+", default=[TUNING])
    ap.add_argument("--test", type=Path, help="report accuracy on this file; write nothing")
    ap.add_argument("--write", action="store_true", help="rewrite the lexicon")
    args = ap.parse_args()

    question, labels = args.question, LABELS[args.question]
    rows = parse(LEXICON.read_text(encoding="utf-8"))
    settings = {r[1]: float(r[3]) for r in rows if isinstance(r, list) and r[0] == "setting"}
    temperature = settings[f"temperature.{question}"]
    data = feature_matrix(args.corpus + ([args.test] if args.test else []))
    feats = data["features"]
    index = {(f["term"], f["mode"]): i for i, f in enumerate(feats)}

    def gold(item):
        return item["category"] if question == "category" else item["petition_kind"]

    n_test = sum(1 for _ in args.test.open(encoding="utf-8")) if args.test else 0
    items = data["items"]
    is_test = np.arange(len(items)) >= len(items) - n_test
    labelled = np.array([gold(item) is not None for item in items])
    x = np.zeros((len(items), len(feats)))
    for i, item in enumerate(items):
        for f, v in item["x"]:
            x[i, f] = v
    y = np.array([labels.index(gold(item)) if gold(item) else 0 for item in items])

    w0 = np.zeros((len(feats), len(labels)))
    b0 = np.zeros(len(labels))
    for r in rows:
        if isinstance(r, list) and r[0].startswith(question + ":"):
            c = labels.index(r[0].split(":", 1)[1])
            if r[1] == "*":
                b0[c] = float(r[3])
            else:
                w0[index[(r[1], r[2] or "stem")], c] = float(r[3])
    penalty = np.where(np.array([f["lexicon"] for f in feats])[:, None],
                       args.hand_l2, args.new_l2) * np.ones_like(w0)

    train = labelled & ~is_test
    w, b = fit(x[train], y[train], w0, b0, penalty, temperature)
    # Sparse: drop the weights under --keep and fit the rest again, so the
    # terms that stay make up for those dropped.
    mask = (np.abs(w) >= args.keep).astype(float)
    w, b = fit(x[train], y[train], w0, b0, penalty, temperature, mask)
    print(f"{question}: {train.sum()} applications, {len(feats)} features; on them: "
          f"hand {accuracy(x[train], y[train], w0, b0):.3f}, "
          f"fitted {accuracy(x[train], y[train], w, b):.3f}")
    if args.test:
        t = labelled & is_test
        print(f"{args.test}: hand {accuracy(x[t], y[t], w0, b0):.3f}, "
              f"fitted {accuracy(x[t], y[t], w, b):.3f}")
        return 0
    if not args.write:
        return 0

    def weight(v: float) -> str:
        return f"{v:.3f}".rstrip("0").rstrip(".")

    header = f"# ---------- {question.replace('_', ' ')}: weights fitted for terms and stems (scripts/fit_lexicon.py) ----------"
    out: list[str] = []
    written = set()
    own = False  # inside this question's section of fitted weights (rewritten last)
    for r in rows:
        if isinstance(r, str) and r.startswith("# ----------"):
            own = r == header
        if own:
            continue
        if isinstance(r, str):
            out.append(r)
        elif not r[0].startswith(question + ":"):
            out.append(unparse(r))
        else:
            c = labels.index(r[0].split(":", 1)[1])
            if r[1] == "*":
                out.append(unparse([r[0], r[1], r[2], weight(b[c]), *r[4:]]))
                continue
            f = index[(r[1], r[2] or "stem")]
            written.add((f, c))
            if abs(w[f, c]) >= args.keep:
                out.append(unparse([r[0], r[1], r[2], weight(w[f, c]), *r[4:]]))
    while out and out[-1] in ("", "#"):
        out.pop()
    out += ["#", header]
    for f, feat in enumerate(feats):
        for c, label in enumerate(labels):
            if (f, c) not in written and abs(w[f, c]) >= args.keep:
                mode = "" if feat["mode"] == "stem" else feat["mode"]
                out.append(unparse([f"{question}:{label}", feat["term"], mode,
                                    weight(w[f, c]), "fitted"]))
    LEXICON.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {LEXICON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
