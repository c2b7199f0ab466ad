"""The keys under which the pages remember the reader's choices and notes (localStorage, per origin: the served
site and each file:// copy apart). The one home of these names: the browser code reads them as the build's data
"storage" (browser/shared/prefs.js), the reader's notes page names its key from here (features/reader.py)."""
from __future__ import annotations

STORAGE_KEYS: dict[str, str] = {
    "mode": "lex-mode",                   # display mode: both / zh / en (browser/edition/)
    "marks": "lex-marks",                 # glossary marks: first / all / none (browser/glossary/)
    "script": "lex-script",               # reading view: hans / tw / hk (browser/hant/)
    "script_std": "lex-script-std",       # the traditional standard last chosen (the toggle leads back to it)
    "view": "lex-view",                   # phones: the folded View panel open / closed (browser/edition/, main.html)
    "notes": "lex-reader-notes-v1",       # the reader's notes and selections (browser/reader/)
}
