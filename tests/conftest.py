import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from browser import CHROMIUM, chromium, serve  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict (warnings fail)."""
    from build_scripts.publish.cli import build
    return build(tmp_path_factory.mktemp("build") / "site")


@pytest.fixture(scope="session")
def regs():
    from build_scripts.parse.corpus import load_all
    return {r.id: r for r in load_all()}


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site on http://127.0.0.1:<port>/ from a thread (no outside host involved)."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session, driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: run `make browser` (make test does)")
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    """A fresh page whose requests to any host but 127.0.0.1 or file:// fail the test."""
    context = browser.new_context()
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    yield pg
    context.close()
    assert not outside, f"requests to outside hosts: {outside}"
