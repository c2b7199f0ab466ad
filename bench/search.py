"""Search benchmark (issues 6 and 14): the edition's search, Material's unmodified search and Pagefind,
same content, same run, same browser, at 2 regulations and at N (the two seeds plus N - 2 real regulations
of ../shared/realworld that read right, chosen as bench/scale.py chooses them).

    .venv/bin/python -m bench.search [--loads 5] [--sizes 2 31] [--realworld DIR]

For each size: builds the site twice (LEX_SEARCH=edition, the default; LEX_SEARCH=material: Material's
index and worker untouched; LEX_SEARCH is mkdocs.yml's override of extra.edition.features.search.engine),
indexes the edition's build with Pagefind (npm `pagefind`, pinned, installed on first use into
bench/node_modules, gitignored; `--root-selector article.md-content__inner`,
`--force-language zh`), serves each on 127.0.0.1 and reports, side by side:
  - top-5 recall over the query table (tests/search_queries.yaml, the tests' own table), per category.
    The table's queries expect articles of the two seeds; at N regulations the others are real regulations with
    texts of their own (no copies), so a query is a hit when every article it expects is among the first five,
    whatever else the engine ranks among them.
    The edition's recall is measured twice: over http and from file:// (its offline build, OFFLINE=true);
  - ready time after load (median of --loads fresh loads of an article page, the three engines in turn): for
    the edition and Material, when Material's search interface first answers (tests/browser.READY_PROBE);
    for Pagefind, `import('pagefind.js')` + `init()` started at DOMContentLoaded;
    in ms after navigation start, and after DOMContentLoaded (what search adds to the page's own load);
  - first-query bytes: every search file fetched from load to the first answer of 电信网络诈骗 (index,
    shards, worker, wasm, fragments), counted gzip -9 as a server would send them; the query is typed once
    the worker is ready (the edition and Material) or init() has returned (Pagefind);
  - query latency (key press -> redrawn list for the edition and Material; search() + data() of the top 5
    for Pagefind), median and max over the table.
Requests are recorded, not intercepted (tests/browser.Guard with intercept=False): intercepting routes each one
through Playwright's driver, which adds milliseconds per request; the bench fails if any request left the origin.
Writes bench/results/search.json.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from bench.common import PY
from bench.scale import LAWS, REALWORLD, SEEDS, existing_dirs, make_corpus, reads_right
from tests.browser import article_of, chromium, run_query, serve, top_articles
from tests.browser import new_context as browser_context

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PAGEFIND_VERSION = "1.6.0"
TABLE = ROOT / "tests" / "search_queries.yaml"
QUERIES: list[dict] = []


def load_table(path: Path) -> None:
    """The query table measured: the tests' own by default; --table measures a fresh one (e.g. one written
    by someone who never saw the engine) in exactly the same way."""
    global TABLE
    TABLE = path
    QUERIES[:] = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


load_table(TABLE)
FIRST_QUERY = "电信网络诈骗"


def pagefind_binary() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "pagefind"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-save", "--prefix", str(BENCH), f"pagefind@{PAGEFIND_VERSION}"],
                       check=True)
    return binary


def build(dest: Path, corpus: Path, mode: str, offline: bool = False) -> Path:
    """The site (LEX_SEARCH=mode); offline: the file:// copy of `edition offline` (dest/offline)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LEX_SEARCH": mode}
    command = ["offline", "--dist", str(dest)] if offline else ["build", "--site-dir", str(dest)]
    subprocess.run([PY, "-m", "build_scripts", *command, "--corpus", str(corpus)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return dest / "offline" if offline else dest


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def is_search_file(engine: str, path: str) -> bool:
    if engine == "pagefind":
        return path.startswith("/pagefind/")
    return path.startswith("/search/") or "search-worker.js" in path or "/workers/search." in path


# ------------------------------------------------------------------ browser contexts

def new_context(browser, base: str, probe_ready: bool = False):
    """The tests' browser context with requests recorded, not intercepted (see tests/browser.Guard)."""
    return browser_context(browser, base, probe_ready, intercept=False)


def close(context, guard) -> None:
    outside = list(guard.outside)
    context.close()
    assert not outside, f"requests to outside hosts: {outside}"


# ------------------------------------------------------------------ edition and Material (Material's UI)

def ui_page(browser, base: str):
    """A fresh article page of the edition's or Material's build, once its search interface has answered."""
    context, guard = new_context(browser, base, probe_ready=True)
    page = context.new_page()
    page.goto(base + "jiangxi/art-15/")
    page.wait_for_function("() => window.__lexReadyAt !== undefined", timeout=30_000)
    return context, guard, page


def ui_ready_once(browser, base: str) -> list[float]:
    context, guard, page = ui_page(browser, base)
    out = page.evaluate(READY_AND_DCL.replace("READY", "window.__lexReadyAt"))
    close(context, guard)
    return out


# [ready, DOMContentLoaded] in ms after navigation start: Material's search interface is set up by its bundle
# at the end of the body, so no engine behind it can answer before the page is parsed.
READY_AND_DCL = "[READY, performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]"


def search_bytes(seen: list[str], base: str, site: Path, engine: str) -> int:
    """The engine's search files among the URLs a page fetched, gzip -9 as a server would send them."""
    paths = {unquote(urlsplit(u).path) for u in seen if u.startswith(base)}
    return sum(gz(site / p.lstrip("/")) for p in paths
               if is_search_file(engine, p) and (site / p.lstrip("/")).is_file())


def ui_first_bytes(browser, base: str, site: Path, engine: str) -> int:
    context, guard, page = ui_page(browser, base)
    result = run_query(page, FIRST_QUERY)
    assert result["items"], f"{engine}: no answer to {FIRST_QUERY}"
    seen = list(guard.seen)
    close(context, guard)
    return search_bytes(seen, base, site, engine)


def ui_table(browser, engine: str, base: str, start: str = "jiangxi/art-15/") -> dict:
    context, guard = new_context(browser, base)
    page = context.new_page()
    page.goto(base + start)
    run_query(page, "平安", timeout=180_000)  # warm-up: waits for the index (Material at 31 regulations: seconds)
    rows = []
    for row in QUERIES:
        try:
            result = run_query(page, row["q"])
        except AssertionError as e:
            raise AssertionError(f"{engine}, {base}: {e}") from None
        rows.append((row, top_articles(result), result["ms"]))
    close(context, guard)
    return summarise(rows)


# ------------------------------------------------------------------ Pagefind

PF_READY = """
window.__pfStart = performance.now();
document.addEventListener("DOMContentLoaded", async () => {
  const pf = await import(new URL("/pagefind/pagefind.js", location.href).href);
  await pf.init();
  window.__pf = pf;
  window.__pfReadyAt = performance.now();
});
"""

PF_SEARCH = """async (q) => {
  const t0 = performance.now();
  const r = await window.__pf.search(q);
  const top = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
  return {ms: performance.now() - t0, urls: top.map(d => d.url)};
}"""


def pf_page(browser, base: str):
    context, guard = new_context(browser, base)
    context.add_init_script(PF_READY)
    page = context.new_page()
    page.goto(base + "jiangxi/art-15/")
    page.wait_for_function("() => window.__pfReadyAt !== undefined", timeout=30_000)
    return context, guard, page


def pf_ready_once(browser, base: str) -> list[float]:
    context, guard, page = pf_page(browser, base)
    out = page.evaluate(READY_AND_DCL.replace("READY", "window.__pfReadyAt"))
    close(context, guard)
    return out


def ready_times(browser, edition: str, material: str, loads: int) -> dict[str, list[list[float]]]:
    """Fresh loads of the same article page, the three engines in turn (edition, Material, Pagefind on the
    edition's build), so that whatever else the machine does weighs on each alike."""
    out: dict[str, list[list[float]]] = {"edition": [], "material": [], "pagefind": []}
    for _ in range(loads):
        out["edition"].append(ui_ready_once(browser, edition))
        out["material"].append(ui_ready_once(browser, material))
        out["pagefind"].append(pf_ready_once(browser, edition))
    return out


def pf_first_bytes(browser, base: str, site: Path) -> int:
    context, guard, page = pf_page(browser, base)
    page.evaluate(PF_SEARCH, FIRST_QUERY)
    seen = list(guard.seen)
    close(context, guard)
    return search_bytes(seen, base, site, "pagefind")


def pf_table(browser, base: str) -> dict:
    context, guard, page = pf_page(browser, base)
    page.evaluate(PF_SEARCH, "平安")
    rows = []
    for row in QUERIES:
        r = page.evaluate(PF_SEARCH, row["q"])
        rows.append((row, [article_of(base.rstrip("/") + u) for u in r["urls"]], r["ms"]))
    close(context, guard)
    return summarise(rows)


# ------------------------------------------------------------------ report

def summarise(rows) -> dict:
    kinds: dict[str, list[int]] = {}
    failures, latencies = [], []
    for row, top, ms in rows:
        ok = all(a in top for a in row["top5"])
        k = kinds.setdefault(row["kind"], [0, 0])
        k[0] += ok
        k[1] += 1
        latencies.append(ms)
        if not ok:
            failures.append(row["q"])
    return {"recall": {k: v for k, v in kinds.items()}, "passed": sum(v[0] for v in kinds.values()),
            "queries": len(rows), "failures": failures,
            "latency_ms_median": statistics.median(latencies), "latency_ms_max": max(latencies),
            "slowest": sorted(((round(ms, 1), row["q"]) for row, _, ms in rows), reverse=True)[:3]}


def run_size(browser, size: int, tmp: Path, loads: int, realworld: list[Path], real: list[str]) -> dict:
    corpus = ROOT / "corpus" if size == SEEDS else make_corpus(tmp / f"corpus-{size}", realworld, real[:size - SEEDS])
    report: dict = {"realworld": real[:size - SEEDS]}
    sites = {}
    for mode in ("edition", "material"):
        t0 = time.perf_counter()
        sites[mode] = build(tmp / f"{mode}-{size}", corpus, mode)
        report[mode] = {"build_s": round(time.perf_counter() - t0, 1)}
    offline = build(tmp / f"edition-offline-{size}", corpus, "edition", offline=True)
    offline_base = offline.resolve().as_uri() + "/"
    report["edition"]["file"] = ui_table(browser, "edition", offline_base, start="jiangxi/art-15.html")
    t0 = time.perf_counter()
    subprocess.run([str(pagefind_binary()), "--site", str(sites["edition"]), "--force-language", "zh",
                    "--root-selector", "article.md-content__inner", "--output-subdir", "pagefind"],
                   check=True, capture_output=True)
    report["pagefind"] = {"index_s": round(time.perf_counter() - t0, 1)}
    with serve(sites["edition"]) as edition, serve(sites["material"]) as material:
        for engine, ms in ready_times(browser, edition, material, loads).items():
            report[engine]["ready_ms"] = ms
        for mode, base in (("edition", edition), ("material", material)):
            report[mode]["first_query_gzip_bytes"] = ui_first_bytes(browser, base, sites[mode], mode)
            report[mode].update(ui_table(browser, mode, base))
        report["pagefind"]["first_query_gzip_bytes"] = pf_first_bytes(browser, edition, sites["edition"])
        report["pagefind"].update(pf_table(browser, edition))
    return report


def print_size(size: int, report: dict) -> None:
    engines = ("edition", "material", "pagefind")
    print(f"\n== {size} regulations ({len(QUERIES)} queries, {TABLE.name}; top-5 recall) ==")
    print(f"{'':30}" + "".join(f"{e:>14}" for e in engines))
    kinds = list(report["edition"]["recall"])
    for k in kinds:
        cells = []
        for e in engines:
            a, n = report[e]["recall"][k]
            cells.append(f"{a}/{n} {100 * a / n:3.0f}%")
        print(f"{'recall ' + k:30}" + "".join(f"{c:>14}" for c in cells))
    print(f"{'recall, all':30}" + "".join(
        f"{report[e]['passed']:>7}/{report[e]['queries']} {100 * report[e]['passed'] / report[e]['queries']:3.0f}%"
        for e in engines))
    print(f"{'ready after load, ms (median)':30}" + "".join(
        f"{statistics.median(r for r, _ in report[e]['ready_ms']):>14.0f}" for e in engines))
    print(f"{'ready after DOMContentLoaded':30}" + "".join(
        f"{statistics.median(r - d for r, d in report[e]['ready_ms']):>14.0f}" for e in engines))
    print(f"{'first-query bytes (gzip)':30}" + "".join(f"{report[e]['first_query_gzip_bytes']:>14,}" for e in engines))
    print(f"{'query latency median, ms':30}" + "".join(f"{report[e]['latency_ms_median']:>14.1f}" for e in engines))
    print(f"{'query latency max, ms':30}" + "".join(f"{report[e]['latency_ms_max']:>14.1f}" for e in engines))
    if "file" in report["edition"]:
        f = report["edition"]["file"]
        print(f"edition from file://: recall {f['passed']}/{f['queries']} ("
              + ", ".join(f"{k} {a}/{n}" for k, (a, n) in f["recall"].items())
              + f"); latency median {f['latency_ms_median']:.1f} ms, max {f['latency_ms_max']:.1f} ms"
              + f" (slowest {f['slowest']}); failed: "
              + (" | ".join(f["failures"]) or "-"))
    for e in engines:
        print(f"slowest ({e}): {report[e]['slowest']}")
    for e in engines:
        print(f"failed ({e}): {' | '.join(report[e]['failures']) or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 31])
    parser.add_argument("--table", type=Path, default=TABLE, help="query table (YAML with queries: q, kind, top5)")
    parser.add_argument("--realworld", type=Path, nargs="+", default=[LAWS, REALWORLD],
                        help="folders of real regulations, each with an expected.json (issue 22; bench/scale.py)")
    args = parser.parse_args()
    load_table(args.table.resolve())
    real: list[str] = []
    dirs = existing_dirs(args.realworld)
    if dirs:
        real = reads_right(dirs)[0]
        print(f"realworld: {len(real)} regulations of {', '.join(map(str, dirs))} read right")
    else:
        print("realworld: no DIR/expected.json; only the seeds are measured (--realworld DIR)")
    sizes = [s for s in args.sizes if s <= SEEDS + len(real)]
    if sizes != args.sizes:
        print(f"skipped sizes {sorted(set(args.sizes) - set(sizes))}: only {SEEDS + len(real)} regulations read right")
    out = {}
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        for size in sizes:
            out[size] = run_size(browser, size, Path(tmp), args.loads, dirs, real)
            print_size(size, out[size])
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "search.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
