"""Build benchmark (issue 8): the edition's build against a bare Material build of the same
generated Markdown, and the incremental `mkdocs serve` rebuild after editing one gloss.

    .venv/bin/python -m bench.build [--runs 3] [--skip-serve]

- full build: `python -m build_scripts build` (strict, hooks, macros, every contributor)
  in a copy of the working tree, against `mkdocs build` of a bare project: the same generated
  pages written out as Markdown files (plus the hand-written pages, macros left unrendered), the
  same nav and Markdown extensions, theme material with the search plugin only. Median of --runs
  cold processes each, alternating; ratio edition / bare.
- serve: `mkdocs serve` in the copy; one gloss unit of corpus/shanxi/gloss.yaml is edited and the
  time until the served article page shows the edit is measured (median of --runs edits); the
  same for the bare project with one generated Markdown page edited.
Writes bench/results/build.json.
"""
from __future__ import annotations

import argparse
import re
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

from bench.common import PY, copy_repo, cpu_timed, folder_size, machine, median, save

MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", {"toc": {"permalink": True}}]


def plain(obj):
    """Nav with plain str titles (the edition marks them as escaped Markup)."""
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [plain(v) for v in obj]
    return str(obj) if isinstance(obj, str) else obj


def bare_project(repo: Path, dest: Path) -> Path:
    """A bare Material project holding the edition's generated pages as plain Markdown files."""
    from build_scripts.enrich.edition import load_edition
    from build_scripts.model.urls import Urls
    from build_scripts.publish.site import Build, generated_files, nav
    from build_scripts.render.context import Site
    site = Build.start(Site(load_edition(repo / "corpus"), Urls(directory_urls=True)))
    docs = dest / "docs"
    for page in (repo / "docs").glob("*.md"):  # hand-written pages, Jinja left as text
        (docs / page.name).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    for src, content in generated_files(site).items():
        if src.endswith(".md"):
            path = docs / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    config = {"site_name": "bare", "site_url": "http://127.0.0.1:8000/", "docs_dir": "docs",
              "theme": {"name": "material", "font": False, "language": "en"},
              "plugins": [{"search": {"separator": r"[\s\u200b\u3000\-、。，．？！；：（）《》“”]+"}}],
              "markdown_extensions": MARKDOWN_EXTENSIONS, "nav": plain(nav(site))}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, needle: str | None, timeout: float = 300) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                body = r.read().decode("utf-8", "replace")
            if needle is None or needle in body:
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {needle!r} at {url}")


def serve_rebuilds(project: Path, edit, page: str, runs: int, strict: bool = True) -> dict:
    """Start mkdocs serve, apply edit(n) -> marker, time until page shows the marker."""
    import os
    port = free_port()
    log = project / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", *(["--strict"] if strict else []),
                                 "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/{page}"
        try:
            first = wait_for(url, None)
        except SystemExit as err:
            raise SystemExit(f"mkdocs serve in {project} never served {url}:\n" + log.read_text()[-3000:]) from err
        time.sleep(2)  # let the watcher settle
        times = []
        for n in range(runs):
            marker = edit(n)
            times.append(wait_for(url, marker))
            time.sleep(1.5)
        built = [float(x) for x in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text())]
        return {"first_build_s": round(first, 2), "edit_to_page_s": [round(t, 2) for t in times],
                "median_edit_to_page_s": round(median(times), 2),
                "mkdocs_reported_build_s": built}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-serve", action="store_true")
    args = ap.parse_args()
    result = {"machine": machine()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        repo = copy_repo(tmp / "repo")
        bare = bare_project(repo, tmp / "bare")
        edition_t, bare_t, edition_cpu, bare_cpu = [], [], [], []
        for _ in range(args.runs):
            wall, cpu = cpu_timed([PY, "-m", "build_scripts.publish.cli", "build", "--site-dir", str(tmp / "out-e")],
                                  repo)
            edition_t.append(wall)
            edition_cpu.append(cpu)
            wall, cpu = cpu_timed([PY, "-m", "mkdocs", "build", "-q", "--site-dir", str(tmp / "out-b")], bare)
            bare_t.append(wall)
            bare_cpu.append(cpu)
        pages_e = len(list((tmp / "out-e").rglob("*.html")))
        pages_b = len(list((tmp / "out-b").rglob("*.html")))
        result["full_build"] = {
            "edition_s": [round(t, 2) for t in edition_t], "bare_material_s": [round(t, 2) for t in bare_t],
            "median_edition_s": round(median(edition_t), 2), "median_bare_s": round(median(bare_t), 2),
            "ratio": round(median(edition_t) / median(bare_t), 2),
            "edition_cpu_s": [round(t, 2) for t in edition_cpu], "bare_material_cpu_s": [round(t, 2) for t in bare_cpu],
            "cpu_ratio": round(median(edition_cpu) / median(bare_cpu), 2),
            "html_pages": {"edition": pages_e, "bare": pages_b},
            "site_bytes": {"edition": folder_size(tmp / "out-e"), "bare": folder_size(tmp / "out-b")},
        }
        print(f"full build (median of {args.runs}):  edition {median(edition_t):.2f} s   "
              f"bare Material {median(bare_t):.2f} s   ratio {median(edition_t) / median(bare_t):.2f}   "
              f"pages {pages_e} vs {pages_b}")
        print(f"  CPU time (median):  edition {median(edition_cpu):.2f} s   bare Material {median(bare_cpu):.2f} s   "
              f"ratio {median(edition_cpu) / median(bare_cpu):.2f}")
        if not args.skip_serve:
            gloss = repo / "corpus" / "shanxi" / "gloss.yaml"
            original = gloss.read_text(encoding="utf-8")
            unit = "art_1__para_1"
            m = re.search(rf"^  {unit}: >-\n    ", original, re.M)
            assert m, f"{unit} not found as a folded scalar in {gloss}"

            def edit_gloss(n: int) -> str:
                marker = f"benchedit{n}x"
                gloss.write_text(original[: m.end()] + marker + " " + original[m.end():], encoding="utf-8")
                return marker
            result["serve_edition"] = serve_rebuilds(repo, edit_gloss, "shanxi/art-1/", args.runs)
            page = bare / "docs" / "shanxi" / "art-1.md"
            page_text = page.read_text(encoding="utf-8")

            def edit_md(n: int) -> str:
                marker = f"benchedit{n}x"
                en_div = '<div class="lex-en" lang="en">'
                page.write_text(page_text.replace(en_div, f"{en_div}{marker} ", 1), encoding="utf-8")
                return marker
            # not strict: the bare project has the hand-written pages' macros unrendered and no JSON files
            result["serve_bare"] = serve_rebuilds(bare, edit_md, "shanxi/art-1/", args.runs, strict=False)
            e, b = result["serve_edition"]["median_edit_to_page_s"], result["serve_bare"]["median_edit_to_page_s"]
            result["serve_ratio"] = round(e / b, 2)
            print(f"serve, edit one gloss -> page updated: edition {e:.2f} s   "
                  f"bare (edit one .md) {b:.2f} s   ratio {e / b:.2f}")
            print("   mkdocs 'built in' (first + each edit): "
                  f"edition {result['serve_edition']['mkdocs_reported_build_s']}"
                  f"   bare {result['serve_bare']['mkdocs_reported_build_s']}")
    print("written", save("build", result))


if __name__ == "__main__":
    main()
