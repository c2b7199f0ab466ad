"""The features' configuration (mkdocs.yml extra.edition.features, publish/config.py): each feature can be switched
off and the site is assembled without it; a bad entry stops with one line at its line in mkdocs.yml; the registry
keeps a feature that runs last at the end."""
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.utils.yaml import get_yaml_loader

from build_scripts.features import REGISTERED
from build_scripts.features.opendata import OpenData
from build_scripts.features.protocol import FeatureConfig
from build_scripts.features.search import Search, SearchConfig
from build_scripts.features.status import Status
from build_scripts.model.errors import InputError
from build_scripts.model.urls import article_src
from build_scripts.publish.config import check_order, feature_configs
from build_scripts.publish.site import Build, asset_order, generated_files, nav, script_data

ROOT = Path(__file__).resolve().parent.parent
NAMES = [f.name for f in REGISTERED]

# A regulation of three articles alone in its corpus: the whole assembly runs in a fraction of a second per build.
SOURCE = ("第一条　为了推进平安建设，根据《中华人民共和国治安管理处罚法》等法律，制定本条例。\n"
          "第二条　县级以上人民政府应当履行下列职责：（一）组织实施本条例；（二）开展宣传教育。\n"
          "第三条　本条例自2024年1月1日起施行。\n")
META = "title:\n  zh: 湖南省平安建设条例（样例）\n  en: Hunan Province Regulations (sample)\neffective: 2024-01-01\n"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    from build_scripts.enrich.edition import load_edition
    from build_scripts.render.context import Site
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "hunan").mkdir()
    (corpus / "hunan" / "source.txt").write_text(SOURCE, encoding="utf-8")
    (corpus / "hunan" / "meta.yaml").write_text(META, encoding="utf-8")
    return Site(load_edition(corpus))


def assembled(build: Build) -> dict:
    """What the hook takes from a build besides the built pages' HTML: files, nav, assets, data, config, meta."""
    build.site_texts(["平安建设"])
    extra: dict = {}
    for feature in build.features:
        extra.update(feature.config_extra())
    return {"files": generated_files(build), "nav": nav(build), "assets": asset_order(build),
            "data": script_data(build), "extra": extra,
            "meta": [f.page_meta(src) for f in build.features for src in ("index.md", article_src("hunan", 1))],
            "blocks": [build.full_text_blocks(reg, "hunan/index.md") for reg in build.site.regs]}


@pytest.fixture(scope="module")
def everything(small_site):
    build = Build.start(small_site)
    return build, assembled(build)


def test_the_default_config_enables_every_feature_in_registry_order(small_site):
    config = load_config(str(ROOT / "mkdocs.yml"))
    configs = feature_configs(config["extra"], config["config_file_path"])
    assert list(configs) == NAMES and all(c.enabled for c in configs.values())
    assert configs["search"] == SearchConfig(engine="edition")
    assert [f.name for f in Build.start(small_site, configs).features] == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_a_feature_switched_off_leaves_its_outputs_out_and_the_rest_as_built(small_site, everything, name):
    full, whole = everything
    cls = next(f for f in REGISTERED if f.name == name)
    build = Build.start(small_site, {name: cls.Config(enabled=False)})
    assert [f.name for f in build.features] == [n for n in NAMES if n != name]
    out = assembled(build)
    feature = next(f for f in full.features if f.name == name)
    own = set(feature.files(dict(whole["files"])))     # what it generates in the full build
    assert set(out["files"]) == set(whole["files"]) - own, "another feature's files changed"
    css, js = out["assets"]
    assert not set(feature.css) & set(css) and not set(feature.js) & set(js)
    assert set(out["data"]) == set(whole["data"]) - set(feature.script_data())
    assert set(out["extra"]) == set(whole["extra"]) - set(feature.config_extra())
    if name == "compare":
        assert len(out["nav"]) < len(whole["nav"])


def test_search_engine_material_is_set_by_the_config_not_the_environment(small_site, monkeypatch):
    monkeypatch.setenv("LEX_SEARCH", "material")       # read by mkdocs.yml's !ENV only, never by the feature
    assert Search(small_site).own_index
    material = Search(small_site, SearchConfig(engine="material"))
    assert material.config_extra() == {"lex_search_worker": None}
    assert material.page_meta(article_src("hunan", 1)) == {}
    assert Search(small_site).page_meta(article_src("hunan", 1)) == {"search": {"exclude": True}}


def test_lex_search_reaches_the_config_through_mkdocs_env_tag(monkeypatch):
    monkeypatch.setenv("LEX_SEARCH", "material")
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert feature_configs(config["extra"], config["config_file_path"])["search"].engine == "material"


SEARCH_ENTRY = "      search:\n        # LEX_SEARCH=material: Material's search unmodified, the baseline of bench/search.py\n" \
               "        engine: !ENV [LEX_SEARCH, edition]\n"
BAD = [
    ("      search:\n        enable: false\n", "search", 1,
     "extra.edition.features.search: unknown key 'enable'; expected only enabled, engine"),
    ("      serch: {enabled: false}\n", "serch", 0,
     "extra.edition.features: unknown key 'serch'; expected only " + ", ".join(NAMES)),
    ("      search: {enabled: maybe}\n", "search", 0,
     "extra.edition.features.search.enabled is a string ('maybe'); expected true or false"),
    ("      search: {enabled: 1}\n", "search", 0, "extra.edition.features.search.enabled is a number (1); expected true"),
    ("      search:\n        engine: pagefind\n", "search", 1,
     "extra.edition.features.search.engine: 'pagefind'; expected 'edition' (the edition's index"),
    ("      search: [on]\n", "search", 0, "extra.edition.features.search is a list; expected a mapping (enabled, engine)"),
]


@pytest.mark.parametrize(("entry", "key", "below", "fragment"), BAD, ids=[b[3][:48] for b in BAD])
def test_a_bad_entry_stops_with_one_line_at_its_line(tmp_path, entry, key, below, fragment):
    source = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert SEARCH_ENTRY in source
    text = source.replace(SEARCH_ENTRY, entry)
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(entry.splitlines()[0]) + 1 + below
    with pytest.raises(InputError) as err:
        feature_configs(yaml.load(text, Loader=get_yaml_loader())["extra"], str(path))
    assert str(err.value).startswith(f"mkdocs.yml:{line}: {fragment}"), str(err.value)
    assert "\n" not in str(err.value)


def test_the_feature_that_runs_last_must_be_registered_last():
    check_order(REGISTERED)
    assert OpenData.runs_last and REGISTERED[-1] is OpenData
    misordered = (*(f for f in REGISTERED if f is not Status), Status)
    with pytest.raises(InputError, match=r"^build_scripts/features/__init__.py:1: REGISTERED: status after opendata; "
                                         r"expected opendata last"):
        check_order(misordered)
    with pytest.raises(InputError):
        Build.start(None, registered=misordered)  # type: ignore[arg-type]  # stops before it reads the site


def test_every_feature_takes_its_config():
    for cls in REGISTERED:
        assert issubclass(cls.Config, FeatureConfig)
        assert cls.Config().enabled and not cls.Config(enabled=False).enabled
