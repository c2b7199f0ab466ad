"""The kinds of error a reader of the CLI sees, each as one line. InputError: bad input, as `path:line:
what was found; what was expected`. BuildError: the machine cannot make a correct output (a font or a
tool is missing), naming what to install. The CLI prints str(error) alone and exits non-zero; a
traceback only with --debug."""
from __future__ import annotations


class InputError(ValueError):
    """Bad input (a source text or curated data in corpus/): stops the build."""


class BuildError(RuntimeError):
    """An output that would be wrong on this machine (e.g. a PDF without its Chinese): stops the build."""
