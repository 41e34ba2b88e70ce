"""Anchors and aliases that expand to an enormous or endless document.

Aliases are allowed for small repeats (the same citation used twice), but a document
that expands past 100,000 values or 64 levels (a "billion laughs" bomb, or an alias
inside its own anchor) is refused at once.

FAIL:

    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    ...

PASS:

    cite: &kazinform
      - source: kazinform-2024-05
        quote: attended the meeting
    participants:
      - name: Marat Imankulov
        cite: *kazinform
"""

ID = "yaml-alias"
SEVERITY = "error"
STAGE = "load"
