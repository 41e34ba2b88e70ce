"""The one way domain code says no: a sentence for the officer, a hint that acts, an exit code.

Domain modules raise `Refused`; only the command line prints it (`error: ...`, then the
hint) and exits: 1 for input briefgen refuses, 2 for a usage error or an environment
that does not allow the work (a file where a folder should be, a full disk).
"""

from __future__ import annotations


class Refused(Exception):
    def __init__(self, message: str, hint: str, code: int = 1) -> None:
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code
