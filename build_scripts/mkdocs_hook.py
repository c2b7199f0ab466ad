"""Thin MkDocs hook: feeds the pages generated from corpus/ to MkDocs as virtual files.

Nothing is written into docs/: generated pages exist only in the build, so they cannot be
edited by hand and `mkdocs serve` never loops on its own output.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File  # noqa: E402

from build_scripts import corpus  # noqa: E402
from build_scripts.gloss import load_gloss  # noqa: E402
from build_scripts.site import Site, generated_files, nav  # noqa: E402
from build_scripts.urls import Urls  # noqa: E402

STATE: dict = {}


def on_config(config):
    corpus.load_all.cache_clear()  # mkdocs serve: re-read the corpus on every rebuild
    regs = corpus.load_all()
    site = Site(regs, {r.id: load_gloss(r) for r in regs}, Urls(directory_urls=config["use_directory_urls"]),
                site_url=config["site_url"])
    STATE["site"] = site
    config["nav"] = nav(site)
    return config


def on_files(files, config):
    for src, content in generated_files(STATE["site"]).items():
        existing = files.get_file_from_path(src)
        if existing:
            raise ValueError(f"docs/{src} exists but is generated from corpus/: remove it")
        files.append(File.generated(config, src, content=content))
    return files
