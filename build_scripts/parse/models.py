"""What the curated YAML files may hold, as pydantic models: corpus/<id>/meta.yaml (MetaYaml) and
corpus/additions.yaml (AdditionsYaml). parse/schema.validated reads a file's data into one of them, or stops
with one line `path:line: where ...; expected ...` at the key the error is about.

A field's `description` is the "expected" of its error message; a check a type cannot say (a real date, a
regulation of the corpus) is a validator whose ValueError says what is wrong (and, if it knows better than the
description, `; expected ...`)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Strict(BaseModel):
    """Every key known, every value of its type as YAML gives it (no 1 for true, no number for a string)."""
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Text = Annotated[str, StringConstraints(pattern=r"\S")]     # a string with something in it


def real_date(value: object) -> object:
    """A date written YYYY-MM-DD that exists (a loader that keeps dates as text hands it over as a string); an
    empty one is null."""
    if value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            if not DATE.fullmatch(value):
                raise ValueError("not in the form YYYY-MM-DD")
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"is no date ({exc})") from None
    return value


Date = Annotated[str | None, BeforeValidator(real_date)]


class Bilingual(Strict):
    zh: str | None = Field(default=None, description="a string, or null")
    en: str | None = Field(default=None, description="a string, or null")


class Title(Strict):
    zh: Text = Field(description="a non-empty string")
    en: Text = Field(description="a non-empty string")
    en_former: str | None = Field(default=None, description="an earlier English title, or null")


class MetaYaml(Strict):
    """corpus/<id>/meta.yaml: facts about one regulation; unknown is null."""
    title: Title = Field(description="a mapping with zh and en (and en_former, an earlier English title)")
    effective: Date = Field(description="a real date YYYY-MM-DD (the date in the last article), or null")
    short: str | None = Field(default=None, description="a short-link prefix such as jx")
    abbreviation: str | None = Field(default=None,
                                     description="the province's one-character abbreviation such as 赣, or null")
    jurisdiction: str | None = Field(default=None, description="an ISO 3166-2 code such as CN-JX")
    jurisdiction_name: Bilingual | None = Field(default=None, description="a mapping with zh and en, or null")
    adopted: Date = Field(default=None, description="a real date YYYY-MM-DD, or null")
    adopted_by: Bilingual | None = Field(default=None, description="a mapping with zh and en, or null")
    announcement: Bilingual | None = Field(default=None, description="a mapping with zh and en, or null")
    sources: list[str] | None = Field(default=None, description="a list of strings")
    layout: Literal["lines", "wrapped"] | None = Field(
        default=None, description="'lines' or 'wrapped' (or no layout: detected)")
    repeals: dict[str, Any] | None = Field(default=None, description="a mapping, or null")
    no_entry_into_force: str | None = Field(
        default=None, description="a sentence saying why the text has no 本条例自…施行 article")
    references: Literal["strict"] | None = Field(
        default=None, description="'strict' (or no key: a reference that cannot be resolved is left unlinked, "
                                  "with a notice)")


class What(Strict):
    zh: Text = Field(description="a non-empty string")
    en: Text = Field(description="a non-empty string")


class Addition(Strict):
    date: Annotated[str, BeforeValidator(real_date)] = Field(description="a date as 'YYYY-MM-DD'")
    regulation: str = Field(description="the id of a regulation of the corpus")
    what: What = Field(description="{zh: ..., en: ...}, both non-empty strings")

    @field_validator("regulation")
    @classmethod
    def of_the_corpus(cls, value: str, info: ValidationInfo) -> str:
        known = sorted((info.context or {}).get("regulations", ()))
        if value not in known:
            raise ValueError(f"is no regulation of the corpus; expected one of {known}")
        return value


class AdditionsYaml(Strict):
    """corpus/additions.yaml: the regulations added to the edition, for What's new and the feed."""
    additions: list[Addition] = Field(description="a list of {date, regulation, what}")
