"""Screenshots of what a reader sees, for looking at (not a test): a built site served on 127.0.0.1,
opened in Debian's Chromium at 1280 px and 390 px.

    python -m tools.screenshots SITE_DIR OUT_DIR [path[#anchor] ...]     (from the repository root)
"""
from __future__ import annotations

import sys
from pathlib import Path

from tests.browser import chromium, serve

PAGES = ["", "jiangxi/", "jiangxi/art-15/", "jiangxi/art-15/#para-2", "jiangxi/art-34/", "compare/campus-safety/",
         "cite/", "glossary/"]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def shoot(site: Path, out: Path, pages: list[str], full: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    with serve(site) as base, chromium() as browser:
        for name, (w, h) in WIDTHS.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            for path in pages:
                page.goto(base + path)
                page.wait_for_timeout(300)
                file = out / f"{name}-{path.strip('/').replace('/', '_').replace('#', '-') or 'home'}.png"
                page.screenshot(path=str(file), full_page=full)
                made.append(file)
            page.close()
    return made


if __name__ == "__main__":
    for f in shoot(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or PAGES):
        print(f)
