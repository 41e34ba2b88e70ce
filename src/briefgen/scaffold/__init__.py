"""Candidates for the authoring commands, found in source texts: quoted, never invented.

`briefgen add-source` takes a title, a publication date and an outlet from an article;
`briefgen new` writes a meeting file from what the articles state: the sentence giving the
date and place, the people named with their titles, and reported or quoted speech. Every
quote is a verbatim slice of one paragraph, so a kept candidate passes `check`; whatever
the texts do not settle is a `TODO` (a value to write, or a comment to act on), which
`check` refuses until the officer has dealt with it.

The package, each module feeding the ones after it: `sentences` (sentences and tokens,
boilerplate left out), `dates` (dates stated in text), `catalogue` (title, outlet and slug
for `add-source`), `setting` (the date and the place), `scope` (the sentences about this
meeting, not another the article mentions), `people` (one person once, with their
titles), `speech` (statement candidates, each given to its speech verb's subject),
`statements` (one point of several sources as one candidate), `meeting` (the meeting
file, as YAML text).
"""

from .catalogue import outlet_candidate, slug, title_candidate
from .dates import published_date
from .meeting import draft, scalar

__all__ = ["draft", "outlet_candidate", "published_date", "scalar", "slug", "title_candidate"]
