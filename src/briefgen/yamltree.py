"""Safe YAML reading into a small tree that keeps every value's position.

PyYAML's composer gives marks for every node but no types: scalars stay the text the
officer typed, so `title: yes` is the word "yes", never `True`, and `date: 2024-13-45`
is a string we can refuse with a clear message. Nothing is constructed, so no tag can
run code; duplicate keys, unknown tags, several documents and alias bombs are refused
here with the position of the offending node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from .model import Where

MAX_VALUES = 1_000_000  # values in one file: a 40,000-source catalogue holds about 250,000
MAX_EXPANDED = 100_000  # values repeated through aliases: a repeat is a citation or two
MAX_DEPTH = 64  # levels of nesting: a meeting summary needs five

SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
PLAIN_NULLS = {"", "~", "null", "Null", "NULL"}


# The nodes are plain slotted classes, not frozen ones: a large archive builds a million of
# them, and nothing keeps or hashes a node once its file's records are read.
@dataclass(slots=True)
class Scalar:
    value: str
    where: Where
    plain: bool = True  # written without quotes, so `null`, `~` and nothing mean "no value"

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in PLAIN_NULLS


@dataclass(slots=True)
class Seq:
    items: list["Node"]
    where: Where


@dataclass(slots=True)
class Map:
    items: dict[str, "Node"]
    where: Where
    key_where: dict[str, Where] = field(default_factory=dict)


Node = Scalar | Seq | Map


class YamlProblem(Exception):
    """A file that cannot be read as briefgen YAML; carries a ready diagnostic's parts."""

    def __init__(self, where: Where, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.where, self.code, self.message, self.hint = where, code, message, hint


def _where(file: str, mark: Any) -> Where:  # a yaml.Mark of either parser (libyaml's has no stub of its own)
    if mark is None:
        return Where(file, 1, 1)
    return Where(file, mark.line + 1, mark.column + 1)


class _Untyped:
    """Composition without implicit typing: every scalar is text until a reader types it.

    Resolving `yes`, `1.5` or `2024-05-16` by regular expression is wasted work for a
    tree that keeps scalars as typed (a third of the time of composing a large archive);
    explicit tags never pass through here, so `!!python/object` is still refused below.
    """

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _DEFAULT_TAGS[kind]


_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


if TYPE_CHECKING:
    _Safe = yaml.SafeLoader
else:
    _Safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, when PyYAML has it


class FastLoader(_Untyped, _Safe):
    """libyaml's safe composer, untyped."""


class SlowLoader(_Untyped, yaml.SafeLoader):
    """The pure-Python safe composer, untyped: its error messages are the ones the hints expect."""


def parse(text: str, file: str) -> Node | None:
    """Parse one YAML document; None for an empty file. Raises YamlProblem.

    libyaml composes (about ten times faster); a file it refuses is read again by the
    pure-Python parser, whose messages and marks the hints are written for. Both composers
    recurse, so nesting is measured first on the (flat) event stream.
    """
    _refuse_line_breaks_editors_do_not_show(text, file)
    if _may_nest_deeply(text):
        _refuse_deep_nesting(text, file)
    try:
        documents = list(yaml.compose_all(text, Loader=FastLoader))
    except yaml.YAMLError:
        documents = _compose_slowly(text, file)
    documents = [d for d in documents if d is not None]
    if len(documents) > 1:
        raise YamlProblem(
            _where(file, documents[1].start_mark),
            "yaml-syntax",
            f"{len(documents)} YAML documents in one file; briefgen reads one",
            "put each meeting in its own file and remove the `---` separator",
        )
    if not documents:
        return None
    return _Converter(file, "*" in text).convert(documents[0], 0)


UNSEEN_BREAKS = re.compile("[\x85\u2028\u2029]")


def _refuse_line_breaks_editors_do_not_show(text: str, file: str) -> None:
    """YAML breaks lines at U+0085, U+2028 and U+2029, which editors show as nothing."""
    found = UNSEEN_BREAKS.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise YamlProblem(
            Where(file, line, column), "bad-character",
            f"the file holds U+{ord(found.group()):04X}, an invisible line break (often pasted from a web page)",
            "delete it and type a space or a real line break instead",
        )


DEEP_INDENT = re.compile(f"^ {{{MAX_DEPTH}}}", re.MULTILINE)
# More than MAX_DEPTH // 2 two-character `- ` or `: ` on one line needs a line this long.
LONG_LINE = re.compile(f"^.{{{MAX_DEPTH + 2},}}$", re.MULTILINE)


def _may_nest_deeply(text: str) -> bool:
    """A cheap bound: deep nesting needs many brackets, deep indentation or long `- - -` chains."""
    if text.count("[") + text.count("{") > MAX_DEPTH or DEEP_INDENT.search(text):
        return True
    return any(line.count("- ") + line.count(": ") > MAX_DEPTH // 2 for line in LONG_LINE.findall(text))


def _refuse_deep_nesting(text: str, file: str) -> None:
    """Count the nesting on the event stream, which both parsers produce without recursion.

    libyaml stops at its own limit (1,000 levels in PyYAML 6.0.4's build, none in older
    ones) with a ScannerError; the pure-Python parser then counts on, so the depth is
    ours to refuse whatever libyaml does. A syntax error before MAX_DEPTH is reached
    leaves the composers at most MAX_DEPTH levels to recurse before they report it.
    """
    for loader in (FastLoader, SlowLoader):
        depth = 0
        try:
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                    depth += 1
                    if depth > MAX_DEPTH:
                        raise _too_deep(_where(file, event.start_mark))
                elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                    depth -= 1
            return
        except yaml.YAMLError:
            continue  # libyaml's own limit or a syntax error: the pure-Python parser counts on


def _too_many(where: Where) -> YamlProblem:
    return YamlProblem(where, "yaml-size", f"the file holds more than {MAX_VALUES:,} values",
                       "no summary or catalogue is this large: check that the file is the one you meant")


def _too_deep(where: Where) -> YamlProblem:
    return YamlProblem(where, "yaml-depth", f"the document nests more than {MAX_DEPTH} levels deep",
                       "a meeting summary needs a few levels: look for runaway brackets or dashes")


def _compose_slowly(text: str, file: str) -> list[yaml.Node]:
    """Compose with the pure-Python parser, turning its error into a YamlProblem."""
    try:
        return list(yaml.compose_all(text, Loader=SlowLoader))
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc, text, file) from None
    except yaml.YAMLError as exc:  # reader errors: bad characters
        raise _reader_problem(exc, text, file) from None


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> YamlProblem:
    unclosed = "quoted scalar" in (exc.context or "")  # the quote opened there; the end of file says nothing
    # An unclosed `[` or `{` is noticed on a later line; the bracket that opened it is the mistake.
    bracket = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{"}.get(exc.context or "")
    mark = (exc.context_mark if unclosed or bracket else None) or exc.problem_mark or exc.context_mark
    where = _where(file, mark)
    problem = (exc.problem or "invalid YAML").strip()
    lines = text.splitlines()
    line = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
    if "\t" in problem or "\\t" in problem or line[: where.column].lstrip(" ").startswith("\t"):
        hint = f"YAML indents with spaces, never tabs: replace the tab on line {where.line} with spaces"
    elif "mapping values are not allowed" in problem:
        hint = quote_hint(line)
    elif bracket:
        closing = "]" if bracket == "[" else "}"
        noticed = exc.problem_mark.line + 1 if exc.problem_mark else where.line
        hint = (f"the `{bracket}` opened here is not closed (noticed on line {noticed}): "
                f"add `{closing}` where its items end")
    elif unclosed or "found unexpected end" in problem:
        hint = "a quoted text is not closed: add the closing quote mark"
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        hint = "check the indentation: keys of one mapping must start in the same column"
    else:
        hint = "fix the YAML syntax at this position"
    context = f" ({exc.context})" if exc.context else ""
    return YamlProblem(where, "yaml-syntax", f"YAML does not parse: {problem}{context}", hint)


def quote_hint(line: str) -> str:
    """For `summary: Tokayev said: security first`, the line to type instead."""
    key, _, value = line.partition(": ")
    value = value.strip()
    if not key.strip() or not value:
        return 'a text containing ": " must be in quotes'
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'a text containing ": " must be in quotes: write  {key}: "{escaped}"'


def _reader_problem(exc: yaml.YAMLError, text: str, file: str) -> YamlProblem:
    position = getattr(exc, "position", None) or 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = getattr(exc, "character", None)
    if isinstance(character, str) and character:
        character = ord(character[0])
    code = f"U+{character:04X}" if isinstance(character, int) else "a character"
    return YamlProblem(
        Where(file, line, column),
        "bad-character",
        f"the file holds {code}, a control character YAML and Word cannot hold",
        "delete it (often pasted from Word, a PDF or a browser) and type the text again",
    )


class _Converter:
    """Turns composed nodes into our tree, refusing what briefgen does not accept.

    Three limits, each with its own finding: an alias inside its own anchor, or aliases
    that repeat more than MAX_EXPANDED values (a "billion laughs" bomb), are `yaml-alias`;
    more than MAX_VALUES values written out are `yaml-size`; more than MAX_DEPTH levels
    are `yaml-depth` (deep brackets are refused before composing; aliases can nest too).
    """

    def __init__(self, file: str, aliases: bool) -> None:
        self.file = file
        self.aliases = aliases  # without any `*`, every node is met once and none can contain itself
        self.seen: set[int] = set()  # composed nodes already converted once (by id: they live as long as we do)
        self.open: set[int] = set()  # the nodes being converted, from the root down to here
        self.expanded = self.values = 0

    def convert(self, node: yaml.Node, depth: int) -> Node:
        where = _where(self.file, node.start_mark)
        if self.aliases:
            self._count(node, where)
        else:  # the common case, inline: a million nodes in the 5,000-meeting archive
            self.values += 1
            if self.values > MAX_VALUES:
                raise _too_many(where)
        if depth > MAX_DEPTH:
            raise _too_deep(where)
        if node.tag not in SAFE_TAGS:
            raise YamlProblem(
                where,
                "yaml-tag",
                f"YAML tag {node.tag!r} is not allowed",
                "remove the tag: briefgen reads plain text, lists and mappings only",
            )
        if isinstance(node, yaml.ScalarNode):
            return Scalar(node.value, where, plain=not node.style)  # libyaml says "" for plain
        if self.aliases:
            self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return Seq([self.convert(item, depth + 1) for item in node.value], where)
            assert isinstance(node, yaml.MappingNode)
            return self._mapping(node, where, depth)
        finally:
            if self.aliases:
                self.open.discard(id(node))

    def _count(self, node: yaml.Node, where: Where) -> None:
        """The limits of a file with aliases: a node met again is a repeat, a node met inside
        itself a recursive alias (sets of node ids: kept only for files that have aliases)."""
        if id(node) in self.open:
            raise YamlProblem(where, "yaml-alias", "an alias stands inside its own anchor, so the value never ends",
                              "write the values out; an alias may repeat only a value that is complete")
        if id(node) in self.seen:
            self.expanded += 1
            if self.expanded > MAX_EXPANDED:
                raise YamlProblem(where, "yaml-alias",
                                  f"aliases repeat more than {MAX_EXPANDED:,} values (an alias bomb)",
                                  "write the values out; anchors and aliases are for small repeats only")
            return
        self.seen.add(id(node))
        self.values += 1
        if self.values > MAX_VALUES:
            raise _too_many(where)

    def _mapping(self, node: yaml.MappingNode, where: Where, depth: int) -> Map:
        items: dict[str, Node] = {}
        key_where: dict[str, Where] = {}
        for key_node, value_node in node.value:
            key_at = _where(self.file, key_node.start_mark)
            if key_node.tag not in SAFE_TAGS and key_node.tag != "tag:yaml.org,2002:merge":
                raise YamlProblem(key_at, "yaml-tag", f"YAML tag {key_node.tag!r} on a key is not allowed",
                                  "remove the tag: keys are plain words")
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_at, "wrong-type", "a key must be a plain word", "write `key: value`")
            key = key_node.value
            if key in items:
                first = key_where[key]
                raise YamlProblem(
                    key_at,
                    "duplicate-key",
                    f"duplicate key {key!r} (first at line {first.line})",
                    f"keep one {key!r}: YAML would silently drop the first value",
                )
            key_where[key] = key_at
            items[key] = self.convert(value_node, depth + 1)
        return Map(items, where, key_where)
