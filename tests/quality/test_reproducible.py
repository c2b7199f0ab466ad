"""Reproducible builds: two builds of the same tree are byte-identical, site and offline zip.

Each pair is built at the same time from the same tree, in different folders, with different hash
seeds and time zones, so that set ordering, absolute paths and local clocks would all show up as
differences.
"""
import filecmp
import io
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from build_scripts.publish.cli import build_epoch

PERTURBED = {"PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati"}
ROOT = Path(__file__).resolve().parents[2]


def files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    fa, fb = files(a), files(b)
    out = [f"only in one build: {name}" for name in sorted(set(fa) ^ set(fb))]
    out += [f"differs: {name}" for name in sorted(set(fa) & set(fb)) if not filecmp.cmp(fa[name], fb[name], shallow=False)]
    return out


def cli(*args: str, env: dict) -> None:
    full = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "OFFLINE", "EDITION_CORPUS")}
    result = subprocess.run([sys.executable, "-m", "build_scripts.publish.cli", *args], cwd=ROOT, env={**full, **env},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


@pytest.fixture(scope="session")
def twins(tmp_path_factory, built_site, offline_dist):
    """The session's builds (in-process, this process's random hash seed and time zone) and a second pair
    built as processes of their own, in another folder, with another hash seed and time zone."""
    other = tmp_path_factory.mktemp("twins") / "b" / "elsewhere"
    jobs = [(("build", "--site-dir", str(other / "site")), PERTURBED),
            (("offline", "--dist", str(other / "dist")), PERTURBED)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for f in [pool.submit(cli, *args, env=env) for args, env in jobs]:
            f.result()
    return {"site": built_site, "dist": offline_dist}, {"site": other / "site", "dist": other / "dist"}


def test_site_builds_are_identical(twins):
    a, b = twins
    diff = differences(a["site"], b["site"])
    assert not diff, "\n".join(diff[:40])


def test_offline_builds_and_zips_are_identical(twins):
    a, b = twins
    diff = differences(a["dist"] / "offline", b["dist"] / "offline")
    assert not diff, "\n".join(diff[:40])
    assert (a["dist"] / "pingan-offline.zip").read_bytes() == (b["dist"] / "pingan-offline.zip").read_bytes()


def test_offline_zip_matches_offline_folder(offline_dist):
    """The zip holds exactly the offline folder, with fixed dates (no build clock)."""
    folder = offline_dist / "offline"
    with zipfile.ZipFile(offline_dist / "pingan-offline.zip") as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        assert len(names) == len(set(names))
        assert {i.date_time for i in infos} == {time.gmtime(int(build_epoch()))[:6]}
        expected = {f"pingan-offline/{k}": v for k, v in files(folder).items()}
        assert set(names) == set(expected)
        terms = zf.read("pingan-offline/LICENSE").decode()   # the licences travel with the copy
        assert "CC BY 4.0" in terms and "art. 5" in terms and "MIT" in terms
        for name in names[:: max(1, len(names) // 25)]:
            assert zf.read(name) == expected[name].read_bytes(), name


def test_no_sitemap_without_a_public_base(built_site):
    """A sitemap needs absolute URLs: without SITE_URL there is none (its dates: test_permalinks.py)."""
    assert not (built_site / "sitemap.xml").exists() and not (built_site / "sitemap.xml.gz").exists()


def test_a_source_tarball_builds_like_a_checkout(tmp_path):
    """`git archive` of a commit (no .git) and a checkout of it, SOURCE_DATE_EPOCH unset: the same bytes."""
    if not (ROOT / ".git").exists():
        pytest.skip("this tree is no git checkout: there is no commit to archive")
    git = ["git", "-C", str(ROOT)]
    sha = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    checkout, tarball = tmp_path / "checkout", tmp_path / "tarball"
    subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", str(ROOT), str(checkout)], check=True)
    subprocess.run(["git", "-C", str(checkout), "checkout", "-q", "--detach", sha], check=True)
    archive = subprocess.run([*git, "archive", "--format=tar", sha], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tf:
        tf.extractall(tarball, filter="data")
    assert not (tarball / ".git").exists()
    for tree in (checkout, tarball):     # installed, not source (like .venv): `make` runs `npm ci` for a checkout
        (tree / "node_modules").symlink_to(ROOT / "node_modules")
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "OFFLINE", "EDITION_CORPUS", "SOURCE_DATE_EPOCH")}

    def build(tree: Path) -> None:
        r = subprocess.run([sys.executable, "-m", "build_scripts.publish.cli", "build", "--site-dir", str(tree / "site")],
                           cwd=tree, env=env, capture_output=True, text=True)
        assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(build, [checkout, tarball]))
    diff = differences(checkout / "site", tarball / "site")
    assert not diff, "\n".join(diff[:40])


def test_no_python_object_reprs_leak(built_site):
    """An object repr (e.g. `<built-in method items of dict object at 0x...>` from a template) is
    both a content bug and a source of non-reproducible output."""
    leaks = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
             if " object at 0x" in p.read_text(encoding="utf-8")]
    assert not leaks
