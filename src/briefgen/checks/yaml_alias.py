"""Anchors and aliases that expand to an enormous or endless document.

Aliases are allowed for small repeats (the same citation used twice), but aliases that
repeat more than 100,000 values (a "billion laughs" bomb), or an alias inside its own
anchor, are refused at once. Only repeats count: a large file without aliases is
`yaml-size`'s to judge.

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
