"""The same key twice in one mapping.

YAML parsers silently keep the last value; briefgen refuses the file instead, naming
both lines, so no hand-written value is lost.

FAIL:

    title: Meeting of Security Council secretaries
    date: 2024-05-16
    title: Security Council secretaries meet in Astana

PASS: each key once per mapping.
"""

ID = "duplicate-key"
SEVERITY = "error"
STAGE = "load"
