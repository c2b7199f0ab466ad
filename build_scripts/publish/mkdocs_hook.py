"""Thin MkDocs hook: feeds the pages generated from corpus/ to MkDocs as virtual files.

Nothing is written into docs/: generated pages exist only in the build, so they cannot be
edited by hand and `mkdocs serve` never loops on its own output.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from build_scripts.parse import corpus
from build_scripts.enrich.gloss import load_gloss
from build_scripts.publish.site import Site, generated_files, nav
from build_scripts.model.urls import Urls

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
