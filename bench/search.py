"""Search benchmark (issue 6): the edition's search against Material's unmodified search, same content,
same run, same browser.

    .venv/bin/python -m bench.search [--loads 5]

Builds the site twice (LEX_SEARCH=edition, the default; LEX_SEARCH=material: Material's index and
worker untouched), serves each on 127.0.0.1 and reports for both:
  - index size (search/search_index.json, raw and gzip) and worker size;
  - time until search is ready after page load (the worker's READY message, ms after navigation
    start; median of --loads fresh loads of an article page);
  - query latency over the query table (tests/search_queries.yaml): key press -> result list
    redrawn, median and max;
  - quality over the same table, the measurement that chose the approach: top-5 recall, results
    linking to a paragraph anchor, snippets containing U+200B. A third row runs Material's search
    with each query rewritten as a query-side fix at best could (OpenCC t2s, glossary variants
    added, segmented with jieba, the index's own segmenter): an upper bound of "fix the query side".
Writes bench/results/search.json too.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import yaml

from build_scripts.publish.cli import build
from tests.browser import article_of, chromium, new_context, run_query, serve, top_articles

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]


def query_fix():
    """The best a query-side fix of Material's search could send: t2s, synonyms, jieba words."""
    import logging

    import jieba
    import opencc
    jieba.setLogLevel(logging.WARNING)
    t2s = opencc.OpenCC("t2s")
    terms = yaml.safe_load((ROOT / "corpus" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]

    def fix(q: str) -> str:
        q = t2s.convert(q)
        for t in terms:
            for v in t.get("variants") or []:
                if v in q and t["zh"] not in q:
                    q += " " + t["zh"]
        return " ".join(w for w in jieba.cut(q) if w.strip() and not re.fullmatch(r"[\s、，。]+", w))
    return fix


def sizes(site: Path, worker: Path) -> dict:
    index = (site / "search" / "search_index.json").read_bytes()
    return {"index_bytes": len(index), "index_gzip_bytes": len(gzip.compress(index, 9)),
            "worker_bytes": worker.stat().st_size}


def ready_times(browser, base: str, loads: int) -> list[float]:
    out = []
    for _ in range(loads):
        context, guard = new_context(browser, base, probe_ready=True)
        page = context.new_page()
        page.goto(base + "jiangxi/art-15/")
        page.wait_for_function("() => window.__lexReadyAt !== undefined", timeout=30_000)
        out.append(page.evaluate("window.__lexReadyAt"))
        context.close()
        assert not guard.outside, guard.outside
    return out


def run_table(browser, base: str, rewrite=lambda q: q) -> dict:
    context, guard = new_context(browser, base)
    page = context.new_page()
    page.goto(base + "jiangxi/art-15/")
    run_query(page, "平安")  # warm-up: the first query waits for the index
    passed, latencies, para_links, zw, failures = 0, [], 0, 0, []
    for row in QUERIES:
        result = run_query(page, rewrite(row["q"]))
        latencies.append(result["ms"])
        top = top_articles(result)
        if all(a in top for a in row["top5"]):
            passed += 1
        else:
            failures.append(row["q"])
        first = next((i for i in result["items"] if article_of(i["href"])), None)
        if first and any("#para-" in c["href"] for c in first["children"]):
            para_links += 1
        if any("\u200b" in i["html"] for i in result["items"][:5]):
            zw += 1
    context.close()
    assert not guard.outside, guard.outside
    return {"passed": passed, "queries": len(QUERIES), "failures": failures,
            "latency_ms_median": statistics.median(latencies), "latency_ms_max": max(latencies),
            "first_result_links_paragraph": para_links, "results_with_zero_width": zw}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    material_worker = next((ROOT / ".venv").glob("lib/python*/site-packages/material/templates/assets/"
                                                "javascripts/workers/search.*.min.js"))
    with tempfile.TemporaryDirectory() as tmp:
        builds = {}
        for mode in ("edition", "material"):
            t0 = time.perf_counter()
            os.environ["LEX_SEARCH"] = mode
            try:
                site = build(Path(tmp) / mode)
            finally:
                os.environ.pop("LEX_SEARCH", None)
            builds[mode] = {"site": site, "build_s": time.perf_counter() - t0}
        report = {"edition": sizes(builds["edition"]["site"], ROOT / "docs" / "assets" / "search-worker.js"),
                  "material": sizes(builds["material"]["site"], material_worker)}
        for mode in report:
            report[mode]["build_s"] = builds[mode]["build_s"]
        with chromium() as browser:
            for mode in ("edition", "material"):
                with serve(builds[mode]["site"]) as base:
                    report[mode]["ready_ms"] = ready_times(browser, base, args.loads)
                    report[mode].update(run_table(browser, base))
                    if mode == "material":
                        report["material+query-fix"] = run_table(browser, base, query_fix())
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "search.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    e, m, f = report["edition"], report["material"], report["material+query-fix"]
    n = len(QUERIES)
    print(f"search benchmark: {n} queries (tests/search_queries.yaml), ready time median of {args.loads} loads")
    print(f"{'':34}{'edition':>14}{'material':>14}{'ratio':>8}")
    rows = [("index bytes (search_index.json)", e["index_bytes"], m["index_bytes"]),
            ("index bytes gzip -9", e["index_gzip_bytes"], m["index_gzip_bytes"]),
            ("worker script bytes", e["worker_bytes"], m["worker_bytes"]),
            ("search ready after load, ms", statistics.median(e["ready_ms"]), statistics.median(m["ready_ms"])),
            ("query latency median, ms", e["latency_ms_median"], m["latency_ms_median"]),
            ("query latency max, ms", e["latency_ms_max"], m["latency_ms_max"])]
    for label, a, b in rows:
        print(f"{label:34}{a:>14.1f}{b:>14.1f}{a / b:>8.2f}")
    print()
    print(f"{'quality over the table':34}{'edition':>14}{'material':>14}{'+query-fix':>12}")
    for label, key in (("top-5 recall (queries passed)", "passed"),
                       ("first result links a paragraph", "first_result_links_paragraph"),
                       ("top-5 with U+200B in snippet", "results_with_zero_width")):
        print(f"{label:34}{e[key]:>11}/{n}{m[key]:>11}/{n}{f[key]:>9}/{n}")
    print(f"{'query latency median / max, ms':34}{'':>14}{'':>14}{f['latency_ms_median']:>6.1f}/{f['latency_ms_max']:.1f}")
    print()
    for label, r in (("edition", e), ("material", m), ("material+query-fix", f)):
        print(f"failed ({label}): {' '.join(r['failures']) or '-'}")
    print(f"ready ms per load: edition {[round(x) for x in e['ready_ms']]}, material {[round(x) for x in m['ready_ms']]}")


if __name__ == "__main__":
    main()
