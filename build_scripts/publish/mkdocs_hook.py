"""The one MkDocs hook: reads the corpus into an Edition once per build, hands the generated pages to
MkDocs as virtual files, and lets features finish the written site.

Nothing is written into docs/: generated pages exist only in the build, so they cannot be edited by
hand and `mkdocs serve` never loops on its own output. The corpus folder comes from the CLI
(config.extra.corpus, or EDITION_CORPUS for `edition serve`, which reloads mkdocs.yml on each rebuild);
a plain `mkdocs build` reads ./corpus.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from build_scripts.enrich.edition import load_edition
from build_scripts.model.urls import Urls
from build_scripts.publish.site import Build, begin, current, generated_files, nav
from build_scripts.render.context import Site


def on_config(config):
    corpus = Path(config["extra"].get("corpus") or os.environ.get("EDITION_CORPUS")  # set by `edition serve`
                  or Path(config["config_file_path"]).parent / "corpus")
    site = Site(load_edition(corpus), Urls(directory_urls=config["use_directory_urls"]),
                site_url=config["site_url"] or None)
    begin(Build.start(site))
    config["nav"] = nav(current())
    for feature in current().features:
        config["extra"].update(feature.config_extra())
    return config


def on_files(files, config):
    for src, content in generated_files(current()).items():
        if files.get_file_from_path(src):
            raise ValueError(f"docs/{src} exists but is generated from corpus/: remove it")
        files.append(File.generated(config, src, content=content))
    return files


@event_priority(-50)  # after Material's search plugin has written its index, before the offline plugin
def on_post_build(config):
    for feature in current().features:
        feature.post_build(Path(config["site_dir"]))
