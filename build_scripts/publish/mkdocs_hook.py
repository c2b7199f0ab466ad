"""The one MkDocs hook: reads the corpus into an Edition once per build, hands the generated pages to
MkDocs as virtual files, and lets features finish the written site.

Nothing is written into docs/: generated pages exist only in the build, so they cannot be edited by
hand and `mkdocs serve` never loops on its own output. The corpus folder comes from the CLI
(config.extra.corpus, or EDITION_CORPUS for `edition serve`, which reloads mkdocs.yml on each rebuild);
a plain `mkdocs build` reads ./corpus.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.files import Files as MkFiles
from mkdocs.structure.pages import Page

from build_scripts.enrich.edition import load_edition
from build_scripts.model.urls import Urls
from build_scripts.publish.site import (
    BUNDLE_CSS,
    BUNDLE_JS,
    Build,
    asset_order,
    begin,
    bundle,
    current,
    generated_files,
    nav,
    nav_config,
)
from build_scripts.render.context import Site

MAIN_CSS = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css")
PALETTE_CSS = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
RELATIVE_URL = re.compile(r"url\((?![\"']?data:)")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    corpus = Path(config["extra"].get("corpus") or os.environ.get("EDITION_CORPUS")  # set by `edition serve`
                  or Path(config["config_file_path"]).parent / "corpus")
    site = Site(load_edition(corpus), Urls(directory_urls=config["use_directory_urls"]),
                site_url=config["site_url"] or None)
    begin(Build.start(site))
    config["nav"] = nav(current())
    config["extra"]["lex_nav"] = nav_config(current())
    for feature in current().features:
        config["extra"].update(feature.config_extra())
    offline = config["plugins"].get("material/offline")
    if not (offline and offline.config.enabled):
        config["extra"]["polyfills"] = []  # the iframe-worker shim is needed only from file://
    config["extra_css"] = [BUNDLE_CSS]  # the features' assets, bundled in on_files (not listed in mkdocs.yml)
    config["extra_javascript"] = [BUNDLE_JS]
    return config


def on_files(files: MkFiles, config: MkDocsConfig) -> MkFiles:
    generated = generated_files(current())
    for src, content in generated.items():
        if files.get_file_from_path(src):
            raise ValueError(f"docs/{src} exists but is generated from corpus/: remove it")
        files.append(File.generated(config, src, content=content))

    def text(src: str) -> str:
        if src in generated:
            return str(generated[src])
        file = files.get_file_from_path(src)
        if file is None:
            raise FileNotFoundError(f"docs/{src}: an asset a feature declares does not exist")
        return file.content_string

    css, js = asset_order(current())
    # Material's own stylesheets (main, then palette) open the bundle: a page loads one stylesheet
    # (overrides/main.html). They hold no relative url(), only data: URIs, so they read the same from assets/.
    theme_css = [(f.src_uri, f.content_string) for pattern in (MAIN_CSS, PALETTE_CSS) for f in files
                 if pattern.fullmatch(f.src_uri) and (pattern is MAIN_CSS or config["theme"]["palette"])]
    if any(RELATIVE_URL.search(text) for _, text in theme_css):
        raise ValueError("Material's stylesheets now use relative url(): they can no longer join assets/bundle.css")
    config["extra"]["lex_theme_css_bundled"] = bool(theme_css)
    files.append(File.generated(config, BUNDLE_CSS,
                                content=bundle(theme_css + [(src, text(src)) for src in css])))
    files.append(File.generated(config, BUNDLE_JS, content=bundle([(src, text(src)) for src in js])))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: MkFiles) -> str:
    for feature in current().features:
        page.meta.update(feature.page_meta(page.file.src_uri))
    return markdown


@event_priority(-50)  # after Material's search plugin has written its index, before the offline plugin
def on_post_build(config: MkDocsConfig) -> None:
    for feature in current().features:
        feature.post_build(Path(config["site_dir"]))
