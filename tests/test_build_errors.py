"""Bad input stops the whole build with file and line, and leaves the previous site untouched.

The CLI runs in-process (build_scripts.publish.cli.main); one case also runs it as a real process, to see
what a user sees: one line, no traceback."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.publish.cli import main

pytestmark = pytest.mark.build  # builds (or starts building) a site: not in the fast tier

ROOT = Path(__file__).resolve().parent.parent


def run_cli(capsys, corpus: Path, site: Path) -> tuple[int, str]:
    """(exit status, what the CLI printed to stderr) of `edition build --corpus corpus --site-dir site`."""
    with pytest.raises(SystemExit) as stop:
        main(["build", "--corpus", str(corpus), "--site-dir", str(site)])
    return stop.value.code, capsys.readouterr().err


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith(("INFO", "DEBUG"))]

BREAKAGES = [
    # (id, regulation, transform of source.txt, expected message fragment)
    ("duplicated article", "shanxi", lambda t: t.replace("第三条　", "第二条　", 1), "shanxi/source.txt:4: duplicated"),
    ("missing article", "shanxi", lambda t: t.replace("第五条　", "第六条　", 1), "shanxi/source.txt:6: missing article 5"),
    ("unknown heading", "jiangxi", lambda t: t.replace("第三章", "第三编", 1), "jiangxi/source.txt:215: unknown heading"),
    ("empty file", "jiangxi", lambda t: "", "jiangxi/source.txt:1: empty file"),
]


@pytest.mark.parametrize("reg_id,transform,message", [b[1:] for b in BREAKAGES], ids=[b[0] for b in BREAKAGES])
def test_bad_source_stops_build_and_keeps_old_site(tmp_path, capsys, reg_id, transform, message):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    source = corpus / reg_id / "source.txt"
    source.write_text(transform(source.read_text(encoding="utf-8")), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    status, stderr = run_cli(capsys, corpus, site)
    assert status == 2
    assert len(error_lines(stderr)) == 1 and message in error_lines(stderr)[0], stderr
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
        encoding="utf-8"), "shanxi/meta.yaml:15: effective: '2004-02-30' is no date"),
    ("Source.txt", "jiangxi", _rename_source, "jiangxi/source.txt:1: no source.txt (found Source.txt)"),
    ("text cut off", "shanxi", lambda d: (d / "source.txt").write_text(
        (d / "source.txt").read_text(encoding="utf-8").split("第十一条")[0], encoding="utf-8"),
     "shanxi/source.txt:13: the text ends with 第十条"),
]


@pytest.mark.parametrize("reg_id,change,message", [b[1:] for b in CORPUS_BREAKAGES], ids=[b[0] for b in CORPUS_BREAKAGES])
def test_bad_corpus_folder_stops_build_with_one_line(tmp_path, capsys, reg_id, change, message):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    change(corpus / reg_id)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    status, stderr = run_cli(capsys, corpus, site)
    assert status == 2
    lines = error_lines(stderr)
    assert len(lines) == 1 and message in lines[0] and "; expected " in lines[0], stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"


def test_the_real_command_prints_one_line_and_no_traceback(tmp_path):
    """As a user runs it: `python -m build_scripts build`, a process of its own; --debug adds the traceback."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "shanxi" / "source.txt").write_text("", encoding="utf-8")
    command = [sys.executable, "-m", "build_scripts", "build", "--corpus", str(corpus), "--site-dir", str(tmp_path / "s")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    plain = subprocess.run(command, capture_output=True, text=True, env=env)
    debug = subprocess.run(command + ["--debug"], capture_output=True, text=True, env=env)
    assert plain.returncode == debug.returncode == 2
    assert error_lines(plain.stderr) == [f"error: {corpus / 'shanxi' / 'source.txt'}:1: empty file; expected the text of a regulation"] \
        or (len(error_lines(plain.stderr)) == 1 and "shanxi/source.txt:1: empty file" in plain.stderr), plain.stderr
    assert "Traceback" not in plain.stderr and "Traceback" in debug.stderr
