"""Count the patterns of the English gloss that the translation notes decide (issue 26), now and at a git revision.

    .venv/bin/python tools/gloss_counts.py                 # counts in the working tree
    .venv/bin/python tools/gloss_counts.py --against REV   # the same counts at REV beside them (before / after)

Every unit, article heading and chapter title of both regulations is read; the Chinese text comes from the
corpus (it does not change between revisions), the English from corpus/<id>/gloss.yaml at each revision. A row
counts occurrences of an English pattern, or units where a Chinese collocation has the wrong English (a
"stray" rendering) next to units where it has the decided one. Pure counting (count_patterns) with the file and
git reading at the edges.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.model.han import HAN  # noqa: E402
from build_scripts.model.regulation import units  # noqa: E402
from build_scripts.parse.corpus import CORPUS, load_regulation  # noqa: E402

REGULATIONS = ("shanxi", "jiangxi")


@dataclass(frozen=True)
class Text:
    reg: str
    eid: str
    zh: str        # empty for headings and chapter titles (no Chinese counterpart)
    en: str


@dataclass(frozen=True)
class English:
    """An English pattern counted wherever it occurs (optionally only where the Chinese has `zh`)."""
    name: str
    pattern: str
    zh: str = ""


@dataclass(frozen=True)
class Collocation:
    """A Chinese collocation and its decided English: units rendering it otherwise are strays."""
    name: str
    zh: str        # regex over the Chinese unit
    decided: str   # regex over the English unit
    rival: str     # regex over the English unit: the other rendering(s) the decision removes


ENGLISH = [
    English("calque 'Ping'an Construction' (平安建设)", r"Ping'an Construction"),
    English("'Ping'an Construction/-building work' (filler work)", r"Ping'an[ -](?:Construction|building) work\b"),
    English("the word 'work' (noun or verb, 'work safety' and 'network' aside)",
            r"\bwork\b(?! safety)"),
    English("'properly' (做好 and others)", r"\bproperly\b"),
    English("'properly' where the Chinese has no 妥善", r"\bproperly\b", zh="^(?!.*妥善)"),
    English("'public-order prevention' (治安防范/防控 read literally)", r"public-order prevention"),
    English("'authorized organs' (有权机关)", r"authorized organs?"),
    English("'deal with the matter' (给予处理)", r"deal with the matter"),
    English("'juveniles' (青少年)", r"\bjuveniles?\b"),
    English("'industrial and business parks' (各类园区 narrowed; reversed after blind reviews 31337, 55555)",
            r"industrial and business parks"),
    English("'on a regular basis' / 'regularized' (常态化 read as periodic)", r"on a regular basis|\bregularized\b"),
    English("'Ping'an campaigns' (平安创建 without its 创建)", r"Ping'an campaigns?"),
    English("bare 'Ping'an' as an adjective (blind reviews 8086 R9, 6502 R14)",
            r"qualify as Ping'an(?! (?:enterprises|entities))|(?:on|of) Ping'an and\b"),
    English("'fail' / 'below standard' quoted as grades (不合格、不达标)", r"'fail'|'below standard'"),
    English("'so as to' (purpose clauses)", r"\bso as to\b"),
    English("'bring into play'", r"bring(?:ing)? into play"),
    English("'give full play'", r"give full play"),
    English("'play their/its role' (发挥 of a body's own role, decided)", r"plays? (?:their|its) (?:\w+ )?role"),
    English("'give play to' (发挥 calque)", r"giv(?:e|ing) play to"),
    English("'organs' without a qualifier (bare 机关; 'state organs' since blind review 7349)",
            r"(?i)(?<!state )(?<!security )(?<!specialized )(?<!relevant )(?<!the )\borgans\b(?! with the power)"),
    English("'Party and state organs' (bare 机关, the text names no Party)", r"\bParty (?:and state )?organs"),
    English("'listing for rectification' (挂牌督办 calque)", r"by listing for rectification"),
    English("'people's defence line' (calque)", r"people's defence line"),
    English("'red resources' / 'red culture'", r"\bred (?:resources|culture)\b"),
    English("'relevant departments' without 'the'", r"(?<!the )(?<!other )\brelevant departments\b"),
    English("'the relevant departments'", r"\bthe relevant departments\b"),
    English("'defuse' with conflicts or disputes (化解矛盾)", r"defus\w* (?:social )?conflicts"),
    English("'Network Security' (heading)", r"Network Security"),
    English("Chinese characters inside the English", HAN.pattern),
]

BARE_ORGANS = r"(?i)(?<!state )(?<!security )(?<!specialized )(?<!relevant )(?<!the )\borgans\b(?! with the power)"

COLLOCATIONS = [
    Collocation("安全防范 'security precautions'", r"安全防范(?!风险)", r"security precautions", r"safety precautions"),
    Collocation("安全检查/安全查验 of parcels 'security inspection'", r"安全(?:检查|查验)", r"security inspection",
                r"safety inspection"),
    Collocation("公共安全 'public safety'", r"公共安全", r"public safety", r"public security(?! organs?)"),
    Collocation("安全生产 'work safety'", r"安全生产", r"work safety", r"production safety|safe production"),
    Collocation("网络安全 'cybersecurity'", r"网络安全", r"cybersecurity", r"network security"),
    Collocation("国家安全 'national security'", r"国家安全(?!机关)", r"national security", r"national safety"),
    Collocation("发挥…作用/功能 by who plays the role (perform their functions, play their role, make use of)", r"发挥",
                r"perform(?:ing)? their functions?|plays? (?:their|its) (?:\w+ )?role|make use of",
                r"giv(?:e|ing) play to|bring(?:ing)? into play|give full play"),
    Collocation("bare 机关 heading a list 'state organs'", r"(?<![国家公安全门权])机关[、和]", r"\b[Ss]tate organs\b",
                BARE_ORGANS + r"|\bParty (?:and state )?organs"),
    Collocation("做好 without 'properly'", r"做好", r"^(?!.*\bproperly\b)", r"\bproperly\b"),
    Collocation("治安防范/治安防控 'crime and disorder'", r"治安防[范控]", r"crime and disorder",
                r"public-order prevention"),
    Collocation("有权机关 'organs with the power to do so'", r"有权机关", r"organs with the power to do so",
                r"authorized organs?"),
    Collocation("青少年 'young people'", r"青少年", r"young people", r"juveniles?"),
    # blind reviews 31337 and 55555 and the scan of both regulations after them (translation notes, decisions)
    Collocation("各类园区 'parks and zones of all kinds'", r"各类园区",
                r"parks and zones of all kinds", r"industrial(?:, business)? and (?:business|other) parks"),
    Collocation("常态化 / 常态 'regular, ongoing'", r"常态", r"regular, ongoing",
                r"on a regular basis|\bregularized\b|(?<!, )\bregular collaboration"),
    Collocation("配备 'provide', 'be provided/staffed/equipped with', 'assign personnel'", r"配备",
                r"\bprovided?\b|\bstaffed with\b|\bequipped with\b|\bassign personnel\b",
                r"\binstall\w*|\bhave the necessary\b"),
    Collocation("平安创建 'Ping'an-creation campaigns'", r"平安创建", r"Ping'an-creation campaigns",
                r"Ping'an campaigns?|to qualify as Ping'an(?! enterprises)"),
    Collocation("实体化 'as fully operational bodies', 'operating as such bodies'", r"实体化",
                r"as fully operational bodies|operating as such bodies",
                r"\bsubstantive\b|in practice|functioning entities"),
    Collocation("…等相关单位 'or other activities relating to'", r"等相关单位", r"or other activities relating to",
                r"other related entities|related activities"),   # 等 closes the activities (seed 2027 R25)
    Collocation("流向追踪 'tracking of the destination'", r"流向追踪", r"tracking of the destination",
                r"tracking of flows"),
    Collocation("实名收寄 'under the sender's real name'", r"实名收寄", r"the sender's real name", r"under real names"),
    Collocation("政府相关部门 'the relevant government departments'", r"政府相关部门",
                r"the relevant government departments", r"departments of the government\b"),
    Collocation("管理运营单位 'the management or operating entities of'", r"管理运营单位",
                r"^The management or operating entities of", r"entities that manage or operate"),
    Collocation("非法宗教 'illegal religious activities'", r"非法宗教", r"illegal religious activities",
                r"illegal religious organizations"),
    Collocation("综合治理 as 综治 work 'comprehensive management' (the governance mode and 网络综合治理 aside)",
                r"(?<!网络)(?<!社会治安)综合治理(?!、源头)", r"comprehensive management",
                r"comprehensive governance(?! of cyberspace)"),
]


def gloss_texts(gloss_by_reg: dict[str, dict], zh_by_reg: dict[str, dict[str, str]]) -> list[Text]:
    """Every English text of the gloss with the Chinese of its unit (headings and chapters have none)."""
    out = []
    for reg in REGULATIONS:
        gloss = gloss_by_reg[reg]
        for eid, en in (gloss.get("units") or {}).items():
            out.append(Text(reg, eid, zh_by_reg[reg].get(eid, ""), " ".join(str(en).split())))
        for section in ("headings", "chapters"):
            for eid, en in (gloss.get(section) or {}).items():
                out.append(Text(reg, eid, "", str(en)))
    return out


def count_patterns(texts: Iterable[Text]) -> list[tuple[str, int, int]]:
    """(row, occurrences or stray units, units) for each row of ENGLISH and COLLOCATIONS."""
    texts = list(texts)
    rows = []
    for p in ENGLISH:
        hits = [len(re.findall(p.pattern, t.en)) for t in texts if not p.zh or (t.zh and re.search(p.zh, t.zh))]
        rows.append((p.name, sum(hits), sum(1 for h in hits if h)))
    for c in COLLOCATIONS:
        with_zh = [t for t in texts if t.zh and re.search(c.zh, t.zh)]
        stray = sum(1 for t in with_zh if re.search(c.rival, t.en) or not re.search(c.decided, t.en))
        rows.append((f"{c.name}: units with a stray rendering", stray, len(with_zh)))
    return rows


def read_gloss(reg: str, rev: str | None) -> dict:
    path = f"corpus/{reg}/gloss.yaml"
    if rev is None:
        text = (ROOT / path).read_text(encoding="utf-8")
    else:
        done = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"{path}: not readable at revision {rev!r}; expected a commit of this repository")
        text = done.stdout
    return yaml.safe_load(text) or {}


def chinese_units() -> dict[str, dict[str, str]]:
    out = {}
    for reg in REGULATIONS:
        regulation = load_regulation(CORPUS / reg)
        out[reg] = {u.eid: u.zh for u in units(regulation.articles) if u.zh}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="also count the gloss at this git revision (before)")
    args = parser.parse_args(argv)
    zh = chinese_units()
    now = count_patterns(gloss_texts({r: read_gloss(r, None) for r in REGULATIONS}, zh))
    before = count_patterns(gloss_texts({r: read_gloss(r, args.against) for r in REGULATIONS}, zh)) \
        if args.against else None
    width = max(len(name) for name, _, _ in now)
    head = f"{'pattern':<{width}}  " + (f"{'before':>14}  " if before else "") + f"{'now':>14}"
    print(head)
    print("-" * len(head))
    for i, (name, n, u) in enumerate(now):
        cells = f"{f'{n} in {u}':>14}"
        if before:
            cells = f"{f'{before[i][1]} in {before[i][2]}':>14}  " + cells
        print(f"{name:<{width}}  {cells}")
    print("\n'N in U': N occurrences in U texts; for a collocation, N units with a stray rendering of U units "
          "whose Chinese has it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
