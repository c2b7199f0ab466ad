import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict (warnings fail)."""
    from build_scripts.edition import build
    return build(tmp_path_factory.mktemp("build") / "site")


@pytest.fixture(scope="session")
def regs():
    from build_scripts.corpus import load_all
    return {r.id: r for r in load_all()}


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site on http://127.0.0.1:<port>/ from a thread (no outside host involved)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session, driven by Playwright (never a downloaded browser)."""
    import shutil as _shutil
    playwright_sync = pytest.importorskip("playwright.sync_api")
    executable = _shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("Debian chromium is not installed: run `make browser` (make test does)")
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


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
