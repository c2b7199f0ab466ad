"""Parser time per MB at 100 KB, 1 MB and 10 MB (issue 13: linear time; the largest within 1.5x of the smallest).

    python -m bench.parse [--sizes 0.1 1 10] [--runs 3]

Three shapes per size, each timed through what the build runs on a source (decode, parse, the
losslessness check): 'lines' (one paragraph a line, inline items), 'wrapped' (a hard-wrapped PDF
extraction, page breaks and page-number lines) and 'one line' (the whole text on a single line: a
generated paragraph of that size, the shape that took 82 s per MB before). Prints seconds per MB and
the ratio of the largest size to the smallest; writes bench/results/parse.json.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from build_scripts.model.numerals import from_int
from build_scripts.parse.normalise import canonical_source, decode, parse, reconstruct

ROOT = Path(__file__).resolve().parent.parent

SENTENCE = "县级以上人民政府应当加强平安建设工作的领导，将所需经费列入本级财政预算"


def article(n: int) -> list[str]:
    """One article as paragraphs (logical lines): a lead with three inline items, and a second paragraph."""
    return [f"第{label(n)}条　{SENTENCE}，履行下列职责：（一）{SENTENCE}；（二）{SENTENCE}；（三）{SENTENCE}。",
            f"{SENTENCE}，具体办法由省人民政府制定。"]


def label(n: int) -> str:
    return from_int(n) if n < 1000 else str(n)   # Arabic numbers beyond 999, as the parser accepts


def text_lines(size: int) -> str:
    out, n, total = [], 0, 0
    while total < size:
        n += 1
        for p in article(n):
            out.append(p)
            total += len(p.encode()) + 1
    out.append(f"第{label(n + 1)}条　本条例自2024年1月1日起施行。")
    return "\n".join(out) + "\n"


def text_wrapped(size: int) -> str:
    out, n, total, page = [], 0, 0, 0
    while total < size:
        n += 1
        for p in article(n):
            width = 24
            while p:
                out.append(p[:width])
                total += len(p[:width].encode()) + 2
                p, width = p[width:], 26
                if len(out) % 40 == 0:
                    page += 1
                    out.append(f"- {page % 1000} -")
                    out.append("\f")
    out.append(f"第{label(n + 1)}条　本条例自2024年1月1日起施行。")
    return "\n\n".join(out) + "\n"


def text_one_line(size: int) -> str:
    body = "，".join([SENTENCE] * max(1, size // len(SENTENCE.encode())))
    return f"第一条　{body}。\n第二条　本条例自2024年1月1日起施行。\n"


def run(raw: str, layout: str | None) -> float:
    data = raw.encode()
    start = time.perf_counter()
    text = decode(data, "bench.txt")
    parsed = parse(text, "bench.txt", layout)
    assert reconstruct(parsed) == canonical_source(text)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 10], help="sizes in MB")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    shapes = {"lines": (text_lines, None), "wrapped": (text_wrapped, "wrapped"), "one line": (text_one_line, None)}
    results = {}
    print(f"{'shape':<10} {'size':>8} {'bytes':>11} {f's/MB (best of {args.runs})':>18}")
    for name, (make, layout) in shapes.items():
        rows = []
        for mb in args.sizes:
            raw = make(int(mb * 1_000_000))
            real = len(raw.encode()) / 1_000_000
            best = min(run(raw, layout) for _ in range(args.runs))
            rows.append((mb, real, best / real))
            print(f"{name:<10} {mb:>6g}MB {len(raw.encode()):>11,} {best / real:>18.3f}")
        ratio = rows[-1][2] / rows[0][2]
        verdict = "(ok: <= 1.5x)" if ratio <= 1.5 else "(NOT linear)"
        print(f"{name:<10} largest/smallest time per MB: {ratio:.2f}x {verdict}")
        results[name] = {"per_mb": {f"{mb:g}": round(s, 4) for mb, _, s in rows}, "ratio": round(ratio, 3)}
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "parse.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
