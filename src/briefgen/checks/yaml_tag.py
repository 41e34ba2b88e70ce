"""A YAML tag other than the standard ones (`!!python/object`, `!include`, `!custom` ...).

briefgen reads text, lists and mappings only; a tag could make other YAML tools build
objects or run code, so it is refused.

FAIL:

    title: !!python/object/apply:os.system ["echo hi"]

PASS:

    title: Central Asian intelligence chiefs meet in Tashkent
"""

ID = "yaml-tag"
SEVERITY = "error"
STAGE = "load"
