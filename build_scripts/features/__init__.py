"""The features of the edition, one module each; registering one is one line here.

Order matters: a feature's `files(made)` sees what earlier ones generated (opendata lists them all)."""
from build_scripts.features.annotate import Annotate
from build_scripts.features.citations import Citations
from build_scripts.features.compare import Compare
from build_scripts.features.opendata import OpenData
from build_scripts.features.protocol import Feature
from build_scripts.features.search import Search

REGISTERED: tuple[type[Feature], ...] = (Compare, Search, Annotate, Citations, OpenData)
from build_scripts.features.reader import Reader; REGISTERED += (Reader,)  # noqa: E402,E702  (issue 15, items 3-5)
