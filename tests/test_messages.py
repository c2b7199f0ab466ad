"""One message catalogue (issue 25): every string of the interface that the build writes comes from
build_scripts/model/messages.yaml, in Chinese and English. These tests read the code, not the site:

- a template under build_scripts/render/templates/ carries no Chinese and no English words of its own in what a
  reader meets (text, aria-label, title, placeholder, alt, front matter), and no Chinese in its string literals;
- a Python module under build_scripts/ carries no Chinese string literal (docstrings and comments aside);
- every message of the catalogue is read somewhere, and none is cut short (brackets and quotes balance).

What may stay is listed below, each with its reason: the legal text's own grammar (the parser, numerals,
citation forms, the resolver's and search's vocabularies), quotations of it, and proper names.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from build_scripts.model.messages import catalogue

ROOT = Path(__file__).resolve().parents[1]
CODE = ROOT / "build_scripts"
TEMPLATES = CODE / "render" / "templates"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[A-Za-z]{2,}")

# Python modules whose Chinese literals are the legal text's grammar, not interface strings.
GRAMMAR_MODULES = {
    "parse/normalise.py": "the parser: the structure words of a legal text (第…条, 款, 项, 章, 之一)",
    "parse/corpus.py": "facts read from the text (本条例自…起施行, 同时废止) and date forms (年月日)",
    "model/numerals.py": "Chinese numerals",
    "model/regulation.py": "the edition's citation form of a provision (第…条第…款第（…）项), the legal text's own",
    "model/ref.py": "the same citation form (Ref.label_zh)",
    "enrich/references.py": "the cross-reference grammar of the legal text (前款, 本条例, 下列…)",
    "enrich/hant.py": "reviewed character and vocabulary corrections of the traditional views",
    "enrich/glossary.py": "the defining formulas of the legal text (本条例所称…是指, 以下简称)",
    "enrich/status.py": "the history line of the legal text (…年…月…日…通过)",
}
# Literals allowed in other modules, by module and a pattern the literal matches in full.
ALLOWED_LITERALS = {
    "model/citerules.py": [
        (r"[^\u3400-\u9fff]*(?:[零〇一二两三四五六七八九十百条款项第條項設兩设][^\u3400-\u9fff]*)+",
         "the resolver's grammar: numerals, 第…条款项 and their traditional forms"),
        (r"《|》|〈|〉|中华人民共和国|平安建设|平安|条例|省|的", "words a citation may carry around a title"),
        (r"\(省\| province\)\$", "a province's name with or without 省"),
    ],
    "features/citations.py": [
        (r"地方性法规 / local regulation", "schema.org legislationType of the JSON-LD (data, both languages)"),
    ],
    "features/search.py": [(r".+", "the Chinese question words and definition formula the search reads in queries "
                                   "and in the legal text (QUESTION_ZH, DEFINITION)")],
    "features/opendata.py": [(r".*平安建设条例双语版 / Ping'an-Building Regulations bilingual edition.*",
                              "Akoma Ntoso metadata (showAs), data in both languages"),
                             (r"地方立法机关 / legislature of ",
                              "Akoma Ntoso metadata (the adopting body), data in both languages")],
    "model/licence.py": [(r"平安建设条例双语版|《中华人民共和国著作权法》第五条",
                          "the edition's name and the legal basis, in every download's licence (data)")],
    "publish/mkdocs_hook.py": [],
    "parse/models.py": [(r"the province's one-character abbreviation such as 赣, or null|"
                         r"a sentence saying why the text has no 本条例自…施行 article",
                         "meta.yaml's field descriptions: the editor's error messages, quoting the text's own forms "
                         "(moved from parse/corpus.py)")],
    "features/status.py": [(r"[^\u3400-\u9fff]*(?:(?:盲审|及|和|号材料|第|条|意见)[^\u3400-\u9fff]*)+",
                            "the reviewers' codes in the change log's reasons (盲审 4711 R3、L8, 2718 L3, 2027 第R21条意见, 4096号材料): What's new "
                            "shows each as a phrase of the catalogue (REVIEW_CODES)")],
}


def python_literals(path: Path) -> list[tuple[int, str]]:
    """String constants of a module with Chinese in them, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and HAN.search(node.value)]


def python_offences(path: Path, rel: str) -> list[str]:
    if rel in GRAMMAR_MODULES:
        return []
    allowed = ALLOWED_LITERALS.get(rel, [])
    return [f"{rel}:{line}: {value!r}" for line, value in python_literals(path)
            if not any(re.fullmatch(pattern, value, re.S) for pattern, _ in allowed)]


# In templates: what stays, with its reason.
TEMPLATE_KEEP = [
    (r"<code>.*?</code>|<kbd>.*?</kbd>", "code"),
    (r"\"本条例所称…是指\" if d.kind == \"definition\" else \"以下简称 / 以下称\"",
     "the legal text's own defining formulas, quoted (lex-keep)"),
    (r"《|》|（|）|、|，|；|：|。|“|”", "punctuation around the legal text's titles and lists"),
]
# Latin words in template text that are no English prose: names of formats, tools, codes.
NAMES = re.compile(r"\b(?:JSON|CSV|PDF|XML|UA|Akoma|Ntoso|MIT|CC|BY|Markdown|Atom|MkDocs|UTF|BOM|eId|eid|JavaScript|"
                   r"URL|KB|zh|en|Hans|Hant|Art|html|xml|xmlns|utf|DOCTYPE|id|lang|href|rel|br|amp|nbsp|ndash|"
                   r"mdash|rarr|larr|times|minus)\b|[\w.-]*\.(?:json|csv|xml|zip|pdf|md)\b|\bpingan-edition\b")
# Prose pages written as two marked paragraphs (lang="zh-Hans", lang="en"), with links and code inside:
# the licence and formats of the downloads page, the PDF's cover. Their parity: tests/test_licence.py,
# tests/test_display.py (each shows only its language).
PROSE_TEMPLATES = {"opendata/downloads.md.j2", "pdf/document.html.j2"}
CITATION_EXAMPLE = re.compile(r"第[零〇一二两三四五六七八九十百]+条(?:第[零〇一二两三四五六七八九十百]+款)?")  # a placeholder
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
STRING = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'")
ATTR_TEXT = re.compile(r"\b(?:aria-label|title|placeholder|alt)=\"([^\"]*)\"")
TAG = re.compile(r"<[^>]*>")


def template_offences(path: Path, rel: str) -> list[str]:
    source = path.read_text(encoding="utf-8")
    out = []
    for pattern, _ in TEMPLATE_KEEP:
        source = re.sub(pattern, lambda m: "\x00" * len(m.group(0)), source, flags=re.S)

    def line(pos: int) -> int:
        return source.count("\n", 0, pos) + 1

    # Chinese in a Jinja expression's string literal
    for block in JINJA.finditer(source):
        if block.group(0).startswith("{#"):
            continue
        for s in STRING.finditer(block.group(0)):
            value = s.group(1) or s.group(2) or ""
            if HAN.search(value) and not CITATION_EXAMPLE.fullmatch(value.replace("\x00", "")):
                out.append(f"{rel}:{line(block.start())}: literal {value!r}")
    if rel in PROSE_TEMPLATES:
        return out
    # What a reader meets: attributes read aloud or shown, front matter, text between tags
    plain = JINJA.sub(lambda m: " " * len(m.group(0)), source)
    for a in ATTR_TEXT.finditer(plain):
        if HAN.search(a.group(1)) or WORD.search(NAMES.sub(" ", a.group(1))):
            out.append(f"{rel}:{line(a.start())}: attribute {a.group(0)!r}")
    front = re.match(r"\s*---\n(.*?)\n---\n", plain, re.S)
    if front:
        for entry in re.finditer(r"^(?:title|description): *(.*)$", front.group(1), re.M):
            if HAN.search(entry.group(1)) or WORD.search(NAMES.sub(" ", entry.group(1))):
                out.append(f"{rel}:{line(front.start(1) + entry.start())}: front matter {entry.group(0)!r}")
        plain = plain[:front.start(1)] + " " * len(front.group(1)) + plain[front.end(1):]
    plain = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", lambda m: " " * len(m.group(0)), plain, flags=re.S)
    text = TAG.sub(lambda m: " " * len(m.group(0)), plain)
    text = re.sub(r"\{:[^}]*\}", " ", text)    # attr_list ids and classes of Markdown headings
    for t in re.finditer(r"[^\s\x00]+(?:[ \t]+[^\s\x00]+)*", text):
        value = t.group(0)
        if HAN.search(value) or WORD.search(NAMES.sub(" ", value)):
            out.append(f"{rel}:{line(t.start())}: text {value!r}")
    return out


def test_no_interface_string_in_python_outside_the_catalogue():
    offences = []
    for path in sorted(CODE.rglob("*.py")):
        offences += python_offences(path, path.relative_to(CODE).as_posix())
    assert offences == []


def test_no_interface_string_in_templates_outside_the_catalogue():
    offences = []
    for path in sorted(TEMPLATES.rglob("*.j2")):
        offences += template_offences(path, path.relative_to(TEMPLATES).as_posix())
    assert offences == []


@pytest.mark.parametrize("source,found", [
    ('<p>{{ lex.bi("仅见于" ~ name, "only in " ~ name) }}</p>', "literal '仅见于'"),
    ('<nav aria-label="位置 / Location">', "attribute"),
    ("<p>The resolver needs JavaScript.</p>", "text 'The resolver needs JavaScript.'"),
    ('---\ntitle: "下载 · Downloads"\n---\n', "front matter"),
    ('<span class="cmp-sr"> (end)</span>', "text '(end)'"),
])
def test_the_template_check_finds_literals(tmp_path, source, found):
    path = tmp_path / "t.j2"
    path.write_text(source, encoding="utf-8")
    assert any(found in o for o in template_offences(path, "t.j2"))
    clean = tmp_path / "c.j2"
    clean.write_text('<p>{{ m("x") }} <code>JSON</code> {{ pair("y", " / ") }}</p>', encoding="utf-8")
    assert template_offences(clean, "c.j2") == []


def test_the_python_check_finds_literals(tmp_path):
    path = tmp_path / "m.py"
    path.write_text('"""模块说明"""\nNAV = {"对照 Compare": "compare/index.md"}  # 注释\n', encoding="utf-8")
    assert python_offences(path, "features/m.py") == ["features/m.py:2: '对照 Compare'"]


# Ids the code reads by a prefix of its own (theme.* by publish/mkdocs_hook.py, js.* and mode.* sent to the scripts)
READ_AS_A_GROUP = ("theme.", "js.", "mode.")
USERS = [*CODE.rglob("*.py"), *TEMPLATES.rglob("*.j2"), *(ROOT / "overrides").rglob("*.html"),
         *(ROOT / "docs" / "assets").glob("*.js"), *(ROOT / "macros").rglob("*.py")]


def test_every_message_is_read_somewhere():
    code = "\n".join(p.read_text(encoding="utf-8") for p in USERS)
    built = set(re.findall(r"[\"']([a-z][a-z0-9-]*\.(?:[a-z0-9-]+[.-])*)[\"'{]", code))   # "compare.row." ~ id
    unused = [k for k in catalogue() if not k.startswith(READ_AS_A_GROUP) and f'"{k}"' not in code
              and f"'{k}'" not in code and not any(k.startswith(b) for b in built)]
    assert unused == []


PAIRS = {"(": ")", "（": "）", "“": "”", "《": "》", "[": "]", "［": "］", "{": "}"}


@pytest.mark.parametrize("message_id", list(catalogue()))
def test_no_message_is_cut_short(message_id):
    """Brackets and quotes balance in every language (a message cut at a comma leaves "(article" open)."""
    m = catalogue()[message_id]
    for lang in ("zh", "en", "zh_tw", "zh_hk"):
        value = getattr(m, lang)
        if value is None:
            continue
        for a, b in PAIRS.items():
            assert value.count(a) == value.count(b), (lang, value)
