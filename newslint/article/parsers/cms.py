"""Articles exported from a CMS as JSON (``.json``) or JSON Lines (``.jsonl``).

Findings must point into the file itself, not into the decoded strings, so
every string value is decoded by ``json``'s own scanner while we keep the
exact source span of its literal; the string's SourceMap then maps each
decoded character back (escapes such as ``\\n``, ``\\"``, ``\\u00e9`` and
surrogate pairs are replacement segments). Body paragraphs are split with
the plain-text parser's paragraph heuristics on the decoded string, and the
two maps are composed. Segments are per run of plain characters, never per
character, so big files stay cheap.

Shapes: a ``.json`` file holds one article object, a list of them, or
``{"articles": [...]}``; a ``.jsonl`` file holds one object per line (blank
lines are skipped). Field names come from the ``fields`` configuration.
A ``newslint`` object in an article holds per-article settings; other keys
go to ``Article.meta``.

Errors: in a ``.json`` file any problem (invalid JSON, a non-object
article, a field of the wrong type) is a SourceError for the file. In a
``.jsonl`` file a bad line is skipped and reported as a ``parse`` problem
(in ``options["errors"]`` when the caller passes that list) so one broken
record does not hide the findings of a hundred thousand good ones; only a
file in which no line is a usable article is a SourceError.
"""

from __future__ import annotations

import json
import re
from json import decoder as _json_decoder
from json import scanner as _json_scanner

from newslint.article.model import Article, Block, SourceMap
from newslint.article.parsers._maps import Segment, slice_segments
from newslint.article.parsers.text import _paragraphs
from newslint.article.source import LineStream, Source, SourceError
from newslint.config import FIELD_NAMES

_ESCAPE = re.compile(r'\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)', re.S)
_NON_BLANK_LINE = re.compile(r"[^\r\n]+")
_WS = re.compile(r"[ \t\r\n]*")
_CAPTION_KEYS = ("text", "caption")


class _LocStr(str):
    """A decoded JSON string that remembers its literal's span ``[start, end)`` (quotes included)."""

    start: int
    end: int


def _make_decoder() -> json.JSONDecoder:
    dec = json.JSONDecoder()
    c_scanstring = _json_decoder.scanstring

    def parse_string(s, end, strict):
        value, new_end = c_scanstring(s, end, strict)
        located = _LocStr(value)
        located.start = end - 1
        located.end = new_end
        return located, new_end

    dec.parse_string = parse_string
    dec.scan_once = _json_scanner.py_make_scanner(dec)
    return dec


_DECODER = _make_decoder()


def string_segments(text: str, value: _LocStr) -> list[Segment]:
    """Segments mapping the decoded ``value`` to its literal in ``text``."""
    a, b = value.start + 1, value.end - 1
    segments: list[Segment] = []
    t, pos = 0, a
    for m in _ESCAPE.finditer(text, a, b):
        s = m.start()
        if s > pos:
            segments.append((t, pos, s - pos, s - pos))
            t += s - pos
        segments.append((t, s, 1, m.end() - s))
        t += 1
        pos = m.end()
    if b > pos:
        segments.append((t, pos, b - pos, b - pos))
    if not segments:
        segments.append((0, a, 0, 0))
    return segments


def _type_name(value) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", list: "list", dict: "object"}.get(
        type(value), "string" if isinstance(value, str) else type(value).__name__)


def _stripped_block(kind: str, text: str, value: _LocStr, segments: list[Segment] | None = None) -> Block | None:
    lead = len(value) - len(value.lstrip())
    end = len(value.rstrip())
    if end <= lead:
        return None
    segments = segments or string_segments(text, value)
    return Block(kind, str(value[lead:end]), SourceMap(slice_segments(segments, lead, end)))


def _body_blocks(text: str, value: _LocStr) -> list[Block]:
    segments = string_segments(text, value)
    plain = str(value)
    return [Block("body", plain[a:b], SourceMap(slice_segments(segments, a, b)))
            for a, b, _ in _paragraphs(plain, 0, len(plain))]


def article_from_object(source: Source, obj, index: int, fields: dict, where: str) -> Article:
    """One article from a decoded (located) JSON object; SourceError on wrong types."""
    if not isinstance(obj, dict):
        raise SourceError(f"{where}: expected a JSON object for an article, got {_type_name(obj)}")
    text = source.text
    names = {**FIELD_NAMES, **(fields or {})}
    blocks: list[Block] = []

    def string_field(key: str):
        value = obj.get(names[key])
        if value is None:
            return None
        if not isinstance(value, str):
            raise SourceError(f"{where}: field {names[key]!r} must be a string, got {_type_name(value)}")
        return value

    for key in ("headline", "dek", "byline"):
        value = string_field(key)
        if value is not None:
            block = _stripped_block(key, text, value)
            if block is not None:
                blocks.append(block)

    body = obj.get(names["body"])
    if isinstance(body, str):
        blocks.extend(_body_blocks(text, body))
    elif isinstance(body, list):
        for i, item in enumerate(body):
            if item is None:
                continue
            if not isinstance(item, str):
                raise SourceError(f"{where}: {names['body']}[{i}] must be a string, got {_type_name(item)}")
            blocks.extend(_body_blocks(text, item))
    elif body is not None:
        raise SourceError(f"{where}: field {names['body']!r} must be a string or a list of strings, "
                          f"got {_type_name(body)}")

    captions = obj.get(names["captions"])
    if isinstance(captions, str):
        captions = [captions]
    if isinstance(captions, list):
        for i, item in enumerate(captions):
            if isinstance(item, dict):
                item = next((item[k] for k in _CAPTION_KEYS if isinstance(item.get(k), str)), None)
                if item is None:
                    continue
            if item is None:
                continue
            if not isinstance(item, str):
                raise SourceError(f"{where}: {names['captions']}[{i}] must be a string or an object with "
                                  f"'text', got {_type_name(item)}")
            block = _stripped_block("caption", text, item)
            if block is not None:
                blocks.append(block)
    elif captions is not None:
        raise SourceError(f"{where}: field {names['captions']!r} must be a list, got {_type_name(captions)}")

    settings = obj.get("newslint") or {}
    if not isinstance(settings, dict):
        raise SourceError(f"{where}: field 'newslint' must be an object of settings, got {_type_name(settings)}")
    ident = obj.get(names["id"])
    name = str(index) if ident is None or isinstance(ident, (dict, list)) else str(ident)
    used = {names[k] for k in ("id", "headline", "dek", "byline", "body", "captions")} | {"newslint"}
    meta = {k: str(v) if isinstance(v, _LocStr) else v for k, v in obj.items() if k not in used}
    blocks.sort(key=lambda b: b.source_start)
    return Article(source, blocks, name=name, meta=meta, settings=dict(settings))


def _decode_at(text: str, pos: int, end: int, line_of, more=None):
    """Decode one JSON value starting at ``pos``; it must end before ``end`` (then only spaces).

    ``more``: for a streamed line, gives the text with the following lines appended (None at the
    end of the file) when the scanner runs off the end of the line, so a record broken over lines
    fails as it does in the whole text."""
    while True:
        try:
            value, stop = _DECODER.scan_once(text, pos)
        except StopIteration as exc:
            if more is not None and exc.value >= len(text) and (text := more()) is not None:
                continue
            raise SourceError(f"line {line_of(exc.value)}: invalid JSON: expecting a value") from None
        except json.JSONDecodeError as exc:
            if more is not None and exc.pos >= len(text) and (text := more()) is not None:
                continue
            raise SourceError(f"line {line_of(exc.pos)}: invalid JSON: {exc.msg}") from None
        except RecursionError:
            raise SourceError(f"line {line_of(pos)}: invalid JSON: nested too deeply") from None
        finally:
            _DECODER.memo.clear()
        break
    if stop > end:
        raise SourceError(f"line {line_of(pos)}: a JSON Lines record must fit on one line")
    rest = _WS.match(text, stop).end()
    if rest < end:
        raise SourceError(f"line {line_of(rest)}: invalid JSON: extra data after the value")
    return value


class JSONParser:
    name = "json"
    extensions = (".json",)

    def parse(self, source: Source, options: dict) -> list[Article]:
        text = source.text
        start = _WS.match(text).end()
        if start == len(text):
            return []
        data = _decode_at(text, start, len(text), lambda p: source.position(p)[0])
        fields = options.get("fields") or FIELD_NAMES
        if isinstance(data, dict) and isinstance(data.get("articles"), list) \
                and not any(fields.get(k, k) in data for k in ("headline", "body")):
            items, label = data["articles"], "articles"
        elif isinstance(data, list):
            items, label = data, ""
        elif isinstance(data, dict):
            return [article_from_object(source, data, 0, fields, "article")]
        else:
            raise SourceError(f"expected a JSON object (one article), a list of them or "
                              f"{{\"articles\": [...]}}, got {_type_name(data)}")
        return [article_from_object(source, item, i, fields, f"{label}[{i}]") for i, item in enumerate(items)]


class JSONLinesParser:
    name = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def parse(self, source: Source, options: dict) -> list[Article]:
        return list(self.iter_parse(source, options))

    def iter_parse(self, source: Source, options: dict):
        """The articles one at a time: the engine lints a 100,000-line file without holding them all."""
        return self._records([source], options)

    def iter_stream(self, stream: LineStream, options: dict):
        """Like ``iter_parse`` for a file read line by line (``open_line_stream``): the same articles,
        findings and problems, with flat memory; a line that is not UTF-8 is a skipped bad line."""
        return self._records(stream, options, stream)

    def _records(self, sources, options: dict, stream: LineStream | None = None):
        fields = options.get("fields") or FIELD_NAMES
        errors = options.get("errors")
        articles = 0
        problems: list[str] = []
        index = 0
        for source in sources:
            text = source.text
            bad = getattr(source, "error", None)
            for m in _NON_BLANK_LINE.finditer(text):
                start = _WS.match(text, m.start(), m.end()).end()
                if start == m.end() and bad is None:
                    continue
                line = source.position(m.start())[0]
                try:
                    if bad is not None:
                        raise SourceError(bad)
                    data = _decode_at(text, start, m.end(), lambda p, line=line: line,
                                      None if stream is None else _more(stream, text))
                    article = article_from_object(source, data, index, fields, f"line {line}")
                    articles += 1
                    yield article
                except SourceError as exc:
                    message = str(exc)
                    if not message.startswith("line "):
                        message = f"line {line}: {message}"
                    problems.append(message)
                    if errors is not None:
                        errors.append({"type": "parse", "message": f"{message}; line skipped",
                                       "where": f"line {line}"})
                index += 1
                if bad is not None:
                    break
        if problems and not articles:
            more = f" (and {len(problems) - 1} more bad lines)" if len(problems) > 1 else ""
            raise SourceError(f"no usable JSON Lines record: {problems[0]}{more}")


def _more(stream: LineStream, text: str):
    """For ``_decode_at``: ``text`` (a streamed line) with 1, 2, 4, ... following lines appended."""
    count = 0

    def more():
        nonlocal count
        count = max(1, 2 * count)
        following = stream.ahead(count)
        if count > 1 and len(following) <= count // 2:
            return None  # nothing new: the end of the file
        return text + "".join(w.text for w in following) if following else None

    return more
