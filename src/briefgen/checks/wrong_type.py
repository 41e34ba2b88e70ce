"""A value of the wrong kind: a list where text is expected, text where a list is, an
empty list where at least one item is required, or nothing (`null`, `~`) for a text.

Texts stay exactly as typed: `title: yes` is the word "yes" and `title: 1.0` is "1.0",
never a boolean or a number.

FAIL:

    participants: Marat Imankulov

PASS:

    participants:
      - name: Marat Imankulov
"""

ID = "wrong-type"
SEVERITY = "error"
STAGE = "load"
