"""A required field is absent.

Meetings need title, date, location, cite, summary and participants; participants need
name, role and cite; statements need speaker, text and cite; commitments need parties,
text and cite; citations need source and quote; sources need id, file, outlet, language.

FAIL:

    statements:
      - speaker: Kassym-Jomart Tokayev
        text: Afghanistan should be the focus of attention.

PASS: the same with a `cite:` list.
"""

ID = "missing-field"
SEVERITY = "error"
STAGE = "load"
