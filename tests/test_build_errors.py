"""Bad input stops the whole build with file and line, and leaves the previous site untouched."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

BREAKAGES = [
    # (id, regulation, transform of source.txt, expected message fragment)
    ("duplicated article", "shanxi", lambda t: t.replace("第三条　", "第二条　", 1), "shanxi/source.txt:4: duplicated"),
    ("missing article", "shanxi", lambda t: t.replace("第五条　", "第六条　", 1), "shanxi/source.txt:6: missing article 5"),
    ("unknown heading", "jiangxi", lambda t: t.replace("第三章", "第三编", 1), "jiangxi/source.txt:215: unknown heading"),
    ("empty file", "jiangxi", lambda t: "", "jiangxi/source.txt:1: empty file"),
]


@pytest.mark.parametrize("reg_id,transform,message", [b[1:] for b in BREAKAGES], ids=[b[0] for b in BREAKAGES])
def test_bad_source_stops_build_and_keeps_old_site(tmp_path, reg_id, transform, message):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    source = corpus / reg_id / "source.txt"
    source.write_text(transform(source.read_text(encoding="utf-8")), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_scripts.publish.cli", "build", "--site-dir", str(site)],
                            cwd=ROOT, env={**os.environ, "EDITION_CORPUS": str(corpus)},
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "site"]  # no half-written site left behind


def _rename_source(d: Path) -> None:
    (d / "source.txt").rename(d / "Source.txt")


CORPUS_BREAKAGES = [
    # (id, regulation, change to the folder, expected one-line message fragment) — issue 13
    ("GBK source", "shanxi", lambda d: (d / "source.txt").write_bytes((d / "source.txt").read_text(encoding="utf-8")
                                                                      .encode("gb18030")),
     "shanxi/source.txt:1: the file looks like GB18030/GBK"),
    ("impossible date", "shanxi", lambda d: (d / "meta.yaml").write_text(
        (d / "meta.yaml").read_text(encoding="utf-8").replace("effective: 2023-09-01", "effective: 2004-02-30"),
        encoding="utf-8"), "shanxi/meta.yaml:13: effective: '2004-02-30' is no date"),
    ("Source.txt", "jiangxi", _rename_source, "jiangxi/source.txt:1: no source.txt (found Source.txt)"),
    ("text cut off", "shanxi", lambda d: (d / "source.txt").write_text(
        (d / "source.txt").read_text(encoding="utf-8").split("第十一条")[0], encoding="utf-8"),
     "shanxi/source.txt:13: the text ends with 第十条"),
]


@pytest.mark.parametrize("reg_id,change,message", [b[1:] for b in CORPUS_BREAKAGES], ids=[b[0] for b in CORPUS_BREAKAGES])
def test_bad_corpus_folder_stops_build_with_one_line(tmp_path, reg_id, change, message):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    change(corpus / reg_id)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_scripts.publish.cli", "build", "--site-dir", str(site)],
                            cwd=ROOT, env={**os.environ, "EDITION_CORPUS": str(corpus)},
                            capture_output=True, text=True)
    assert result.returncode != 0
    lines = [l for l in (result.stdout + result.stderr).splitlines() if message in l]
    assert lines and "; expected " in lines[0], result.stderr[-2000:]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
