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
