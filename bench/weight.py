"""Page-weight benchmark (issue 8): bytes on the wire for an article page, cold and with a warm
cache, against a bare Material page of the same generated Markdown, with the URLs each fetched; Lighthouse scores.

    .venv/bin/python -m bench.weight [--skip-lighthouse]

Both sites (the edition's build and the bare Material build from bench/build.py) are served from
127.0.0.1 by a handler that gzips text (level 6) and allows caching for an hour, as a typical host
does. Debian's chromium (Playwright) loads an article page in a fresh context (cold cache), then a
second article page in the same context (warm cache); the bytes are the server's count of what it sent
(status line, headers, gzip body) for every request of the page and its workers, until the page went
network-idle (so the search index, fetched on load, is counted too): see transfer().

Lighthouse (npm `lighthouse`, installed by this script into bench/node_modules, gitignored) runs
with CHROME_PATH=/usr/bin/chromium against the same article page, default mobile profile
(simulated throttling), performance and accessibility categories.
Writes bench/results/weight.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from bench.build import bare_project
from bench.common import PY, ROOT, copy_repo, machine, save, serve, timed
from tests.browser import CHROMIUM

BENCH = ROOT / "bench"
# The npm tools the benchmarks install are pinned in bench/package.json (where Dependabot sees them).
# Lighthouse 13.x needs node >= 22.19; Debian has node 20 (.github/dependabot.yml ignores 13.x).
LIGHTHOUSE_VERSION = json.loads((BENCH / "package.json").read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FIRST, SECOND = "jiangxi/art-15/", "jiangxi/art-16/"
NAV_TIMEOUT_MS = 180_000     # Playwright's 30 s default is too short for networkidle on a saturated machine


def transfer(browser, base: str, pages: tuple[str, ...] | list[str] = (FIRST, SECOND)) -> dict:
    """Bytes and requests of a cold first load and a warm second page (of pages: the first cold, then the
    second with the cache it left; bench/scale.py also weighs a single page), until the page is network-idle.

    The bytes are counted by the server (bench.common.SERVED: status line, headers and gzip body of every answer,
    the page's and its workers'): Chrome's own count (Playwright's request.sizes()) gave only the headers of
    responses a worker fetched (search-worker.js counted 208 B for 7.9 kB), so it is kept beside it as
    `browser_bytes`, not used. A response from the cache is no request and costs nothing."""
    from bench.common import SERVED
    context = browser.new_context()
    page = context.new_page()
    page.set_default_navigation_timeout(NAV_TIMEOUT_MS)
    state: dict = {"browser_bytes": 0, "cached": 0}

    def finished(request):
        if request.url.startswith("data:"):
            return
        try:
            sizes = request.sizes()
        except Exception:  # a request still in flight when the context closed (a worker's prefetch): not counted
            return
        received = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if received <= 0:
            state["cached"] += 1
            return
        state["browser_bytes"] += received
    page.on("requestfinished", finished)
    out = {}
    for label, rel in zip(("first_load", "second_page_warm"), pages, strict=False):
        state.update(browser_bytes=0, cached=0)
        SERVED.clear()
        page.goto(base + rel, wait_until="networkidle")
        page.wait_for_timeout(500)
        served = list(SERVED)
        by_url: dict[str, int] = {}
        for path, sent in served:
            by_url[path] = by_url.get(path, 0) + sent
        out[label] = {"bytes": sum(sent for _, sent in served), "network_requests": len(served),
                      "browser_bytes": state["browser_bytes"], "served_from_cache": state["cached"],
                      "urls": sorted(by_url), "bytes_by_url": dict(sorted(by_url.items(), key=lambda kv: -kv[1]))}
    context.close()
    return out


def lighthouse(url: str) -> dict:
    node_modules = BENCH / "node_modules"
    binary = node_modules / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-save", "--prefix", str(BENCH), f"lighthouse@{LIGHTHOUSE_VERSION}"],
                       check=True)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "lh.json"
        cmd = [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=performance,accessibility", f"--chrome-flags={' '.join(FLAGS)}"]
        subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
        data = json.loads(report.read_text())
    audits = data["audits"]
    a11y_refs = {r["id"] for r in data["categories"]["accessibility"]["auditRefs"]}
    return {
        "lighthouse": data["lighthouseVersion"], "form_factor": data["configSettings"]["formFactor"],
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "total_byte_weight": audits["total-byte-weight"]["numericValue"],
        "failed_accessibility_audits": sorted(a for a, v in audits.items()
                                              if v.get("score") == 0 and a in a11y_refs),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-lighthouse", action="store_true")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright
    result = {"machine": machine(), "pages": [FIRST, SECOND]}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        repo = copy_repo(tmp / "repo")
        bare = bare_project(repo, tmp / "bare")
        timed([PY, "-m", "build_scripts.publish.cli", "build", "--site-dir", str(tmp / "edition")], repo)
        timed([PY, "-m", "mkdocs", "build", "-q", "--site-dir", str(tmp / "baresite")], bare)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for name, folder in (("edition", tmp / "edition"), ("bare_material", tmp / "baresite")):
                with serve(folder) as base:
                    result[name] = transfer(browser, base)
            browser.close()
        e, b = result["edition"], result["bare_material"]
        for key in ("first_load", "second_page_warm"):
            result.setdefault("ratio", {})[key] = round(e[key]["bytes"] / b[key]["bytes"], 2)
            print(f"{key:17s} edition {e[key]['bytes']:>9,d} B ({e[key]['network_requests']} requests)   "
                  f"bare Material {b[key]['bytes']:>9,d} B ({b[key]['network_requests']} requests)   "
                  f"ratio {result['ratio'][key]:.2f}")
        if not args.skip_lighthouse:
            for name, folder in (("edition", tmp / "edition"), ("bare_material", tmp / "baresite")):
                with serve(folder) as base:
                    lh = lighthouse(base + FIRST)
                result.setdefault("lighthouse", {})[name] = lh
                print(f"lighthouse {lh['lighthouse']} {lh['form_factor']} {name:13s}: performance {lh['performance']}  "
                      f"accessibility {lh['accessibility']}  FCP {lh['fcp_ms']} ms  LCP {lh['lcp_ms']} ms  "
                      f"TBT {lh['tbt_ms']} ms  CLS {lh['cls']}  weight {lh['total_byte_weight']:,} B"
                      f"  failed a11y audits {lh['failed_accessibility_audits']}")
    print("written", save("weight", result))


if __name__ == "__main__":
    main()
