"""The kinds of error a reader of the CLI sees, each as one line; a traceback only with --debug.

InputError: bad input, as `path:line: what was found; what was expected`. Every error caused by what is
in corpus/ (a source text, a meta.yaml, a missing file) is one. BuildError: the machine cannot make a
correct output (a font or a tool is missing), naming what to install. Anything else escaping the build
is a bug in the build, not in the input.
"""
from __future__ import annotations


class InputError(ValueError):
    """Base of every bad-input error. str() is one line: 'path:line: message'."""

    def __init__(self, path: object, line: int | None = None, message: str | None = None) -> None:
        if message is None and line is None:   # legacy form: one preformatted string
            text = str(path)
            super().__init__(one_line(text))
            self.path, self.line, self.message = None, None, text
            return
        line = 1 if line is None else line
        super().__init__(one_line(f"{path}:{line}: {message}"))
        self.path, self.line, self.message = str(path), line, one_line(str(message))


def one_line(text: str) -> str:
    """Collapse line breaks so the error is always one line."""
    return " ".join(text.split("\n")) if "\n" in text else text


class BuildError(RuntimeError):
    """An output that would be wrong on this machine (e.g. a PDF without its Chinese): stops the build."""
