"""A file that does not parse as YAML, is empty, or holds several documents.

The loader reports the first syntax error of each file with its line and column; the
other files are still checked.

FAIL (a tab used for indentation):

    participants:
    →- name: Marat Imankulov

FAIL (a text containing ": " without quotes):

    summary: Tokayev said: security first

PASS:

    summary: "Tokayev said: security first"
"""

ID = "yaml-syntax"
SEVERITY = "error"
STAGE = "load"
