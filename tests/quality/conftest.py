"""Session fixtures of the quality gates (issue 8): each site variant is built once per session,
one local HTTP server per served folder. The one browser of the session is tests/conftest.py's
`browser` (a second sync Playwright in the same process fails)."""
from __future__ import annotations

import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SITE_URL = "https://example.org/pingan/"  # a public base for the link checker's own cases; the default builds set none


@pytest.fixture(scope="session")
def serve():
    """serve(folder) -> base URL of a local HTTP server over that folder (one per folder)."""
    from browser import serve as serve_folder
    servers: dict[Path, str] = {}
    with ExitStack() as stack:
        def start(folder: Path) -> str:
            if folder not in servers:
                servers[folder] = stack.enter_context(serve_folder(folder))
            return servers[folder]
        yield start


def copy_corpus(dest: Path) -> Path:
    shutil.copytree(ROOT / "corpus", dest)
    return dest


@pytest.fixture(scope="session")
def site_url(built_site, serve):
    return serve(built_site)


@pytest.fixture
def guarded(tabs, site_url):
    """make(**context_args) -> a11y.Guarded: a page as a new context gives it, on the served site, every
    request recorded."""
    from a11y import Guarded
    origin = site_url.rstrip("/")
    opened: list = []

    def make(**kw):
        g = Guarded(tabs, origin, **kw)
        opened.append(g)
        return g

    yield make
    for g in opened:
        g.close()
