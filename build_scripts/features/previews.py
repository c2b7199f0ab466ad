"""Feature: previews. A link to another provision shows that provision's text, Chinese and English, on
hover and on keyboard focus (Escape hides it); on a touch screen the first tap shows it and a second tap
follows the link. Links that get a preview: topic-matrix cells and provision links of the comparison
(a.cmp-prov), counterparts, "referred to by", defined-term links (a.lex-defined), cross-references
(a.lex-xref) and the links of the status box and the What's new page.

Data: assets/preview/<reg-id>.js, one per regulation, loaded by a <script> element the first time a link
into that regulation is hovered, focused or tapped (works from file://, where fetch() cannot read files);
assets/preview-regs.js (bundled, a few bytes) names the regulations. Labels come from Ref; the script
(docs/assets/preview.js) builds the tooltip with DOM text nodes only.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from build_scripts.features.protocol import FeatureBase, Files
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation
from build_scripts.render.html import json_script

REGS_JS = "assets/preview-regs.js"


def data_src(reg_id: str) -> str:
    return f"assets/preview/{reg_id}.js"


class Previews(FeatureBase):
    name = "previews"
    css = ("assets/preview.css",)
    js = (REGS_JS, "assets/preview.js")

    def files(self, made: Mapping[str, str | bytes]) -> Files:
        out: Files = {REGS_JS: f"window.LexPreviewRegs = {json_script([r.id for r in self.site.regs])};\n"}
        for reg in self.site.regs:
            out[data_src(reg.id)] = ("(window.LexPreviewData = window.LexPreviewData || {})"
                                     f"[{json_script(reg.id)}] = {json_script(self.data(reg))};\n")
        return out

    def data(self, reg: Regulation) -> dict[str, Any]:
        """{t: [title zh, en], l: {eid: [label zh, en]}, u: {eid: [zh, en]}} (units in document order)."""
        gloss = self.site.glosses[reg.id]
        labels, texts = {}, {}
        for ref in Ref.all(reg):
            labels[ref.eid] = [ref.label_zh, ref.label_en]
            if ref.paragraph is None:
                continue
            para = ref.art.paragraphs[ref.paragraph - 1]
            zh = para.text if ref.item is None else para.items[ref.item - 1].text
            if ref.item is not None:
                zh = f"{para.items[ref.item - 1].label}{zh}"
            if zh:
                texts[ref.eid] = [zh, gloss.unit(ref.eid) or ""]
        return {"t": [reg.meta.title_zh, reg.meta.title_en], "l": labels, "u": texts}
