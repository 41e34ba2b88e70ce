"""A value of the right kind but an invalid form: a source id that is not a slug, a
language that is not an ISO 639-1 code.

FAIL:

    - id: Kazinform 2024
      language: english

PASS:

    - id: kazinform-2024
      language: en
"""

ID = "invalid-value"
SEVERITY = "error"
STAGE = "load"
