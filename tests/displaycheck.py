"""What a reader sees in each display mode: the visible text of a page in the other language (tests/test_display.py,
tools/screenshots.py). Run in the page: VISIBLE_OTHER(mode) -> [[text, where], ...].

The allow-list, narrow on purpose (each kind stays because a reader of either language needs it as it is):
- the legal text: the unit rows (.lex-zh, .lex-en: their own mode rules), legal text quoted outside its rows and
  the character diff of two texts (.lex-keep), and a regulation's Chinese where it has no English (.lex-zh-only);
- Chinese inside English prose (a title or a citation form quoted in a gloss, a note or a help text: inside an
  element marked lang="en");
- the glossary's headwords (the Chinese term is what the entry is about: .lex-keep), pinyin;
- the display switch (each choice named in the language it gives: .lex-keep);
- in 仅中文, Latin text that is no English prose: file names, formats and codes (JSON, CSV, PDF, Akoma Ntoso,
  MIT, CC BY 4.0, jiangxi.json), numbers and dates, Material for MkDocs, URLs; these are listed in CODE below.
Tooltips are checked when open (their hidden line is not visible)."""
from __future__ import annotations

VISIBLE_OTHER = r"""
(mode) => {
  const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  // in 仅中文: Latin text that is no English prose (names of formats, tools and codes; file names; URLs)
  const NAMES = /https?:\/\/\S+|[\w.\/-]+\.(?:json|csv|xml|zip|pdf|js|md|txt|html|yaml)\b|\b(?:JSON|CSV|PDF|XML|Akoma Ntoso|MIT|CC BY 4\.0|CC-BY-4\.0|Markdown|Atom|Material for MkDocs|MkDocs|OpenCC|s2tw|s2hk|UTF-8|BOM|eId|eid|FRBRtranslation|JavaScript|Python|HTML|Debian|URL|ID|CN-[A-Z]{2}|KB|MB|Tab)\b/g;
  const KEEP = ".lex-keep, .lex-zh-only, script, style, code, kbd, samp, [lang='zh-Latn-pinyin'], [aria-hidden='true']";
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue.trim();
    if (!text) continue;
    const el = n.parentElement;
    if (!el || el.closest(KEEP)) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === "hidden") continue;   // not shown (or screen-reader only)
    let bad;
    if (mode === "en") bad = HAN.test(text) && !el.closest("body [lang='en']");    // Chinese quoted in English prose
    else bad = /[A-Za-z]{2,}/.test(text.replace(NAMES, " "));
    if (bad) {
      const where = el.closest("[id]");
      out.push([text.slice(0, 80), (where ? "#" + where.id + " " : "") + el.tagName.toLowerCase() + [...el.classList].map(c => "." + c).join("")]);
    }
  }
  return out;
}
"""
