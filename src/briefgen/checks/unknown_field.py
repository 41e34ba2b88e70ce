"""A field that FORMAT.md does not define, usually a misspelling.

The hint names the nearest valid field.

FAIL:

    participants:
      - name: Marat Imankulov
        rol: Secretary of the Security Council of Kyrgyzstan

PASS:

        role: Secretary of the Security Council of Kyrgyzstan
"""

ID = "unknown-field"
SEVERITY = "error"
STAGE = "load"
