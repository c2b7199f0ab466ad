"""Scale benchmark (issues 8 and 22): the edition built with 2, 30 and 100+ real regulations.

    .venv/bin/python -m bench.scale [--sizes 2 30 all] [--realworld DIR] [--loads 5] [--pdf] [--keep DIR]

The regulations beyond the two seeds are real local regulations from the folders DIR (default: bench/laws,
24 regulations of LawRefBook/Laws committed with their provenance, bench/laws.py; and ../shared/realworld
beside the repository when it is there, 120 more; issue 22): each folder there is tried alone with the seeds,
as `edition check` reads it, and is taken only if it is accepted with the counts of DIR/expected.json (the
regulations that read right on this branch, decided at run time: more of them as the parser improves). A size
N is the seeds plus the first N - 2 of them in name order (realworld's dNNN before bench/laws' lNNN), copied
as corpus/rw-<name>/ (source.txt and meta.yaml as the publisher wrote them: a placeholder English title) into a
temporary corpus; `all` is every one that reads right. Nothing is written into the repository; on a fresh
clone without ../shared the sizes run up to 26 regulations.

Each size is built once, cold, with the edition's CLI (`edition build`, strict) in a temporary copy of the
working tree. Reported per size, the 2-regulation row being the baseline:
  - build wall and CPU time (user + system), in total and per regulation; peak memory (maximum RSS of the
    build process, from wait4);
  - HTML pages and site bytes; the largest page; nav bytes per article page (Material's primary nav);
  - search: the start index (search/search_index.json, gzip), first-query bytes and ready time (median of
    --loads fresh loads; bench/search.py's probes), with the edition's own search;
  - article page weight: bytes on the wire (gzip, headers included) of jiangxi/art-15/ cold and
    jiangxi/art-16/ warm, and of one real regulation's article page cold (bench/weight.py's method);
  - the weight of the comparison overview, which has a column per regulation;
  - with --pdf: `edition pdf` (wall, CPU, peak memory, bytes of the PDFs).
Goals at 100+ real regulations (issue 22): build <= 1.5 s per regulation, first-query bytes <= 150 KB gzip,
search ready <= 400 ms, article page <= 100 KB. Writes bench/results/scale.json.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import PY, ROOT, copy_repo, folder_size, gzip_size, machine, save, serve

REALWORLD = ROOT.parent / "shared" / "realworld"
LAWS = ROOT / "bench" / "laws"         # committed: bench/laws.py, PROVENANCE.md there
PREFIX = "rw-"                  # corpus id of realworld dNNN: rw-dNNN
SEEDS = 2
NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', re.S)
# enrich/hant.py Hant.warning, one line per standard: "traditional view (tw): 60 phrase conversion(s) ..."
UNREVIEWED = re.compile(r"traditional view \((\w+)\): (\d+) phrase conversion")
GOALS = {"cpu_s_per_reg": 1.5, "wall_s_per_reg": 1.5, "first_query_gzip": 150_000, "ready_ms": 400,
         "article_cold_bytes": 100_000}


# ------------------------------------------------------------------ the regulations

def realworld_names(dirs: list[Path]) -> dict[str, tuple[Path, dict]]:
    """The expected.json of each folder: name -> (its folder, counts, shape, title); the names must be unique."""
    out: dict[str, tuple[Path, dict]] = {}
    for d in dirs:
        for name, e in json.loads((d / "expected.json").read_text(encoding="utf-8")).items():
            if name in out:
                raise SystemExit(f"{d / 'expected.json'}: {name} is also in {out[name][0]}; expected unique names")
            out[name] = (d / name, e)
    return out


def counts(reg) -> tuple[int, int, int, int]:
    """(chapters, articles, paragraphs, items), as `edition check` prints them."""
    from build_scripts.model.regulation import units
    return (len(reg.chapters), len(reg.articles), sum(len(a.paragraphs) for a in reg.articles),
            sum(1 for u in units(reg.articles) if u.item))


def add_realworld(corpus: Path, folder: Path) -> Path:
    """A real regulation's folder copied into corpus as rw-<name>: the two files a publisher adds (not
    original.md, the truth)."""
    dest = corpus / (PREFIX + folder.name)
    dest.mkdir()
    for f in ("source.txt", "meta.yaml"):
        shutil.copyfile(folder / f, dest / f)
    return dest


def reads_right(dirs: list[Path], names: list[str] | None = None) -> tuple[list[str], dict[str, str]]:
    """(names that read right, {name: why not} for the others): each regulation alone with the seeds, loaded
    as `edition check` loads it (load_edition of this working tree), counts compared with expected.json.
    In-process: a hundred `edition check` processes would take minutes, this takes about one."""
    from build_scripts.enrich.edition import load_edition
    from build_scripts.model.errors import InputError
    expected = realworld_names(dirs)
    good, bad = [], {}
    with tempfile.TemporaryDirectory(prefix="scale-check-") as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(ROOT / "corpus", corpus)
        for name in sorted(expected if names is None else names):
            folder = add_realworld(corpus, expected[name][0])
            e = expected[name][1]
            want = (e["chapters"], e["articles"], e["paragraphs"], e["items"])
            quiet = io.StringIO()
            logging.disable(logging.CRITICAL)       # the build's notices: only the outcome matters here
            try:
                with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                    edition = load_edition(corpus)
                got = counts(edition.reg(folder.name))
                if got == want:
                    good.append(name)
                else:
                    bad[name] = f"read wrong: got {got}, want {want}"
            except InputError as exc:
                bad[name] = f"refused: {exc}"
            except Exception as exc:  # a crash of the build is a bug to report, not a reason to stop the bench
                bad[name] = f"crashed: {type(exc).__name__}: {exc}"
            finally:
                logging.disable(logging.NOTSET)
                shutil.rmtree(folder)
    return good, bad


def existing_dirs(dirs: list[Path]) -> list[Path]:
    """The folders given that hold an expected.json (../shared/realworld is absent from a fresh clone)."""
    return [d for d in dirs if (d / "expected.json").is_file()]


def make_corpus(dest: Path, dirs: list[Path], chosen: list[str]) -> Path:
    """The project's corpus (the seeds and the curated files) plus the chosen real regulations."""
    shutil.copytree(ROOT / "corpus", dest)
    folders = realworld_names(dirs)
    for name in chosen:
        add_realworld(dest, folders[name][0])
    return dest


# ------------------------------------------------------------------ measuring

def run_measured(cmd: list[str], cwd: Path, env: dict, timeout: int) -> dict:
    """Wall and CPU seconds and peak RSS (MB) of one process and its children, from wait4; its output's tail."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting again
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    unreviewed = {m[1]: int(m[2]) for m in UNREVIEWED.finditer(text)}
    return {"exit": proc.returncode, "wall_s": round(wall, 1), "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024), "tail": text[-2000:],
            "hant_unreviewed": unreviewed}


def page_weight(browser, base: str, pages: list[str]) -> dict:
    """bench/weight.py's transfer(): the first page cold, the others with the cache it left."""
    from bench.weight import transfer
    return transfer(browser, base, pages)


def search_probes(browser, base: str, site: Path, loads: int) -> dict:
    """bench/search.py's probes on the edition's search: ready (median of fresh loads) and first-query bytes."""
    from bench.search import ui_first_bytes, ui_ready_once
    ready = [ui_ready_once(browser, base) for _ in range(loads)]
    return {"ready_ms": round(statistics.median(r for r, _ in ready)),
            "ready_after_dcl_ms": round(statistics.median(r - d for r, d in ready)),
            "first_query_gzip": ui_first_bytes(browser, base, site, "edition")}


def static_figures(site: Path, real_page: str | None) -> dict:
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    article = (site / "jiangxi" / "art-15" / "index.html").read_text(encoding="utf-8")
    nav = NAV.search(article)
    out = {
        "html_pages": len(pages), "site_bytes": folder_size(site),
        "largest_page": str(pages[-1].relative_to(site)), "largest_page_bytes": pages[-1].stat().st_size,
        "largest_page_gzip": gzip_size(pages[-1]),
        "nav_bytes_per_article_page": len(nav.group(0).encode()) if nav else 0,
        "search_start_index_gzip": gzip_size(site / "search" / "search_index.json"),
        "search_files": sum(1 for p in (site / "search").rglob("*") if p.is_file()),
        "search_bytes": folder_size(site / "search"),
        "search_query_tables_gzip": gzip_size(site / "search" / "q" / "0.js"),
        "compare_overview_bytes": (site / "compare" / "index.html").stat().st_size,
        "compare_overview_gzip": gzip_size(site / "compare" / "index.html"),
    }
    if real_page:
        page = (site / real_page / "index.html").read_text(encoding="utf-8")
        nav = NAV.search(page)
        out["real_nav_bytes"] = len(nav.group(0).encode()) if nav else 0
    return out


def browser_probes(r: dict, site: Path, args, browser, real_page: str | None) -> None:
    with serve(site) as base:
        r["search"] = search_probes(browser, base, site, args.loads)
        pages = ["jiangxi/art-15/", "jiangxi/art-16/"]
        r["weight"] = page_weight(browser, base, pages)
        if real_page:
            r["weight_real"] = page_weight(browser, base, [real_page + "/"])
        r["weight_compare"] = page_weight(browser, base, ["compare/"])


def measure_size(repo: Path, corpus: Path, site: Path, n_regs: int, args, browser, real_page: str | None) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1672531200"}
    build = run_measured([PY, "-m", "build_scripts", "build", "--corpus", str(corpus), "--site-dir", str(site)],
                         repo, env, args.timeout)
    r: dict = {"regulations": n_regs, "build": build}
    if build["exit"]:
        return r
    build.pop("tail")
    build["wall_s_per_reg"] = round(build["wall_s"] / n_regs, 2)
    build["cpu_s_per_reg"] = round(build["cpu_s"] / n_regs, 2)
    r.update(static_figures(site, real_page))
    try:
        browser_probes(r, site, args, browser, real_page)
    except Exception as exc:     # a probe that failed (a timeout on a loaded machine): the build's figures stay
        r["probe_failed"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    if args.pdf:
        dist = site.parent / "dist"
        pdf = run_measured([PY, "-m", "build_scripts", "pdf", "--corpus", str(corpus), "--dist", str(dist)],
                           repo, env, args.timeout)
        if not pdf["exit"]:
            pdf.pop("tail")
            pdfs = list((dist / "pdf").glob("*.pdf"))
            pdf.update(files=len(pdfs), bytes=sum(p.stat().st_size for p in pdfs))
        r["pdf"] = pdf
        shutil.rmtree(dist, ignore_errors=True)
    return r


def largest(load: dict, n: int = 5) -> str:
    """The n largest responses of a page load, "url bytes", largest first (what a page sends: issue 22)."""
    return ", ".join(f"{u} {b:,}" for u, b in list(load.get("bytes_by_url", {}).items())[:n])


def report_line(r: dict) -> str:
    b = r["build"]
    if b["exit"]:
        return f"{r['regulations']:3d} regulations: build FAILED (exit {b['exit']}, {b['wall_s']} s):\n{b['tail']}"
    if "probe_failed" in r:
        return (f"{r['regulations']:3d} regulations: build {b['wall_s']:6.1f} s wall, {b['cpu_s']:6.1f} s CPU "
                f"({b['cpu_s_per_reg']:.2f} s CPU per regulation), peak RSS {b['peak_rss_mb']} MB; "
                f"{r['html_pages']} pages, site {r['site_bytes'] / 1e6:.1f} MB; browser probes FAILED: "
                f"{r['probe_failed']}")
    s, w = r["search"], r["weight"]
    line = (f"{r['regulations']:3d} regulations: build {b['wall_s']:6.1f} s wall, {b['cpu_s']:6.1f} s CPU "
            f"({b['wall_s_per_reg']:.2f} / {b['cpu_s_per_reg']:.2f} s per regulation), "
            f"peak RSS {b['peak_rss_mb']} MB; {r['html_pages']} pages, site {r['site_bytes'] / 1e6:.1f} MB, "
            f"largest page {r['largest_page']} {r['largest_page_bytes'] / 1e3:.0f} kB; "
            f"nav {r['nav_bytes_per_article_page'] / 1e3:.1f} kB per article page\n"
            f"     search: start index {r['search_start_index_gzip']:,} B gzip, "
            f"first query {s['first_query_gzip']:,} B gzip, ready {s['ready_ms']} ms "
            f"({s['ready_after_dcl_ms']} after DOMContentLoaded); {r['search_files']} files, "
            f"{r['search_bytes'] / 1e6:.1f} MB; query tables q/0.js {r['search_query_tables_gzip']:,} B gzip\n"
            f"     article page: cold {w['first_load']['bytes']:,} B ({largest(w['first_load'])}), "
            f"warm next {w['second_page_warm']['bytes']:,} B")
    if "weight_real" in r:
        line += f"; real regulation's article cold {r['weight_real']['first_load']['bytes']:,} B"
    line += (f"; compare overview cold {r['weight_compare']['first_load']['bytes']:,} B "
             f"({r['compare_overview_bytes'] / 1e3:.0f} kB HTML)")
    unreviewed = ", ".join(f"{std} {n}" for std, n in b["hant_unreviewed"].items()) or "none"
    line += f"\n     traditional view: phrase conversions not reviewed: {unreviewed}"
    if "pdf" in r:
        p = r["pdf"]
        line += (f"\n     pdf: FAILED (exit {p['exit']}): {p['tail'][-500:]}" if p["exit"] else
                 f"\n     pdf: {p['wall_s']} s wall, {p['cpu_s']} s CPU, peak RSS {p['peak_rss_mb']} MB, "
                 f"{p['files']} files, {p['bytes'] / 1e6:.1f} MB")
    return line


def goals(r: dict) -> list[str]:
    """The issue's goals that the size misses."""
    if r["build"]["exit"]:
        return ["build failed"]
    if "probe_failed" in r:
        return ["browser probes failed"]
    got = {"cpu_s_per_reg": r["build"]["cpu_s_per_reg"], "wall_s_per_reg": r["build"]["wall_s_per_reg"],
           "first_query_gzip": r["search"]["first_query_gzip"], "ready_ms": r["search"]["ready_ms"],
           "article_cold_bytes": r["weight"]["first_load"]["bytes"]}
    return [f"{k} {got[k]} > {GOALS[k]}" for k in GOALS if got[k] > GOALS[k]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs="+", default=["2", "30", "all"], help="numbers of regulations, or all")
    ap.add_argument("--realworld", type=Path, nargs="+", default=[LAWS, REALWORLD],
                    help="folders of real regulations, each with an expected.json (issue 22)")
    ap.add_argument("--loads", type=int, default=5, help="fresh page loads for the search ready time")
    ap.add_argument("--timeout", type=int, default=3000)
    ap.add_argument("--pdf", action="store_true", help="also time `edition pdf` at each size")
    ap.add_argument("--keep", type=Path, help="keep the largest size's site here (to look at its pages)")
    ap.add_argument("--taken", type=Path, help="a JSON list of the names to use, e.g. a previous run's "
                    "realworld.read_right in bench/results/scale.json, instead of deciding which read right "
                    "(minutes; only for the same parser)")
    args = ap.parse_args()
    from tests.browser import chromium

    result: dict = {"machine": machine(), "sizes": {}}
    chosen: list[str] = []
    dirs = existing_dirs(args.realworld)
    if dirs and args.taken:
        chosen = json.loads(args.taken.read_text(encoding="utf-8"))
        known = realworld_names(dirs)
        chosen = sorted(n for n in chosen if n in known)
        result["realworld"] = {"dirs": [str(d.resolve()) for d in dirs], "read_right": chosen, "taken_from":
                               str(args.taken)}
        print(f"realworld: {len(chosen)} regulations named in {args.taken} (not decided in this run)")
    elif dirs:
        t0 = time.perf_counter()
        chosen, refused = reads_right(dirs)
        result["realworld"] = {"dirs": [str(d.resolve()) for d in dirs], "read_right": chosen, "not_taken": refused}
        print(f"realworld: {len(chosen)} of {len(chosen) + len(refused)} regulations in "
              f"{', '.join(map(str, dirs))} read right and are used ({time.perf_counter() - t0:.0f} s to decide)")
    else:
        print("realworld: no DIR/expected.json; only the seeds are built (--realworld DIR)")
    sizes = sorted({SEEDS + len(chosen) if s == "all" else min(int(s), SEEDS + len(chosen)) for s in args.sizes})
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp, chromium() as browser:
        tmp = Path(tmp)
        repo = copy_repo(tmp / "repo")
        for n in sizes:
            taken = chosen[:n - SEEDS]
            corpus = make_corpus(tmp / f"corpus-{n}", dirs, taken)
            real_page = f"{PREFIX}{taken[0]}/art-1" if taken else None
            site = tmp / f"site-{n}" / "site"
            r = measure_size(repo, corpus, site, n, args, browser, real_page)
            r["realworld"] = taken
            r["goals_missed"] = goals(r)
            result["sizes"][n] = r
            print(report_line(r))
            print(f"     goals missed: {', '.join(r['goals_missed']) or 'none'}")
            if args.keep and n == sizes[-1] and site.exists():
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(site, args.keep)
                print(f"     site kept in {args.keep}")
            shutil.rmtree(site.parent, ignore_errors=True)
            shutil.rmtree(corpus, ignore_errors=True)
    print("written", save("scale", result))


if __name__ == "__main__":
    main()
