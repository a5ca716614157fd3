"""Inline suppression comments in articles.

    <!-- newslint-disable titles.standalone-title -->  ...  <!-- newslint-enable titles.standalone-title -->
    <!-- newslint-disable-next-line mechanics.* -->
    <!-- newslint-disable -->   (every rule, until newslint-enable)

Rules are ids, globs or pack names, separated by spaces or commas. The
comments work in every input format because they are read from the source
text, not from the parsed prose.
"""

from __future__ import annotations

import fnmatch

from newslint import rx as regex

_COMMENT = regex.compile(
    r"<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->", regex.I)


def rule_matches(rule_id: str, patterns) -> bool:
    """True when a rule id matches one of: an id, a glob, or a pack name."""
    for pattern in patterns:
        if pattern == rule_id or fnmatch.fnmatchcase(rule_id, pattern):
            return True
        if "." not in pattern and rule_id.split(".", 1)[0] == pattern:
            return True
    return False


class _Region:
    __slots__ = ("start", "end", "rules")

    def __init__(self, start: int, end: int, rules: tuple[str, ...]):
        self.start = start
        self.end = end
        self.rules = rules  # empty: every rule


class Suppressions:
    def __init__(self, regions: list[_Region], lines: dict[int, list[tuple[str, ...]]]):
        self.regions = regions
        self.lines = lines

    def __bool__(self):
        return bool(self.regions or self.lines)

    def suppressed(self, rule_id: str, offset: int, line: int) -> bool:
        for region in self.regions:
            if region.start <= offset < region.end and (not region.rules or rule_matches(rule_id, region.rules)):
                return True
        for rules in self.lines.get(line, ()):
            if not rules or rule_matches(rule_id, rules):
                return True
        return False


def parse_suppressions(source) -> Suppressions:
    """Read the suppression comments of a Source."""
    text = source.text
    if "newslint-" not in text:
        return Suppressions([], {})
    return suppressions_from(comments(source), len(text))


def comments(source):
    """The suppression comments of a Source as (action, rules, start, end, line), in the file's
    offsets and lines (a streamed line's ``base_offset`` is added)."""
    base = getattr(source, "base_offset", 0)
    for m in _COMMENT.finditer(source.text):
        action = m.group(1).lower()
        rules = tuple(r for r in regex.split(r"[\s,]+", m.group(2).strip()) if r)
        line = source.position(m.start())[0] if action == "disable-next-line" else 0
        yield action, rules, base + m.start(), base + m.end(), line


def suppressions_from(found, end: int) -> Suppressions:
    """Suppressions from ``comments`` in file order; ``end`` is the length of the file's text."""
    reader = SuppressionReader()
    reader.add(found)
    return reader.close(end)


class SuppressionReader(Suppressions):
    """Suppressions read as the comments come (a streamed file, line by line): ``add`` them in
    file order; ``suppressed`` then answers for a finding in the text read so far as the whole
    file's ``suppressions_from`` will (a region still open covers everything after it)."""

    def __init__(self):
        super().__init__([], {})
        self.open: dict[tuple[str, ...], int] = {}

    def __bool__(self):
        return bool(self.regions or self.lines or self.open)

    def add(self, found) -> None:
        regions, lines, open_ = self.regions, self.lines, self.open
        for action, rules, start, stop, line in found:
            if action == "disable-next-line":
                lines.setdefault(line + 1, []).append(rules)
            elif action == "disable":
                open_.setdefault(rules, stop)
            else:
                if rules in open_:
                    regions.append(_Region(open_.pop(rules), start, rules))
                elif not rules:  # a bare enable closes everything
                    for key, begin in open_.items():
                        regions.append(_Region(begin, start, key))
                    open_.clear()
                else:  # enable one rule inside a blanket disable: close blanket region there
                    for key in list(open_):
                        if not key or any(r in key for r in rules):
                            regions.append(_Region(open_.pop(key), start, key))

    def suppressed(self, rule_id: str, offset: int, line: int) -> bool:
        for begin_rules, begin in self.open.items():
            if begin <= offset and (not begin_rules or rule_matches(rule_id, begin_rules)):
                return True
        return super().suppressed(rule_id, offset, line)

    def close(self, end: int) -> Suppressions:
        """The file's suppressions, its text ``end`` code points long (the open regions end there)."""
        return Suppressions([*self.regions, *(_Region(begin, end, key) for key, begin in self.open.items())],
                            self.lines)
