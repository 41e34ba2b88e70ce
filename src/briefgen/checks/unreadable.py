"""A file briefgen needs is missing or cannot be read (a directory where a file is
expected, no permission, no `seeds/sources.yaml`).

FAIL: `briefs/` holding a directory named `2024-05-16.yaml`.

PASS: a readable UTF-8 file.
"""

ID = "unreadable"
SEVERITY = "error"
STAGE = "load"
