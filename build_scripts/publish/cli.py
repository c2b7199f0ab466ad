"""`edition`: the entry point to the pipeline. MkDocs runs in-process.

    edition check   [--corpus DIR] [--json] [--strict]   parse the corpus, report counts (no site); --json:
                                                structure and every reference, for machines
    edition build   [--corpus DIR] [--site-dir DIR] [--strict]   strict build (atomic: no half-written site)
    edition serve   [--corpus DIR] [--host H] [--port P]   live preview
    edition offline [--corpus DIR] [--dist DIR]  file:// copy in dist/offline/ and dist/pingan-offline.zip
    edition pdf     [--corpus DIR] [--dist DIR]  bilingual PDFs in dist/pdf/ (published by the next build)

Bad input stops with one line, `path:line: what was found; what was expected`, and exit status 2;
--debug shows the traceback. A reference in the text that cannot be resolved is left unlinked with a notice
`path:line: …; why` on stderr; --strict (or references: strict in a meta.yaml) stops on it instead.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import time
import traceback
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from mkdocs.exceptions import Abort as MkDocsAbort

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

from build_scripts.model import licence
from build_scripts.model.errors import BuildError, InputError
from build_scripts.parse.corpus import check_corpus_dir

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
DEFAULT_EPOCH = "1672531200"  # 2023-01-01 00:00 UTC: the build's date unless SOURCE_DATE_EPOCH is set


def build_epoch() -> str:
    """The build's date as SOURCE_DATE_EPOCH (sitemap dates, zip dates): as set, else a fixed date. Never
    the clock and never git, so that a checkout and a source tarball (`git archive`, no .git) of the same
    commit build the same bytes. Nothing a reader sees depends on it: the status of a law is stated as at
    the dates the corpus records. (The GitHub workflow sets it to the commit's time.)"""
    return os.environ.get("SOURCE_DATE_EPOCH") or DEFAULT_EPOCH


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever sys.stderr is now (tests capture it per test)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


def log_like_mkdocs() -> None:
    """MkDocs' own CLI prints its log as `INFO    -  message`; in-process we set that up ourselves."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def mkdocs_config(corpus: Path, strict_references: bool = False, **overrides: Any) -> MkDocsConfig:
    """mkdocs.yml with the corpus folder set (read by the hook in on_config)."""
    from mkdocs.config import load_config
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ["SOURCE_DATE_EPOCH"] = build_epoch()
    config = load_config(str(ROOT / "mkdocs.yml"), strict=True, **overrides)
    config["extra"]["corpus"] = str(corpus.resolve())
    config["extra"]["strict_references"] = strict_references   # read by the hook's load_edition
    return config


def build(dest: Path, corpus: Path = CORPUS, offline: bool = False, strict: bool = False) -> Path:
    """Build into a temporary directory and swap it in only when the build succeeded."""
    from mkdocs.commands.build import build as mkdocs_build
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    previous = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true" if offline else "false"  # mkdocs.yml: offline plugin `enabled: !ENV OFFLINE`
    try:
        mkdocs_build(mkdocs_config(corpus, strict, site_dir=str(tmp)))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if previous is None:
            os.environ.pop("OFFLINE", None)
        else:
            os.environ["OFFLINE"] = previous
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    return dest


def offline(dist: Path, corpus: Path = CORPUS) -> Path:
    site = build(dist / "offline", corpus, offline=True)
    # the terms travel with the copy (folder and zip alike)
    title = f"{licence.ATTRIBUTION['zh']} / {licence.ATTRIBUTION['en']}"
    (site / "LICENSE").write_text(licence.notice(title), encoding="utf-8")
    archive = dist / "pingan-offline.zip"
    zip_time = time.gmtime(max(int(build_epoch()), 315532800))[:6]  # zip dates start in 1980
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(str(Path("pingan-offline") / path.relative_to(site)), zip_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    return archive


def serve(corpus: Path, host: str, port: int) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ["SOURCE_DATE_EPOCH"] = build_epoch()
    os.environ["EDITION_CORPUS"] = str(corpus.resolve())  # serve reloads mkdocs.yml on each rebuild
    mkdocs_serve(str(ROOT / "mkdocs.yml"), dev_addr=f"{host}:{port}", strict=True)


def check(corpus: Path, strict: bool = False, as_json: bool = False) -> None:
    from build_scripts.enrich.edition import load_edition
    from build_scripts.model.regulation import units
    edition = load_edition(corpus, strict)
    if as_json:
        from build_scripts.enrich.report import check_report
        print(json.dumps(check_report(edition), ensure_ascii=False, indent=1))
        return
    for reg in edition.regs:
        u = units(reg.articles)
        gloss = edition.glosses[reg.id]
        done = sum(1 for x in u if gloss.unit(x.eid))
        print(f"{reg.id}: {len(reg.chapters)} chapters, {len(reg.articles)} articles, "
              f"{sum(len(a.paragraphs) for a in reg.articles)} paragraphs, "
              f"{sum(1 for x in u if x.item)} items; English gloss {done}/{len(u)} units")


def run(args: argparse.Namespace) -> None:
    corpus = Path(args.corpus)
    check_corpus_dir(corpus)   # before MkDocs or the PDF maker read it
    if args.command == "check":
        check(corpus, args.strict, args.json)
    elif args.command == "build":
        print(build(Path(args.site_dir), corpus, strict=args.strict))
    elif args.command == "serve":
        serve(corpus, args.host, args.port)
    elif args.command == "offline":
        print(offline(Path(args.dist), corpus))
    elif args.command == "pdf":  # before build: the site publishes PDFs made from its current text
        from build_scripts.render.pdf import make_all
        for path in make_all(Path(args.dist) / "pdf", corpus, mkdocs_config(corpus)["site_url"] or None):
            print(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "build", "serve", "offline", "pdf"])
    parser.add_argument("--corpus", default=os.environ.get("EDITION_CORPUS") or str(CORPUS),
                        help="the corpus folder (default: ./corpus)")
    parser.add_argument("--site-dir", default=str(ROOT / "site"))
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    parser.add_argument("--strict", action="store_true",
                        help="check, build: stop on a reference that cannot be resolved (else: unlinked, a notice)")
    parser.add_argument("--json", action="store_true",
                        help="check: print each regulation's structure and every reference as JSON")
    args = parser.parse_args(argv)
    log_like_mkdocs()
    try:
        run(args)
    except (InputError, BuildError) as exc:
        if args.debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    except MkDocsAbort as exc:  # strict mode counted warnings (printed above it): the site is left as it was
        if args.debug:
            traceback.print_exc()
        print(f"error: {exc.message}; expected a build without warnings (strict)", file=sys.stderr)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
