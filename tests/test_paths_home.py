"""Site paths and anchors are spelled in build_scripts/model/urls.py only: no other module of the build or the
macros writes a page's source path, a data file's path or an anchor shape as a string of its own."""
import ast
import re
from pathlib import Path

from build_scripts.model import urls

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / "build_scripts" / "model" / "urls.py"

# A string (an f-string with {} for its values) that is a site path: a page (.md), a data file (.json, .csv, .xml,
# .pdf) or one of the data folders, or an anchor joined to a path ({}#{}), or an anchor shape (art-{}, {}-art-{}).
SITE_PATH = re.compile(r"/?(?:data|downloads|assets/units)/\S*|[\w{}./-]+\.(?:md|json|csv|xml|pdf)(?:#\S*)?"
                       r"|\S*#\{\}|[\w{}-]*(?:art|para|item|chp)-\{\}\S*")


def strings(path: Path) -> list[tuple[int, str]]:
    """The module's string literals, f-strings with {} for their values; docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    inside_f = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    out = []
    for n in ast.walk(tree):
        if isinstance(n, ast.JoinedStr):
            out.append((n.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in n.values)))
        elif isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings | inside_f:
            out.append((n.lineno, n.value))
    return out


def test_no_site_path_outside_urls_py():
    found = [f"{p.relative_to(ROOT)}:{line}: {s!r}" for folder in ("build_scripts", "macros")
             for p in sorted((ROOT / folder).rglob("*.py")) if p != HOME
             for line, s in strings(p) if SITE_PATH.fullmatch(s)]
    assert not found


def test_the_check_sees_what_it_looks_for():
    """The shapes the test rejects are those urls.py writes: it would catch each one spelled elsewhere."""
    for s in ("data/{}.json", "downloads/{}.pdf", "compare/only-{}.md", "{}#{}", "{}-art-{}", "art-{}", "para-{}",
              "changes.md", "glossary/index.md", "assets/units/{}.js", "atom.xml"):
        assert SITE_PATH.fullmatch(s), s
    for s in ("source.txt", "assets/edition.css", "reader/{}.md.j2", "pair #{}", "&#{};", "meta.yaml"):
        assert not SITE_PATH.fullmatch(s), s
    assert [s for _, s in strings(HOME) if SITE_PATH.fullmatch(s)]
    assert urls.json_src("jiangxi") == "data/jiangxi.json" and urls.changes_anchor("jiangxi", "art-15") == "jiangxi-art-15"
