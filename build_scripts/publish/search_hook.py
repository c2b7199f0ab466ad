"""MkDocs hook of the search feature (build_scripts/features/search.py): after Material's search plugin has
written search/search_index.json, replace it with the edition's index (before the offline plugin,
priority -100, inlines it into search_index.js), and point Material's header search at the
edition's worker (overrides/main.html reads config.extra.lex_search).

LEX_SEARCH=material builds the site with Material's search unmodified (the baseline of bench/search.py).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority

from build_scripts.parse import corpus
from build_scripts.enrich.gloss import load_gloss
from build_scripts.features.search import search_index
from build_scripts.publish.site import Site
from build_scripts.model.urls import Urls


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
