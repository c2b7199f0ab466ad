"""The one kind of error a reader of the CLI sees: bad input, as `path:line: what was found; what was
expected`. The CLI prints str(error) alone and exits non-zero; a traceback only with --debug."""
from __future__ import annotations


class InputError(ValueError):
    """Bad input (a source text or curated data in corpus/): stops the build."""
