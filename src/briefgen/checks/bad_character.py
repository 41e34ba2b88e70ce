"""A control character or lone surrogate in a text.

Word documents cannot hold C0 control characters (other than tab and newline) or lone
surrogates; they usually arrive by pasting from a PDF or a word processor.

FAIL:

    quote: "security\\x07 chiefs"

PASS:

    quote: security chiefs
"""

ID = "bad-character"
SEVERITY = "error"
STAGE = "load"
