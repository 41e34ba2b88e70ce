"""A file nested more deeply than any summary or catalogue can be.

A meeting summary needs five levels (meeting, participants, a participant, its cite, a
citation). A file nested more than 64 levels deep, by brackets, dashes, indentation or
aliases, is refused at the first level too many, whichever YAML parser PyYAML brings.

FAIL:

    tags: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[security]]]...

PASS:

    tags: [security, counter-terrorism]
"""

ID = "yaml-depth"
SEVERITY = "error"
STAGE = "load"
