"""Real local regulations for bench/scale.py, selected from LawRefBook/Laws (issue 22).

    .venv/bin/python -m bench.laws --git-dir DIR [--count 24] [--seed 22] [--exclude EXPECTED_JSON ...]

DIR is a (bare) git directory of github:LawRefBook/Laws. The candidates are the local regulations named 条例
(`DLC/<province>地方法规/地方性法规/**/*条例*.md` at DIR's HEAD), sorted by path and shuffled with
random.Random(seed); the first --count of them that are not named in an --exclude file (an expected.json of
the same shape, e.g. ../shared/realworld/expected.json, so that no regulation is measured twice) and that
convert are written to bench/laws/ (replacing it), one folder each:

  - `source.txt`: the Markdown's body in the `clean` raw shape (one paragraph a line; an item （一）… appended
    to the paragraph that introduces it, as the official texts print it; a chapter heading on its own line;
    the article number followed by U+3000); no title, no adoption notes. Every character of the body is kept:
    only the Markdown's heading marks `## `, blank lines and the single space after 第X条 are dropped.
  - `meta.yaml`: what a publisher writes at least: title.zh, a placeholder title.en, effective as the last
    article states it (null when it states no date, e.g. 自公布之日起施行).

and `expected.json` (counts of chapters, articles, paragraphs and items as read from the Markdown, the
source path, shape and title: the shape of ../shared/realworld/expected.json) and `PROVENANCE.md` (repository,
commit, path of each). A Markdown that is not convertible (no 第一条, a line before it that is no heading,
a 节 heading) is skipped and named. The selection is a fixed function of DIR's commit, the seed, the count
and the exclude files; the command that made the committed one is in bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

from bench.common import ROOT

OUT = ROOT / "bench" / "laws"
REPO = "LawRefBook/Laws"
CANDIDATE = re.compile(r"^DLC/[^/]+地方法规/地方性法规/.*条例[^/]*\.md$")
NUM = "零〇一二三四五六七八九十百千"
ARTICLE = re.compile(rf"^第[{NUM}]+条(?:之[{NUM}]+)?(?=[ \u3000]|$)")
CHAPTER = re.compile(rf"^## (第[{NUM}]+章.*)$")
SECTION = re.compile(rf"^#+ *第[{NUM}]+节")
ITEM = re.compile(rf"^（[{NUM}]+）")
EFFECTIVE = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行")


class Unconvertible(ValueError):
    pass


def git(git_dir: Path, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={git_dir}", "-c", "core.quotepath=off", *args], check=True,
                          capture_output=True, text=True, encoding="utf-8").stdout


def convert(md: str) -> tuple[str, dict]:
    """(source.txt, counts) of one Markdown of the collection; Unconvertible when its shape is not the usual one."""
    lines = md.splitlines()
    if "<!-- INFO END -->" not in lines:
        raise Unconvertible("no <!-- INFO END --> line")
    body = [line.strip() for line in lines[lines.index("<!-- INFO END -->") + 1:]]
    body = [line for line in body if line]
    out: list[str] = []
    n = {"chapters": 0, "articles": 0, "paragraphs": 0, "items": 0}
    for line in body:
        if SECTION.match(line):
            raise Unconvertible(f"a section heading {line!r}")
        chapter = CHAPTER.match(line)
        if chapter:
            out.append(chapter[1])
            n["chapters"] += 1
            continue
        if line.startswith("#"):
            raise Unconvertible(f"a heading that is no chapter {line!r}")
        article = ARTICLE.match(line)
        if article:
            rest = line[article.end():]
            out.append(article[0] + "\u3000" + rest.removeprefix(" ").removeprefix("\u3000"))
            n["articles"] += 1
            n["paragraphs"] += 1
            continue
        if not n["articles"]:
            raise Unconvertible(f"text before the first article {line[:20]!r}")
        if ITEM.match(line):
            out[-1] += line
            n["items"] += 1
        else:
            out.append(line)
            n["paragraphs"] += 1
    if not n["articles"]:
        raise Unconvertible("no article")
    return "\n".join(out) + "\n", n


def meta_yaml(title: str, source: str, name: str) -> str:
    last = source.rstrip("\n").rsplit("\n", 1)[-1]
    m = EFFECTIVE.search(last)
    effective = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else "null"
    return (f'title:\n  zh: "{title}"\n  en: "Real-world regulation {name}"\neffective: {effective}\n')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--git-dir", type=Path, required=True, help="a git directory of github:LawRefBook/Laws")
    ap.add_argument("--count", type=int, default=24)
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="expected.json files whose sources to skip")
    args = ap.parse_args()
    commit = git(args.git_dir, "rev-parse", "HEAD").strip()
    paths = sorted(p for p in git(args.git_dir, "ls-tree", "-r", "--name-only", "HEAD", "DLC").splitlines()
                   if CANDIDATE.match(p))
    excluded = set()
    for f in args.exclude:
        for e in json.loads(f.read_text(encoding="utf-8")).values():
            excluded.add("DLC/" + e["source"].split(" ", 1)[1])
    random.Random(args.seed).shuffle(paths)
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir()
    expected: dict[str, dict] = {}
    skipped: list[str] = []
    for path in paths:
        if len(expected) == args.count:
            break
        if path in excluded:
            skipped.append(f"{path}: already in an --exclude file")
            continue
        md = git(args.git_dir, "show", f"HEAD:{path}")
        title = md.splitlines()[0].removeprefix("# ").strip() if md.startswith("# ") else ""
        try:
            source, n = convert(md)
        except Unconvertible as exc:
            skipped.append(f"{path}: {exc}")
            continue
        name = f"l{len(expected):03d}"
        (OUT / name).mkdir()
        (OUT / name / "source.txt").write_text(source, encoding="utf-8")
        (OUT / name / "meta.yaml").write_text(meta_yaml(title, source, name), encoding="utf-8")
        expected[name] = {"source": f"{REPO} {path.removeprefix('DLC/')}", "shape": "clean", "title": title, **n}
    (OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    rows = "\n".join(f"| {k} | {e['title']} | `{e['source'].split(' ', 1)[1]}` |" for k, e in expected.items())
    skips = "\n".join(f"- `{s}`" for s in skipped) or "none"
    (OUT / "PROVENANCE.md").write_text(
        f"# Real local regulations for the scale bench\n\n"
        f"Selected and converted by `bench/laws.py` (seed {args.seed}, count {args.count}) from "
        f"github:{REPO} at commit `{commit}`, folder `DLC/`. Laws and regulations are not subject to copyright "
        f"(Copyright Law of the PRC, art. 5). `source.txt` is the Markdown's body in the edition's clean raw "
        f"shape (bench/laws.py says what was changed: heading marks, blank lines, the space after 第X条; every "
        f"character of the text is kept); `meta.yaml` a publisher's minimal facts; `expected.json` the counts "
        f"read from the Markdown.\n\n| folder | title | path in {REPO} |\n|---|---|---|\n{rows}\n\n"
        f"Candidates passed over on the way:\n\n{skips}\n", encoding="utf-8")
    print(f"{len(expected)} regulations written to {OUT.relative_to(ROOT)} ({len(skipped)} passed over)")


if __name__ == "__main__":
    main()
