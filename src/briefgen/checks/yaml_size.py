"""A file holding more values than any real summary or catalogue.

A catalogue of 40,000 sources holds about 250,000 values, a meeting with 15,000
statements about 100,000; a file of more than 1,000,000 values written out (not through
aliases: see `yaml-alias`) is refused rather than read into memory.

FAIL: a generated file of three million list items.

PASS: `seeds/sources.yaml` listing every article of a ten-year archive.
"""

ID = "yaml-size"
SEVERITY = "error"
STAGE = "load"
