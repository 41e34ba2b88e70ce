"""A date that is not an existing ISO date `YYYY-MM-DD`.

FAIL:

    date: 16/05/2024
    date: 2024-13-45

PASS:

    date: 2024-05-16
"""

ID = "invalid-date"
SEVERITY = "error"
STAGE = "load"
