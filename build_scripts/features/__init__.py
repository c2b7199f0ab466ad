"""The features of the edition, one module each; registering one is one import and one line below.

Order matters: a feature's `files(made)` sees what earlier ones generated, and a feature that must see them all
says `runs_last` (opendata: it lists every data file), which the build checks (publish/config.check_order).
Each is configured, or switched off, in mkdocs.yml `extra.edition.features.<name>` (publish/config.py)."""
from build_scripts.features.annotate import Annotate
from build_scripts.features.citations import Citations
from build_scripts.features.compare import Compare
from build_scripts.features.opendata import OpenData
from build_scripts.features.previews import Previews
from build_scripts.features.protocol import FeatureBase
from build_scripts.features.reader import Reader
from build_scripts.features.search import Search
from build_scripts.features.status import Status

REGISTERED: tuple[type[FeatureBase], ...] = (
    Compare,      # provincial comparison: topics, only-in pages, term frequency, counterparts
    Search,       # search index and worker, the traditional-character view
    Annotate,     # glossary marks, defined terms, cross-references, "referred to by", glossary page
    Citations,    # copy-citation, short links, resolver, anchors.json, JSON-LD
    Status,       # status box, What's new, the Atom feed
    Previews,     # the text of a linked provision on hover, focus or tap
    Reader,       # shareable selections, compare any two provisions, private notes and bookmarks
    OpenData,     # last: CSV, Akoma Ntoso, PDFs and the downloads page listing every data file
)
