"""The edition's build pipeline: corpus/ (raw text + curated data) -> structured model -> site.

normalise.py   raw text -> Regulation (pure)
corpus.py      reads corpus/<id>/ folders (the only file I/O on the input side)
export.py      Regulation -> public JSON contract (pure)
pages.py       Regulation -> generated Markdown pages (pure)
mkdocs_hook.py thin MkDocs hook that feeds the generated pages to MkDocs
edition.py     the one CLI: build / serve / offline
"""
