"""The public interface never breaks: a build may add URLs, anchors and JSON keys, never lose one.

The baseline (snapshot.json) was taken from the build of the commit before the core restructuring."""
import copy
import json
from pathlib import Path

from interface.snapshot import interface  # tests/ is on sys.path (conftest)

BASELINE = json.loads((Path(__file__).parent / "snapshot.json").read_text(encoding="utf-8"))


def losses(baseline: dict, now: dict) -> dict:
    """What the baseline publishes and `now` does not: URLs, anchors per page, JSON key paths per file."""
    lost = {"urls": sorted(set(baseline["urls"]) - set(now["urls"]))}
    for kind in ("anchors", "json"):
        lost[kind] = {key: sorted(set(values) - set(now[kind].get(key, [])))
                      for key, values in baseline[kind].items()}
        lost[kind] = {key: values for key, values in lost[kind].items() if values}
    return {kind: found for kind, found in lost.items() if found}


def test_nothing_public_is_lost(built_site):
    assert losses(BASELINE, interface(built_site, ["jiangxi", "shanxi"])) == {}


def test_a_loss_is_caught():
    damaged = copy.deepcopy(BASELINE)
    damaged["urls"].remove("jiangxi/art-15/")
    damaged["anchors"]["jiangxi/art-15/"].remove("para-2")
    damaged["json"]["data/jiangxi.json"].pop()
    assert set(losses(BASELINE, damaged)) == {"urls", "anchors", "json"}
