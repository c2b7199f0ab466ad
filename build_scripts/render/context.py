"""Site: what every renderer and feature reads during one build — the Edition, the URL rules of this
build (directory URLs on the web, .html files offline) and the public base URL, if one is set."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from build_scripts.enrich.edition import Edition
from build_scripts.enrich.gloss import Gloss
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation
from build_scripts.model.urls import Urls


@dataclass(frozen=True)
class Site:
    edition: Edition
    urls: Urls = Urls()
    site_url: str | None = None     # the public base of permanent (citable) URLs; None: none is published

    @property
    def regs(self) -> tuple[Regulation, ...]:
        return self.edition.regs

    @property
    def cite_order(self) -> tuple[Regulation, ...]:
        """The regulations in the order a citation that names none lists its candidates (the resolver's question,
        the search box): those the edition annotates with an English gloss first, then the others, each group in
        the edition's order. At 100 regulations a bare 第十五条 still offers the edition's own articles first."""
        return tuple(sorted(self.regs, key=lambda r: not self.edition.glosses[r.id].exists))

    @property
    def glosses(self) -> Mapping[str, Gloss]:
        return self.edition.glosses

    @property
    def corpus(self) -> Path:
        return self.edition.corpus

    def reg(self, reg_id: str) -> Regulation:
        return self.edition.reg(reg_id)

    def ref(self, reg_id: str, article: int, paragraph: int | None = None, item: int | None = None) -> Ref:
        return self.edition.ref(reg_id, article, paragraph, item)

    def permalink(self, path: str) -> str | None:
        """The public URL of a site path, or None when no public base is set (nothing local is published)."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + path.lstrip("/")
