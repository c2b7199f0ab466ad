"""Scale benchmark (issue 8): build time, site size and search index size with 2, 10 and 30
regulations — the real two plus copies under new ids — to show how cost grows.

    .venv/bin/python -m bench.scale [--sizes 2 10 30] [--timeout 3000] [--feature navigation.prune]

Copies are made in a temporary corpus (EDITION_CORPUS) inside a temporary copy of the working
tree: corpus/shanxi and corpus/jiangxi alternately, as <id>-cNN with their own short id and a
title marked as a copy; glossary and alignment stay as they are (they name the real two). Each
size is built once, cold, with the edition's CLI. Reported: wall time, HTML pages, site bytes,
search index bytes (raw and gzip), the average and largest HTML page, and the bytes of navigation
per page (the <nav class="md-nav md-nav--primary"> block every page carries).
Writes bench/results/scale.json.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import yaml

from bench.common import PY, copy_repo, folder_size, gzip_size, machine, save

NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', re.S)


def make_corpus(repo: Path, total: int) -> Path:
    src = repo / "corpus"
    dest = repo / f"corpus-{total}"
    shutil.copytree(src, dest)
    originals = ["shanxi", "jiangxi"]
    for k in range(total - len(originals)):
        base = originals[k % 2]
        new_id = f"{base}-c{k + 1:02d}"
        shutil.copytree(src / base, dest / new_id)
        meta_path = dest / new_id / "meta.yaml"
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        meta["short"] = f"{(meta.get('short') or base)}{k + 1}"
        meta.pop("abbreviation", None)  # 赣 / 晋 name the province's real regulation, not a copy
        meta["title"] = {"zh": f"{meta['title']['zh']}（副本{k + 1}）", "en": f"{meta['title']['en']} (copy {k + 1})"}
        meta_path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def measure(repo: Path, corpus: Path, out: Path, timeout: int) -> dict:
    import os
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDITION_CORPUS": str(corpus)}
    start = time.perf_counter()
    proc = subprocess.run([PY, "-m", "build_scripts.publish.cli", "build", "--site-dir", str(out)], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        return {"error": (proc.stdout + proc.stderr)[-1500:], "seconds": round(elapsed, 1)}
    pages = list(out.rglob("*.html"))
    sizes = sorted(p.stat().st_size for p in pages)
    index = out / "search" / "search_index.json"
    sample = (out / "jiangxi" / "art-15" / "index.html").read_text(encoding="utf-8")
    nav = NAV.search(sample)
    return {
        "seconds": round(elapsed, 1), "html_pages": len(pages), "site_bytes": folder_size(out),
        "search_index_bytes": index.stat().st_size, "search_index_gzip": gzip_size(index),
        "avg_page_bytes": sum(sizes) // len(sizes), "max_page_bytes": sizes[-1],
        "article_page_bytes": len(sample.encode()), "nav_bytes_per_page": len(nav.group(0).encode()) if nav else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[2, 10, 30])
    ap.add_argument("--timeout", type=int, default=3000)
    ap.add_argument("--feature", action="append", default=[],
                    help="try a Material theme feature in the copy, e.g. navigation.prune (what-if)")
    args = ap.parse_args()
    result = {"machine": machine(), "features_added": args.feature, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        repo = copy_repo(tmp / "repo")
        if args.feature:
            config = repo / "mkdocs.yml"
            text = config.read_text(encoding="utf-8")
            assert "  features:\n" in text
            listed = "".join(f"    - {f}\n" for f in args.feature)
            config.write_text(text.replace("  features:\n", "  features:\n" + listed, 1), encoding="utf-8")
        for n in args.sizes:
            corpus = make_corpus(repo, n)
            r = measure(repo, corpus, tmp / f"site-{n}", args.timeout)
            result["sizes"][n] = r
            if "error" in r:
                print(f"{n:3d} regulations: build FAILED after {r['seconds']} s:\n{r['error']}")
                continue
            print(f"{n:3d} regulations: {r['seconds']:7.1f} s  {r['html_pages']:6d} pages  "
                  f"site {r['site_bytes'] / 1e6:8.1f} MB  "
                  f"index {r['search_index_bytes'] / 1e6:6.2f} MB ({r['search_index_gzip'] / 1e6:.2f} MB gzip)  "
                  f"article page {r['article_page_bytes'] / 1e3:6.0f} kB "
                  f"of which nav {(r['nav_bytes_per_page'] or 0) / 1e3:6.0f} kB")
            shutil.rmtree(tmp / f"site-{n}", ignore_errors=True)
    print("written", save("scale" + "".join(f"-{f}" for f in args.feature), result))


if __name__ == "__main__":
    main()
