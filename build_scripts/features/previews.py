"""Feature: previews. A link to another provision shows that provision's text, Chinese and English, on
hover and on keyboard focus (Escape hides it); on a touch screen the first tap shows it and a second tap
follows the link. Links that get a preview: topic-matrix cells and provision links of the comparison
(a.cmp-prov), counterparts, "referred to by", defined-term links (a.lex-defined), cross-references
(a.lex-xref) and the links of the status box and the What's new page.

Data: none of its own. The texts, labels and citations are the core's one file per regulation,
assets/units/<reg-id>.js (render/export.py, units_data), which the script (docs/assets/preview.js) has the
core's loader (browser/shared/units.js, load) fetch the first time a link into that regulation is
hovered, focused or tapped (a <script> element: works from file://). The tooltip is built with DOM text
nodes only; its heading is the provision's citation as Ref gives it.
"""
from __future__ import annotations

from build_scripts.features.protocol import FeatureBase


class Previews(FeatureBase):
    name = "previews"
    css = ("assets/preview.css",)
    js = ("preview/index.js",)
