"""The features' configuration: mkdocs.yml `extra.edition.features`, one entry per feature by its `name`,
validated by the features' own models (FeatureConfig and subclasses). A feature not named runs with its defaults.

MkDocs hands a hook no options of its own (`hooks:` is a list of files), and under `strict` it refuses keys it
does not know at the top level, so the settings live under `extra`, which MkDocs passes through unread.

Run order is the registry's (features/__init__.py REGISTERED), not the config's: a feature that must run last
says so (`runs_last`), and `check_order` stops a build whose registry puts another feature after it."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, create_model

from build_scripts.features import REGISTERED
from build_scripts.features.protocol import FeatureBase, FeatureConfig
from build_scripts.model.errors import InputError
from build_scripts.parse.schema import validated

SECTION = "extra.edition"
REGISTRY = "build_scripts/features/__init__.py"


def section_model(registered: Sequence[type[FeatureBase]]) -> type[BaseModel]:
    """extra.edition as a model: `features`, holding one optional entry per registered feature."""
    features = create_model(  # type: ignore[call-overload]  # field definitions built from the registry
        "Features", __config__=ConfigDict(extra="forbid", frozen=True),
        **{f.name: (f.Config, Field(default_factory=f.Config)) for f in registered})
    return create_model(
        "Edition", __config__=ConfigDict(extra="forbid", frozen=True),
        features=(features, Field(default_factory=features, description="a mapping of feature names to settings")))


def feature_configs(extra: Mapping[str, Any], config_file: str | None,
                    registered: Sequence[type[FeatureBase]] = REGISTERED) -> dict[str, FeatureConfig]:
    """Each registered feature's settings, by name, or one line `mkdocs.yml:LINE: where: found; expected`."""
    path = Path(config_file) if config_file else Path("mkdocs.yml")

    def root() -> yaml.Node | None:          # read only to name the line of an error
        try:
            return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, yaml.YAMLError):
            return None

    section = validated(section_model(registered), extra.get("edition") or {}, root, path.name, prefix=SECTION)
    features = section.features  # type: ignore[attr-defined]  # a field of the model built above
    return {f.name: getattr(features, f.name) for f in registered}


def check_order(registered: Sequence[type[FeatureBase]]) -> None:
    """A feature that runs last (its files(made) lists what all the others generated) must be last in the
    registry: one line otherwise."""
    last = [f.name for f in registered if f.runs_last]
    if len(last) > 1:
        raise InputError(REGISTRY, None, f"REGISTERED: {', '.join(last)} each say runs_last; expected one at most")
    if last and registered[-1].name != last[0]:
        after = [f.name for f in registered[[f.name for f in registered].index(last[0]) + 1:]]
        raise InputError(REGISTRY, None, f"REGISTERED: {', '.join(after)} after {last[0]}; expected {last[0]} last "
                                         "(it runs last: its files() lists what the others generated)")
