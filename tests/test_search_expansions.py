"""Document expansion for search (corpus/search_expansions.yaml, issue 27): every article has reader phrases in
both languages, each adds words its article lacks, and bad data stops with one line."""
from __future__ import annotations

import pytest

from build_scripts.enrich.expansions import validate
from build_scripts.features.search import en_tokens, zh_tokens
from build_scripts.model.regulation import units
from build_scripts.parse.corpus import CORPUS, CorpusError


def article_texts(edition, reg, art):
    """(Chinese text, English gloss and heading) of one article."""
    gloss = edition.glosses[reg.id]
    zh = "".join(u.zh for u in units([art]) if u.zh)
    en = " ".join([gloss.heading(art.number) or ""] + [gloss.unit(u.eid) or "" for u in units([art])])
    return zh, en


def test_every_article_has_phrases_in_both_languages(edition):
    missing = []
    for reg in edition.regs:
        if reg.id not in ("shanxi", "jiangxi"):
            continue
        for art in reg.articles:
            phrases = edition.expansions.get(reg.id, {}).get(art.number, ())
            langs = {p.lang for p in phrases}
            if langs != {"zh", "en"}:
                missing.append((f"{reg.id}/art_{art.number}", sorted({"zh", "en"} - langs)))
    assert not missing, f"articles without reader phrases (language missing): {missing}"
    assert sum(len(a) for a in edition.expansions.values()) == 109


def test_phrases_add_words_the_article_lacks(edition):
    """A phrase that only repeats the article's own words (Chinese bigrams of its text, English words of its
    gloss) adds nothing the index does not already have: it is not an expansion."""
    copies = []
    for reg in edition.regs:
        for art in reg.articles:
            zh, en = article_texts(edition, reg, art)
            own = {"zh": set(zh_tokens(zh)), "en": set(en_tokens(en))}
            for p in edition.expansions.get(reg.id, {}).get(art.number, ()):
                tokens = zh_tokens(p.text) if p.lang == "zh" else en_tokens(p.text)
                if not set(tokens) - own[p.lang]:
                    copies.append((f"{reg.id}/art_{art.number}", p.text))
    assert not copies, f"phrases made only of their article's own words: {copies}"


def test_phrases_are_reader_words_not_the_law(edition):
    """No phrase is a whole sentence of law (no enacting words); each English phrase is short enough to type."""
    long = [(reg, n, p.text) for reg, arts in edition.expansions.items() for n, ps in arts.items() for p in ps
            if (p.lang == "zh" and (len(p.text) > 14 or "应当" in p.text)) or (p.lang == "en" and len(p.text.split()) > 7)]
    assert not long, long


BAD = [
    ("shanxi/art_99:\n  zh: [某某]\n", 1, "no such article"),
    ("nowhere/art_1:\n  zh: [某某]\n", 1, "no such article"),
    ("shanxi/1:\n  zh: [某某]\n", 1, "expected <regulation id>/art_<n>"),
    ("shanxi/art_1:\n  zh: [some words]\n", 2, "has no Chinese"),
    ("shanxi/art_1:\n  en: [帮忙]\n", 2, "expected English words"),
    ("shanxi/art_1:\n  zh: [帮忙, 帮忙]\n", 2, "already given"),
    ("shanxi/art_1:\n  zh:\n    - {text: 帮忙, because: x}\n", 3, "expected a phrase or {text, why}"),
    ("shanxi/art_1:\n  zh:\n    - {text: 帮忙, why: short}\n", 3, "expected a sentence"),
    ("shanxi/art_1:\n  fr: [aide]\n", 2, "expected zh: or en: lists"),
    ("shanxi/art_1: [帮忙]\n", 1, "not a mapping"),
    ("shanxi/art_1:\n  zh: [帮忙]\nshanxi/art_1:\n  zh: [救人]\n", 3, "given twice"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD, ids=[b[2] for b in BAD])
def test_bad_data_stops_with_one_line(edition, text, line, fragment):
    path = CORPUS / "search_expansions.yaml"
    with pytest.raises(CorpusError) as info:
        validate(path, text, edition.regs)
    message = str(info.value)
    assert f"search_expansions.yaml:{line}:" in message and fragment in message, message


def test_synonyms_lead_to_words_of_the_gloss(edition):
    """Every word a lay English word stands for (corpus/search_synonyms.yaml) is a word of some gloss: a synonym
    that leads nowhere finds nothing."""
    gloss_words = {t for reg in edition.regs for art in reg.articles for t in en_tokens(article_texts(edition, reg, art)[1])}
    assert edition.synonyms, "corpus/search_synonyms.yaml is empty"
    nowhere = [(word, m) for word, means in edition.synonyms.items() for m in means if en_tokens(m)[0] not in gloss_words]
    assert not nowhere, f"synonyms leading to no word of the gloss: {nowhere}"
