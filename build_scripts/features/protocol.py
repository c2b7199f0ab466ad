"""What a feature is: one module with one class that follows `Feature`, plus one line in
features/__init__.py. The build constructs each enabled feature once per build with the Site and its
configuration (mkdocs.yml `extra.edition.features.<name>`, a `FeatureConfig`), then asks it, in registration
order, for its files, nav entries, page blocks and assets. A feature reads the Site (the Edition and URL rules)
and its configuration, nothing else: no corpus files, no other feature's internals."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field

from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation
from build_scripts.render.context import Site

NavEntry = dict[str, Any]      # MkDocs nav: {title: src} or {title: [entries]}
Files = dict[str, str | bytes]  # docs-relative path -> content


class FeatureConfig(BaseModel):
    """A feature's settings in mkdocs.yml, under `extra.edition.features.<name>` (MkDocs gives a hook no options
    of its own), typed as Material's plugins type theirs. A feature with more settings subclasses it and names
    the subclass as its `Config`. Strict: `enabled: "no"` or an unknown key stops the build, by name and line."""
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    enabled: bool = Field(default=True, description="true or false (false: the build runs without this feature)")


class Feature(Protocol):
    # Read-only here (a class attribute satisfies them; FeatureBase declares them as ClassVars), so that a
    # feature's `css = ("assets/x.css",)` matches without an annotation of its own.
    @property
    def name(self) -> str: ...

    @property
    def css(self) -> tuple[str, ...]:
        """Docs-relative stylesheets, bundled into one file per build."""

    @property
    def js(self) -> tuple[str, ...]:
        """Modules under browser/ imported, in this order, into the one script every page loads."""

    @property
    def scripts(self) -> Mapping[str, tuple[str, ...]]:
        """Scripts of their own (docs-relative output -> modules under browser/): a worker, or the script of the
        few pages that load it (a `<script defer>` in their template)."""

    @property
    def Config(self) -> type[FeatureConfig]:
        """The model of its settings in mkdocs.yml."""

    @property
    def runs_last(self) -> bool:
        """True for a feature that must run after every other (its `files(made)` lists all they generated): the
        build checks that the registry puts it last."""

    def __init__(self, site: Site, config: FeatureConfig | None = None) -> None: ...

    def files(self, made: Mapping[str, str | bytes]) -> Mapping[str, str | bytes]:
        """Generated files; `made` holds what the core and earlier features generated (read-only)."""

    def nav(self) -> list[NavEntry]: ...

    def article_block(self, ref: Ref, page_src: str) -> str:
        """HTML after an article's text on its own page ('' for none)."""

    def full_text_block(self, reg: Regulation, page_src: str) -> str:
        """HTML at the end of a regulation's full-text page ('' for none)."""

    def annotate(self, reg_id: str, eid: str, text: str, page_src: str) -> str | None:
        """HTML of a Chinese unit's text, or None to leave it to another feature (plain escaped text)."""

    def annotate_en(self, reg_id: str, eid: str, text: str, page_src: str) -> str | None:
        """HTML of a unit's English gloss, or None to leave it to another feature (render/html.en_html)."""

    def config_extra(self) -> dict[str, Any]:
        """Values for the theme's `config.extra` (read by overrides/)."""

    def site_texts(self, texts: Sequence[str]) -> None:
        """The site's text that MkDocs holds besides the generated pages: the hand-written pages as written and
        the names mkdocs.yml gives (site name, theme labels). Given once per build, before `files` and
        `script_data` are asked for; the build reads no source file of its own to find them."""

    def script_data(self) -> dict[str, Any]:
        """The build's data for the browser code, by name (a module reads it: `import x from "lex:<name>"`)."""

    def page_meta(self, src: str) -> dict[str, Any]:
        """Front-matter values added to a page MkDocs builds (docs-relative src), e.g. Material's
        `search: {exclude: true}`."""

    def post_build(self, site_dir: Path) -> None:
        """Runs after MkDocs has written the site (e.g. to replace the search index)."""


class FeatureBase:
    """Defaults for every hook of Feature, so a feature writes only what it adds."""
    name: ClassVar[str] = ""
    css: ClassVar[tuple[str, ...]] = ()
    js: ClassVar[tuple[str, ...]] = ()
    scripts: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    Config: ClassVar[type[FeatureConfig]] = FeatureConfig
    runs_last: ClassVar[bool] = False

    def __init__(self, site: Site, config: FeatureConfig | None = None) -> None:
        self.site = site
        self.config = config if config is not None else self.Config()

    def files(self, made: Mapping[str, str | bytes]) -> Files:
        return {}

    def nav(self) -> list[NavEntry]:
        return []

    def article_block(self, ref: Ref, page_src: str) -> str:
        return ""

    def full_text_block(self, reg: Regulation, page_src: str) -> str:
        return ""

    def annotate(self, reg_id: str, eid: str, text: str, page_src: str) -> str | None:
        return None

    def annotate_en(self, reg_id: str, eid: str, text: str, page_src: str) -> str | None:
        return None

    def config_extra(self) -> dict[str, Any]:
        return {}

    def site_texts(self, texts: Sequence[str]) -> None:
        return None

    def script_data(self) -> dict[str, Any]:
        return {}

    def page_meta(self, src: str) -> dict[str, Any]:
        return {}

    def post_build(self, site_dir: Path) -> None:
        return None
