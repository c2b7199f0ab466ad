"""MkDocs hook of the search feature (build_scripts/search.py): after Material's search plugin has
written search/search_index.json, replace it with the edition's index (before the offline plugin,
priority -100, inlines it into search_index.js), and point Material's header search at the
edition's worker (overrides/main.html reads config.extra.lex_search).

LEX_SEARCH=material builds the site with Material's search unmodified (the baseline of bench/search.py).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.plugins import event_priority  # noqa: E402

from build_scripts import corpus  # noqa: E402
from build_scripts.gloss import load_gloss  # noqa: E402
from build_scripts.search import search_index  # noqa: E402
from build_scripts.site import Site  # noqa: E402
from build_scripts.urls import Urls  # noqa: E402


def enabled() -> bool:
    mode = os.environ.get("LEX_SEARCH", "edition")
    if mode not in ("edition", "material"):
        raise ValueError(f"LEX_SEARCH={mode!r}: expected 'edition' or 'material'")
    return mode == "edition"


def on_config(config):
    config.extra["lex_search"] = enabled()
    return config


@event_priority(-50)
def on_post_build(config):
    if not enabled():
        return
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.exists():
        raise FileNotFoundError(f"{path}: Material's search plugin wrote no index")
    material = json.loads(path.read_text(encoding="utf-8"))
    regs = corpus.load_all()
    site = Site(regs, {r.id: load_gloss(r) for r in regs}, Urls(directory_urls=config["use_directory_urls"]))
    index = search_index(site, material, corpus.CORPUS)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
