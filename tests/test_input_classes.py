"""Issue 13: every class of input, one row each. A row is a corpus folder (source.txt bytes, meta.yaml)
and its one expected outcome: either the structure it parses to (text kept as written, harmless repairs
reported as notices), or the one line 'path:line: what was found; what was expected' it stops with."""
import re

import pytest

from build_scripts.model.errors import InputError
from build_scripts.parse.corpus import load_regulation, regulation_dirs
from build_scripts.parse.normalise import canonical_source, reconstruct

META = "title:\n  zh: 某省平安建设条例\n  en: Some Province Regulations\neffective: 2024-01-01\n"
END = "第三条　本条例自2024年1月1日起施行。\n"


def lines(*body: str) -> str:
    return "".join(b + "\n" for b in body)


def shape(reg):
    return " ".join(f"{a.num}:" + ",".join(str(len(p.items)) for p in a.paragraphs) for a in reg.articles)


def folder(tmp_path, source, meta=META, name="source.txt"):
    d = tmp_path / "corpus" / "mock"
    d.mkdir(parents=True)
    if source is not None:
        (d / name).write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
    (d / "meta.yaml").write_bytes(meta if isinstance(meta, bytes) else meta.encode("utf-8"))
    return d


# ---------------------------------------------------------------- accepted: (id, source, meta, shape, check)
LINES_TEXT = lines("第一条　为了规范，制定本条例。", "第二条　职责：（一）甲；（二）乙。", END.strip())
ACCEPTED = [
    ("half-width ; in an inline item run", lines("第一条　为了规范,制定本条例.", "第二条　职责:(一)甲;(二)乙;(三)丙.", END.strip()),
     META, "1:0 2:3 3:0", lambda r: [i.text for i in r.article(2).paragraphs[0].items] == ["甲;", "乙;", "丙."]
     and r.article(2).paragraphs[0].text == "职责:" and r.article(1).paragraphs[0].text == "为了规范,制定本条例."),
    ("half-width : before items on lines", lines("第一条　甲。", "第二条　职责:", "（一）甲;", "（二）乙。", END.strip()),
     META, "1:0 2:2 3:0", None),
    ("full-width and Arabic digits in labels", lines("第1条　甲。", "第２条　乙。", "第３条　本条例自２０２４年１月１日起施行。"),
     META, "1:0 2:0 3:0", lambda r: r.article(2).label == "第２条"),
    ("UTF-8 with BOM", "\ufeff" + LINES_TEXT, META, "1:0 2:2 3:0", None),
    ("UTF-16 LE with BOM", LINES_TEXT.encode("utf-16"), META, "1:0 2:2 3:0", None),
    ("UTF-16 BE with BOM", b"\xfe\xff" + LINES_TEXT.encode("utf-16-be"), META, "1:0 2:2 3:0", None),
    ("meta.yaml with BOM", LINES_TEXT, "\ufeff" + META, "1:0 2:2 3:0", None),
    ("form feed on a line of its own", lines("第一条　甲。", "\f", "第二条　乙。", END.strip()), META, "1:0 2:0 3:0",
     lambda r: r.text.notices == (f"{r.source_path}:2: dropped a page break (form feed)",)),
    ("form feed glued to a heading", lines("第一章　总则", "第一条　甲。", "\f第二章　附则", "第二条　乙。", END.strip()), META,
     "1:0 2:0 3:0", lambda r: [c.title for c in r.chapters] == ["总则", "附则"] and "dropped a page break" in r.text.notices[0]),
    ("page-number line inside a wrapped paragraph",
     "第一条　为了建设更高水平的平安某省，提高社会治理\n\n- 3 -\n\n能力，维护社会长治久安，结合本省实际，制定本条例。\n\n"
     "第二条　本省行政区域内平安建设及其相关监督管理\n\n活动，适用本条例。\n\n第三条　本条例自2024年1月1日起施行。\n", META,
     "1:0 2:0 3:0", lambda r: r.article(1).paragraphs[0].text.startswith("为了建设更高水平的平安某省，提高社会治理能力")
     and r.text.notices == (f"{r.source_path}:3: dropped page-number line '- 3 -'",)),
    ("line broken mid-sentence in a one-paragraph-a-line text",
     lines("第一条　为了规范平安建设，", "制定本条例。", "第二条　乙。", "丙。", END.strip()), META, "1:0 2:0,0 3:0",
     lambda r: r.article(1).paragraphs[0].text == "为了规范平安建设，制定本条例。" and "joined with line 2" in r.text.notices[0]),
    ("inserted articles 之一, 之二", lines("第一条　甲。", "第一条之一　乙。", "第一条之二　丙。", "第二条　丁。", END.strip()),
     META, "1:0 1-1:0 1-2:0 2:0 3:0",
     lambda r: [a.eid for a in r.articles] == ["art_1", "art_1-1", "art_1-2", "art_2", "art_3"]
     and r.article(1, 1).label == "第一条之一" and r.article(2).paragraphs[0].text == "丁。"),
    ("no entry-into-force article, meta.yaml says why", lines("第一条　甲。", "第二条　乙。"),
     META + "no_entry_into_force: 本决定自公布之日起施行 is stated in the announcement, not in the text\n", "1:0 2:0", None),
]


@pytest.mark.parametrize("source,meta,expected,check", [c[1:] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_accepted(tmp_path, source, meta, expected, check):
    reg = load_regulation(folder(tmp_path, source, meta))
    assert shape(reg) == expected
    raw = source.decode("utf-16") if isinstance(source, bytes) else source
    assert reconstruct(reg.text) == canonical_source(raw)   # kept exactly as written, whitespace aside
    if check:
        assert check(reg), reg


# ---------------------------------------------------------------- refused: (id, source, meta, file, line, fragment)
GBK = LINES_TEXT.encode("gb18030")
REFUSED = [
    ("GBK source", GBK, META, "source.txt", 1, "looks like GB18030/GBK"),
    ("UTF-16 without BOM", LINES_TEXT.encode("utf-16-le"), META, "source.txt", 1, "looks like UTF-16 (LE) without a byte-order mark"),
    ("one bad byte", LINES_TEXT.encode() + "第四条　丁。\n".encode()[:3] + b"\xff" + "。\n".encode(), META,
     "source.txt", 4, "byte 0xff at column 4 is not UTF-8"),
    ("meta.yaml in GBK", LINES_TEXT, META.encode("gb18030"), "meta.yaml", 2, "looks like GB18030/GBK"),
    ("impossible date", LINES_TEXT, META.replace("2024-01-01", "2004-02-30"), "meta.yaml", 4,
     "effective: '2004-02-30' is no date"),
    ("title a plain string", LINES_TEXT, "title: 某省平安建设条例\neffective: 2024-01-01\n", "meta.yaml", 1,
     "title is a string ('某省平安建设条例'); expected a mapping with zh and en"),
    ("sources a string", LINES_TEXT, META + "sources: a pdf\n", "meta.yaml", 5, "sources is a string"),
    ("title.en missing", LINES_TEXT, "title:\n  zh: 某省\neffective: 2024-01-01\n", "meta.yaml", 1, "title.en is missing"),
    ("invalid YAML", LINES_TEXT, META + "layout: [\n", "meta.yaml", 6, "invalid YAML"),
    ("effective contradicts the text", LINES_TEXT, META.replace("2024-01-01", "2024-02-01"), "meta.yaml", 4,
     "contradicts the text"),
    ("NUL byte", lines("第一条　甲\x00乙。", "第二条　乙。", END.strip()), META, "source.txt", 1, "control character U+0000 at column 6"),
    ("escape character", lines("第一条　甲。", "第二条　\x1b乙。", END.strip()), META, "source.txt", 2, "control character U+001B"),
    ("form feed inside a line", lines("第一条　甲。\f乙。", "第二条　乙。", END.strip()), META, "source.txt", 1,
     "page break (form feed) inside the text"),
    ("inline item skipped", lines("第一条　甲。", "第二条　职责：（一）甲；（三）丙。", END.strip()), META, "source.txt", 2,
     "item （三） skipped to after …'职责：（一）甲；'; expected item （二） next"),
    ("inline item repeated", lines("第一条　甲。", "第二条　职责：（一）甲；（二）乙；（二）丙。", END.strip()), META, "source.txt", 2,
     "item （二） repeated"),
    ("item repeated on lines", lines("第一条　甲。", "第二条　职责：", "（一）甲；", "（一）乙。", END.strip()), META,
     "source.txt", 4, "item （一） repeated; expected item （二）"),
    ("item skipped on lines", lines("第一条　甲。", "第二条　职责：", "（一）甲；", "（三）丙。", END.strip()), META,
     "source.txt", 4, "item （三） out of order, and no item （二） before it in 第二条"),
    ("malformed label numeral (found by Hypothesis: 第二十三条 with 十 deleted)",
     lines("第一条　甲。", "第二三条　乙。", END.strip()), META, "source.txt", 2, "label number '二三' is no Chinese numeral"),
    ("stray 第一章 mid-text", lines("第一条　甲。", "第一章　总则", "第二条　乙。", END.strip()), META, "source.txt", 2,
     "chapter heading 第一章 after 第一条"),
    ("chapter repeated", lines("第一章　总则", "第一条　甲。", "第一章　总则", "第二条　乙。", END.strip()), META, "source.txt", 3,
     "duplicated or out-of-order chapter number 第一章"),
    ("section after unsectioned articles", lines("第一章　总则", "第一条　甲。", "第一节　一般", "第二条　乙。", END.strip()), META,
     "source.txt", 3, "section heading 第一节 after articles of 第一章"),
    ("section skipped", lines("第一章　总则", "第一节　一", "第一条　甲。", "第三节　三", "第二条　乙。", END.strip()), META,
     "source.txt", 4, "missing section 2"),
    ("inserted article out of sequence", lines("第一条　甲。", "第一条之二　乙。", "第二条　丙。", END.strip()), META,
     "source.txt", 2, "missing article 1-1: found 第一条之二 (article 1-2); expected article 2 or article 1-1"),
    ("folder without source.txt", None, META, "source.txt", 1, "no source.txt (the folder holds meta.yaml)"),
    ("layout: wrapped on a one-paragraph-a-line text", lines("第一条　甲。", "乙。", "第二条　丙。", "丁。", END.strip()),
     META + "layout: wrapped\n", "meta.yaml", 5, "layout: wrapped, but only 0 of 5 lines"),
    ("unknown layout", LINES_TEXT, META + "layout: pdf\n", "meta.yaml", 5, "layout: 'pdf'; expected 'lines' or 'wrapped'"),
    # issue 23: meta.yaml read by a pydantic model (parse/models.MetaYaml): the line of the key the error is about
    ("unknown key", LINES_TEXT, META + "layuot: lines\n", "meta.yaml", 5, "unknown key 'layuot'; expected only title, effective"),
    ("unknown title key", LINES_TEXT, META.replace("  en: Some", "  fr: x\n  en: Some"), "meta.yaml", 3,
     "title: unknown key 'fr'; expected only zh, en, en_former"),
    ("empty title.zh", LINES_TEXT, META.replace("某省平安建设条例", "' '"), "meta.yaml", 2, "title.zh: ' '; expected a non-empty string"),
    ("no effective", LINES_TEXT, META.replace("effective: 2024-01-01\n", ""), "meta.yaml", 1, "effective is missing; expected a real date"),
    ("references lax", LINES_TEXT, META + "references: lax\n", "meta.yaml", 5, "references: 'lax'; expected 'strict'"),
    ("a source a number", LINES_TEXT, META + "sources:\n  - a.pdf\n  - 3\n", "meta.yaml", 7, "sources[1] is a number (3); expected"),
    ("jurisdiction_name.en a list", LINES_TEXT, META + "jurisdiction_name:\n  zh: 某省\n  en: [a]\n", "meta.yaml", 7,
     "jurisdiction_name.en is a list; expected a string, or null"),
    ("text cut off after a full stop", lines("第一条　甲。", "第二条　乙。"), META, "source.txt", 2,
     "the text ends with 第二条 …'乙。', which does not say when the regulation takes effect"),
]


@pytest.mark.parametrize("source,meta,file,line,fragment", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_refused_with_one_line(tmp_path, source, meta, file, line, fragment):
    d = folder(tmp_path, source, meta)
    with pytest.raises(InputError) as err:
        regulation_dirs(d.parent)
        load_regulation(d)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{d / file}:{line}: "), message
    assert fragment in message, message
    assert re.search(r"; expected ", message), message


def test_source_txt_with_wrong_case_is_named(tmp_path):
    d = folder(tmp_path, LINES_TEXT, name="Source.txt")
    with pytest.raises(InputError, match=r"mock/source.txt:1: no source.txt \(found Source.txt\); expected"):
        regulation_dirs(d.parent)


# ---------------------------------------------------------------- the corpus path itself (issue 22)
@pytest.mark.parametrize("what", ["missing", "file"])
def test_corpus_path_not_a_folder_is_one_line(tmp_path, capsys, what):
    """`edition check --corpus X`: X missing, or a file, stops with one line and exit 2, not a traceback."""
    from build_scripts.publish.cli import main
    corpus = tmp_path / "corpus"
    if what == "file":
        corpus.write_text("not a folder", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["check", "--corpus", str(corpus)])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err.splitlines() == [err.strip()] and "Traceback" not in err, err
    assert err.startswith(f"error: {corpus}: the corpus path names ")
    assert ("a file" if what == "file" else "no such file or folder") in err and "; expected a folder" in err
