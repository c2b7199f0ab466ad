"""Session fixtures shared by every test: the Edition read once, the site built once in-process.

Under pytest-xdist (make test) the builds of the session are shared by the workers: the first worker that
needs the site builds it while the others wait for it (`made_once`), so that two workers do not build the
same site twice. The browser tests of a worker share its one browser and borrow its one page (`tabs`,
browser.Tabs), reset after each test to what a new context gives.

Tiers (markers are given here from the fixtures a test uses, so no test can be in the wrong tier):
    unit     no build, no browser        make test-fast
    build    reads a built site          (the one site of the session, built in-process)
    browser  drives Debian's Chromium
"""
import contextlib
import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from browser import CHROMIUM, chromium, serve

ROOT = Path(__file__).resolve().parent.parent
BUILD_FIXTURES = {"built_site", "served_site", "offline_dist", "offline_site", "shanxi_pdf"}
BROWSER_FIXTURES = {"browser", "tabs", "page"}
BUILD_ENV = ("SITE_URL", "OFFLINE", "EDITION_CORPUS")


# The files that take longest (make test, measured), in the order the workers should start them; the other files
# follow in collection order. make test hands out whole files (--dist loadfile) in collection order
# (--no-loadscope-reorder), the next one to whichever worker is nearly done; the first two go to one worker each,
# the next two as their second. Started first, the long files leave the short ones to even out the end; and a
# file that mostly waits for the browser (a11y, search) runs beside one that builds (reproducible, new_regulation).
LONGEST_FIRST = ["quality/test_a11y.py", "quality/test_reproducible.py", "test_search.py",
                 "quality/test_a11y_keyboard.py", "test_new_regulation.py", "test_reader.py",
                 "quality/test_hostile.py", "test_opendata.py", "quality/test_previews.py", "test_parse_properties.py",
                 "quality/test_permalinks.py", "quality/test_cite_browser.py", "test_later_stages.py",
                 "quality/test_cited_unit_marked.py", "test_once.py", "quality/test_links.py", "test_display.py",
                 "test_browser_tabs.py", "quality/test_cite_offline.py"]


def pytest_collection_modifyitems(items):
    for item in items:
        names = set(item.fixturenames)
        browser = names & BROWSER_FIXTURES or item.get_closest_marker("browser")
        if browser:
            item.add_marker(pytest.mark.browser)
        in_quality_gates = "quality" in item.path.parts
        if browser or names & BUILD_FIXTURES or item.get_closest_marker("build") or in_quality_gates:
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.relative_to(ROOT / "tests").as_posix(), len(rank)))  # stable


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skip because something is missing (a module, a feature) is a failure: the suite must run it all."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and call.excinfo is not None:
        reason = str(call.excinfo.value)
        if "could not import" in reason or "No module named" in reason or "not installed" in reason:
            report.outcome = "failed"
            report.longrepr = f"skipped because something is missing, which fails the suite: {reason}"


@pytest.fixture(scope="session", autouse=True)
def _isolated_build_env():
    """Builds in the tests never pick up a developer's SITE_URL / OFFLINE / EDITION_CORPUS."""
    saved = {k: os.environ.pop(k, None) for k in BUILD_ENV}
    yield
    for k, v in saved.items():
        if v is not None:
            os.environ[k] = v


@pytest.fixture(scope="session")
def edition():
    from build_scripts.enrich.edition import load_edition
    return load_edition(ROOT / "corpus")


@pytest.fixture(scope="session")
def site(edition):
    """The Site of a default web build (directory URLs, no public base URL)."""
    from build_scripts.render.context import Site
    return Site(edition)


@pytest.fixture(scope="session")
def site_texts():
    """The site's texts besides the generated pages as the hook hands them to the features (publish/mkdocs_hook.py:
    site_texts): the hand-written pages and mkdocs.yml's names, read through MkDocs as a build reads them."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from build_scripts.publish.mkdocs_hook import site_texts
    config = load_config(str(ROOT / "mkdocs.yml"))
    return site_texts(config, get_files(config))


@pytest.fixture(scope="session")
def search_feature(site, site_texts):
    """The Search feature of a default build, given the site's texts as the hook gives them."""
    from build_scripts.features.search import Search
    feature = Search(site)
    feature.site_texts(site_texts)
    return feature


@pytest.fixture(scope="session")
def regs(edition):
    return {r.id: r for r in edition.regs}


def made_once(tmp_path_factory, name: str, make: Callable[[Path], object]) -> Path:
    """The folder `name` that make(folder) fills, made once per test run. Under xdist, in the run's folder
    that the workers share (each worker's basetemp is a folder of it): the first worker to ask makes it,
    holding a lock that the others wait on, then they all read the same files. A failed make leaves no
    folder, so the next worker that needs it tries again and reports the same error."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder, done = base / name, base / f"{name}.done"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if make raises
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            try:
                make(folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            done.touch()
    return folder


@pytest.fixture(scope="session", autouse=True)
def _shared_builds_side_by_side(request):
    """Under xdist, each worker starts by making one of the shared builds that the run's tests need (the first
    worker the site, the second the offline copy), so that they are made side by side rather than one worker
    waiting for the other's. A failure is left for the tests that need the build to report."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    needed = [name for name in ("built_site", "offline_dist")
              if any(name in item.fixturenames for item in request.session.items)]
    index = int(worker[2:]) if worker.startswith("gw") else len(needed)
    if index < len(needed):
        with contextlib.suppress(Exception):
            request.getfixturevalue(needed[index])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run (shared by the xdist workers), in-process, with --strict
    (warnings fail). No test writes into it."""
    from build_scripts.publish.cli import build
    return made_once(tmp_path_factory, "build", lambda folder: build(folder / "site")) / "site"


@pytest.fixture(scope="session")
def offline_dist(tmp_path_factory) -> Path:
    """dist/ of `edition offline`: offline/ (the file:// copy) and pingan-offline.zip, built once per test run."""
    from build_scripts.publish.cli import offline
    return made_once(tmp_path_factory, "offline", lambda folder: offline(folder / "dist")) / "dist"


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site on http://127.0.0.1:<port>/ from a thread (no outside host involved)."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session, driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no browser at {CHROMIUM}: run `make browser` (make test does), or set EDITION_CHROMIUM")
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def tabs(browser):
    """The worker's one page, lent to each test that asks for `page` (browser.Tabs)."""
    from browser import Tabs
    lender = Tabs(browser)
    yield lender
    lender.close()


LOCAL = ("http://127.0.0.1", "file://", "data:", "blob:", "about:")


@pytest.fixture
def page(tabs):
    """A page as a new browser context gives it (the worker's one page, reset after each test: browser.Tabs),
    whose requests to any host but 127.0.0.1 or file:// fail the test."""
    with tabs.lease(lambda url: url.startswith(LOCAL)) as lease:
        yield lease.page
    assert not lease.outside, f"requests to outside hosts: {lease.outside}"
