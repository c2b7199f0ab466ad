"""The licences travel with every download (issue 16): JSON export, Akoma Ntoso, the repository files."""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from build_scripts.features.opendata import akn_xml
from build_scripts.model import licence
from build_scripts.render.export import regulation_json

ROOT = Path(__file__).resolve().parent.parent


def test_export_states_the_licences(regs, site):
    data = regulation_json(site, regs["shanxi"])
    assert data["licence"]["edition"]["spdx"] == "CC-BY-4.0"
    assert "art. 5" in data["licence"]["legal_text"]["basis"]["en"]


def test_akn_carries_the_notice_and_stays_xml(regs, site):
    xml = akn_xml(regs["jiangxi"], site.glosses["jiangxi"], "en")
    assert xml.startswith(b"<?xml") and b"<!--" in xml.split(b"<akomaNtoso", 1)[0]
    assert licence.EDITION_URL.encode() in xml
    ET.fromstring(xml)  # still well-formed


def test_repository_states_them():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "Attribution 4.0 International" in (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert "art. 5" in licence.notice() and "--" not in licence.notice()  # safe inside an XML comment
