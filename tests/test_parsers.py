"""Input parsers: block kinds and texts per format, exact source maps, and findings
that land on the right characters of the file (txt, md, html, json, jsonl, stdin)."""

from __future__ import annotations

import html
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.article.parsers.cms import JSONLinesParser, JSONParser
from newslint.article.parsers.html import HTMLPageParser
from newslint.article.parsers.markdown import PLACEHOLDER, MarkdownParser
from newslint.article.parsers.text import TextParser
from newslint.article.source import SourceError, decode, read_source
from newslint.config import FIELD_NAMES, Config, Settings
from newslint.engine import Linter
from newslint.plugins.manager import PluginHost

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "fixtures" / "inputs"
PACK = HERE / "packs" / "parsers" / "doubled.yaml"
OPTIONS = {"fields": dict(FIELD_NAMES)}
PARSERS = {".txt": TextParser(), ".md": MarkdownParser(), ".html": HTMLPageParser(), ".json": JSONParser(),
           ".jsonl": JSONLinesParser()}


def parse(name: str, data: bytes | str | None = None, options=None):
    path = INPUTS / name
    source = read_source(str(path)) if data is None else decode(
        data.encode("utf-8") if isinstance(data, str) else data, name)
    return source, PARSERS[Path(name).suffix].parse(source, dict(options or OPTIONS))


def _decodes(raw: str, ch: str) -> bool:
    """Whether a replacement span ``raw`` of the source stands for the prose character ``ch``."""
    if ch == PLACEHOLDER:
        return raw.startswith(("`", "<"))
    if ch.isspace() and (not raw.strip() or raw.lower().startswith(("<br", "</br"))):
        return True
    if raw in ("''", "\\" + ch) or ch in html.unescape(raw):
        return True
    if raw.startswith("\\"):
        try:
            return ch in json.loads('"' + raw + '"')
        except ValueError:
            return False
    return False


def assert_exact(source, articles):
    """Every prose character maps to itself in the source, or to the escape/entity that encodes it."""
    text = source.text
    for article in articles:
        for block in article.blocks:
            assert block.text and block.text == block.text.strip(), block
            for t0, s0, tl, sl in block.smap._segments:
                assert 0 <= s0 <= s0 + sl <= len(text)
            for i, ch in enumerate(block.text):
                s, e = block.smap.start(i), block.smap.end(i + 1)
                assert 0 <= s < e <= len(text), (block.kind, i, ch)
                if text[s] == ch or (ch.isspace() and text[s].isspace() and e - s == 1):
                    continue
                assert _decodes(text[s:e], ch), (block.kind, block.text, i, ch, text[s:e])


def kinds_texts(article):
    return [(b.kind, b.text) for b in article.blocks]


# -- per format ------------------------------------------------------------------
def test_txt_heuristics():
    source, [article] = parse("article.txt")
    assert kinds_texts(article) == [
        ("headline", "Mayor's plan wins final vote"),
        ("byline", "By Jane Doe"),
        ("body", "The council voted 7-2 on Tuesday to approve the the plan, which\nthe mayor had championed for months."),
        ("body", '"We did it," she said.'),
        ("caption", "The mayor arrives at at City Hall"),
    ]
    assert_exact(source, [article])


def test_txt_single_newline_paragraphs_and_short_caption():
    text = ("Storm hits coast\n\nThe storm hit on Monday.\nIt knocked out power.\n"
            "A fallen tree in Tampa\nOfficials said repairs would take days.\n")
    source, [article] = parse("x.txt", text)
    assert kinds_texts(article) == [
        ("headline", "Storm hits coast"), ("body", "The storm hit on Monday."), ("body", "It knocked out power."),
        ("caption", "A fallen tree in Tampa"), ("body", "Officials said repairs would take days."),
    ]


def test_txt_headline_then_byline_on_the_next_line():
    # no blank line after the headline: a byline on the next line still makes it one
    text = ("Jet brakes hard on Boise runway\nBy Karen Liu and Dan Ferrante\nA jet aborted its takeoff.\n"
            "Nobody was hurt.\n")
    source, [article] = parse("x.txt", text)
    assert kinds_texts(article) == [
        ("headline", "Jet brakes hard on Boise runway"), ("byline", "By Karen Liu and Dan Ferrante"),
        ("body", "A jet aborted its takeoff."), ("body", "Nobody was hurt."),
    ]
    # without the byline the first line is body (then a caption-like line is just body)
    _, [article] = parse("x.txt", "Jet brakes hard on Boise runway\nA jet aborted its takeoff.\n")
    assert article.blocks[0].kind == "body"


def test_markdown_blocks():
    source, [article] = parse("article.md")
    got = [(b.kind, b.text, b.blockquote) for b in article.blocks]
    assert got == [
        ("dek", "Council backs the mayor's budget after a long night", False),
        ("byline", "By Jane Doe", False),
        ("caption", "The mayor, left, arrives at at City Hall.", False),
        ("headline", "Mayor's plan wins final vote", False),
        ("body", "The council voted 7-2 on Tuesday to approve the the plan, which\n"
                 "the mayor had championed for months.", False),
        ("body", '"We did it," she said said.', True),
        ("body", "Taxes rise by 2%.", False),
        ("body", f"Parks get {PLACEHOLDER}.", False),
        ("caption", "Residents queue queue outside the hall.", False),
        ("body", "Read more & comment \u2019here\u2019.", False),
    ]
    assert article.settings == {"profile": "uk"}
    assert article.meta["slug"] == "mayor-plan"
    assert article.meta["headline"] == "Mayor\u2019s plan wins \"final\" vote"  # the # line won
    assert_exact(source, [article])


def test_markdown_front_matter_headline_escapes_map_into_the_scalar():
    text = '---\nheadline: "Caf\\u00e9 \\"owner\\" wins"\n---\n\nBody text here.\n'
    source, [article] = parse("x.md", text)
    head = article.blocks[0]
    assert (head.kind, head.text) == ("headline", 'Café "owner" wins')
    start, length = head.smap.span(0, len(head.text))
    assert source.text[start:start + length] == 'Caf\\u00e9 \\"owner\\" wins'
    assert source.text[head.smap.start(3):head.smap.end(4)] == "\\u00e9"
    assert_exact(source, [article])


def test_markdown_headline_from_front_matter_only_once():
    text = "---\ntitle: Same headline\n---\n# Same headline\n\nBody.\n"
    _, [article] = parse("x.md", text)
    assert [b.kind for b in article.blocks] == ["headline", "body"]
    assert article.headline.source_start == text.index("Same headline", 20)
    _, [article] = parse("x.md", "---\nheadline: Only here\n---\nBody.\n")
    assert kinds_texts(article) == [("headline", "Only here"), ("body", "Body.")]


def test_markdown_not_prose():
    text = ("Intro with `the the` code and <span>raw</span> tags <!-- note note --> here.\n\n"
            "    indented the the code\n\n~~~\nfenced the the\n~~~\n\n<div>\nblock the the\n</div>\n\n"
            "| a | b |\n|---|---|\n| the the | x |\n\n"
            "A [link text](https://the.the/x_y \"the the\") and snake_case_name and 5 * 3.\n\n"
            "## A subhead without punctuation\n\n***\n")
    source, [article] = parse("x.md", text)
    assert kinds_texts(article) == [
        ("body", f"Intro with {PLACEHOLDER} code and raw tags here."),
        ("body", "A link text and snake_case_name and 5 * 3."),
    ]
    assert_exact(source, [article])


def test_markdown_emphasis_removed_with_exact_map():
    text = "She said the **the** plan was _very_ good.\n"
    source, [article] = parse("x.md", text)
    block = article.blocks[0]
    assert block.text == "She said the the plan was very good."
    i = block.text.index("the the")
    start, length = block.smap.span(i, i + 7)
    assert source.text[start:start + length] == "the **the"
    assert_exact(source, [article])


def test_html_blocks():
    source, [article] = parse("article.html")
    got = [(b.kind, b.text, b.blockquote) for b in article.blocks]
    assert got == [
        ("headline", "Mayor\u2019s plan wins final vote", False),
        ("body", "The council voted 7-2 on Tuesday to approve the the plan, which the mayor had championed.", False),
        ("caption", "The mayor arrives at at City\u00a0Hall.", False),
        ("body", "\u201cWe did it,\u201d she said.", True),
        ("body", "Taxes rise & parks get money.", False),
        ("body", "An unclosed paragraph &bogus; ends here.", False),
    ]
    head = article.blocks[0]
    at = head.text.index("\u2019")
    assert source.text[head.smap.start(at):head.smap.end(at + 1)] == "&rsquo;"
    assert_exact(source, [article])


def test_html_prefers_the_main_article_and_falls_back_to_page():
    page = ("<html><body><p>Cookie notice text.</p><article><p>Short related card.</p></article>"
            "<article><h1>Real headline</h1><p>The real story has a much longer paragraph of text.</p>"
            "<h2>Subhead</h2><h3>Is this prose?</h3></article></body></html>")
    _, [article] = parse("x.html", page)
    assert kinds_texts(article) == [("headline", "Real headline"),
                                    ("body", "The real story has a much longer paragraph of text."),
                                    ("body", "Is this prose?")]
    _, [article] = parse("x.html", "<p>One.<p>Two.<div>Not a paragraph.</div>")
    assert kinds_texts(article) == [("body", "One."), ("body", "Two.")]


def test_html_deep_nesting_malformed_and_large():
    deep = "<div>" * 10000 + "<p>Deep &amp; deeper &#8220;x&rsquo; &#xZZ; &#99999999; y" + "</span>" * 50
    source, [article] = parse("x.html", deep)
    assert [b.text for b in article.blocks] == ["Deep & deeper \u201cx\u2019 &#xZZ; \ufffd y"]
    assert_exact(source, [article])
    source, [article] = parse("x.html", "<p>" + "<b>" * 10000 + "text</p>" + "</i>" * 100 + "<p>after")
    assert [b.text for b in article.blocks] == ["text", "after"]
    big = "<article>" + "".join(f"<p>Paragraph {i} says &ldquo;hi&rdquo;.</p>\n" for i in range(20000))
    started = time.process_time()
    source, [article] = parse("x.html", big)
    assert len(article.blocks) == 20000 and time.process_time() - started < 10
    assert article.blocks[-1].text == "Paragraph 19999 says \u201chi\u201d."


def test_json_blocks_and_escapes():
    source, [article] = parse("article.json")
    assert article.name == "story-1"
    assert article.meta == {"url": "https://example.com/story-1"}
    assert kinds_texts(article) == [
        ("headline", 'Café owner wins "final" case'),
        ("dek", "A long\tfight ends"),
        ("byline", "By Jane Doe"),
        ("body", "The court ruled on Tuesday that the the owner could stay."),
        ("body", "She said she was \u201crelieved.\u201d"),
        ("body", "Lawyers said they\nwould appeal."),
        ("caption", "The owner outside her her café."),
        ("caption", "Supporters cheer \U0001F600 outside."),
    ]
    emoji = article.blocks[-1]
    i = emoji.text.index("\U0001F600")
    assert source.text[emoji.smap.start(i):emoji.smap.end(i + 1)] == "\\ud83d\\ude00"
    assert_exact(source, [article])


def test_json_shapes_and_names():
    one = '{"headline": "A", "body": "B."}'
    for text, names in ((one, ["0"]), (f"[{one}, {one}]", ["0", "1"]), (f'{{"articles": [{one}]}}', ["0"]),
                        ('[{"id": 5, "body": "x."}]', ["5"]), ("  ", [])):
        _, articles = parse("x.json", text)
        assert [a.name for a in articles] == names


def test_json_custom_field_names():
    fields = dict(FIELD_NAMES, headline="title", body="content", captions="photos")
    text = '{"title": "Hed", "content": ["One.", "Two."], "photos": [{"caption": "Cap"}]}'
    _, [article] = parse("x.json", text, {"fields": fields})
    assert kinds_texts(article) == [("headline", "Hed"), ("body", "One."), ("body", "Two."), ("caption", "Cap")]


@pytest.mark.parametrize("text, message", [
    ('"just a string"', "expected a JSON object"),
    ("[1, 2]", "articles[0]: expected a JSON object for an article, got number".replace("articles", "")),
    ('{"headline": 3}', "field 'headline' must be a string, got number"),
    ('{"body": {"a": 1}}', "field 'body' must be a string or a list of strings"),
    ('{"body": ["ok", 7]}', "body[1] must be a string"),
    ('{"captions": [3]}', "captions[0] must be a string or an object"),
    ('{"headline": "x",}', "invalid JSON"),
    ('{"a": 1} {"b": 2}', "extra data"),
    ("[" * 100000, "invalid JSON"),
])
def test_json_errors_are_clear(text, message):
    with pytest.raises(SourceError, match=None) as info:
        parse("x.json", text)
    assert message in str(info.value)


def test_jsonl_records_names_and_bad_lines():
    source, articles = parse("articles.jsonl")
    assert [a.name for a in articles] == ["101", "1"]
    assert kinds_texts(articles[0]) == [("headline", "First story"), ("body", "Police said said the road was closed."),
                                        ("body", "It reopened later."), ("caption", "A police car car at the scene.")]
    assert kinds_texts(articles[1])[0] == ("headline", "Second \u201cstory\u201d")
    assert_exact(source, articles)
    errors: list = []
    text = '{"body": "Good one."}\n{bad json\n{"headline": 3}\n\n{"body": "Good two."}\n'
    source, articles = parse("x.jsonl", text, {"fields": FIELD_NAMES, "errors": errors})
    assert [(a.name, a.blocks[0].text) for a in articles] == [("0", "Good one."), ("3", "Good two.")]
    assert [e["where"] for e in errors] == ["line 2", "line 3"]
    assert all(e["type"] == "parse" and "skipped" in e["message"] for e in errors)
    with pytest.raises(SourceError, match="no usable JSON Lines record: line 1"):
        parse("x.jsonl", "{nope\n[1]\n")


def test_jsonl_is_fast_and_maps_big_bodies():
    body = "\n\n".join(f"Paragraph {i} says \u201cquoted\u201d words, caf\u00e9 and more." for i in range(20))
    line = json.dumps({"id": "a", "headline": "Hed", "body": body})
    text = "\n".join([line] * 5000) + "\n"
    started = time.process_time()
    source, articles = parse("x.jsonl", text)
    assert len(articles) == 5000 and time.process_time() - started < 20
    assert_exact(source, articles[-3:])
    last = articles[-1].blocks[-1]
    assert source.text[last.smap.start(0):last.smap.end(len(last.text))].startswith("Paragraph 19 says \\u201c")


# -- line endings, BOM, empty and undecodable input ---------------------------------
@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("name", ["article.txt", "article.md", "article.html"])
def test_crlf_and_lone_cr(name, newline):
    data = (INPUTS / name).read_text(encoding="utf-8").replace("\n", newline)
    source, articles = parse(name, data)
    _, plain = parse(name)
    assert [(b.kind, b.text.replace(newline, "\n")) for b in articles[0].blocks] == kinds_texts(plain[0])
    assert_exact(source, articles)


@pytest.mark.parametrize("name", ["article.txt", "article.md", "article.html", "article.json", "articles.jsonl"])
def test_bom_is_removed_and_offsets_stay_exact(name):
    raw = (INPUTS / name).read_bytes()
    source, articles = parse(name, b"\xef\xbb\xbf" + raw)
    assert source.bom and not source.text.startswith("\ufeff")
    _, plain = parse(name)
    assert [kinds_texts(a) for a in articles] == [kinds_texts(a) for a in plain]
    assert_exact(source, articles)


@pytest.mark.parametrize("ext", sorted(PARSERS))
def test_empty_files(ext):
    for text in ("", "\n\n", "   \r\n"):
        _, articles = parse("empty" + ext, text)
        assert all(not a.blocks for a in articles)


def test_undecodable_and_binary_sources():
    with pytest.raises(SourceError, match="not valid UTF-8"):
        decode(b"caf\xe9 au lait", "x.md")
    with pytest.raises(SourceError, match="binary"):
        decode(b"\x00\x01\x02" * 100, "x.html")


# -- findings land on the right characters -----------------------------------------
@pytest.fixture(scope="module")
def linter():
    return Linter(PluginHost(load_entry_points=False),
                  Config(packs=[str(PACK)], settings=Settings(select=("parsertest",))))


def _normal(text: str) -> str:
    return " ".join(html.unescape(text).replace("*", "").split())


@pytest.mark.parametrize("name, expected", [
    ("article.txt", {("body", "the the"), ("caption", "at at")}),
    ("article.md", {("body", "the the"), ("caption", "at at"), ("body", "said said"), ("caption", "queue queue")}),
    ("article.html", {("body", "the the"), ("caption", "at at")}),
    ("article.json", {("body", "the the"), ("caption", "her her")}),
    ("articles.jsonl", {("body", "said said"), ("caption", "car car"), ("body", "one one")}),
])
def test_findings_map_into_body_and_caption(linter, name, expected):
    source = read_source(str(INPUTS / name))
    result = linter.lint_source(source)
    assert result.error is None
    articles = linter.parse(source)
    got = set()
    for f in result.findings:
        assert f.match == source.text[f.offset:f.offset + f.length]
        block = next(b for a in articles for b in a.blocks
                     if b.smap.start(0) <= f.offset < b.smap.end(len(b.text)))
        got.add((block.kind, _normal(f.match)))
    assert got == expected


def test_stdin_with_filename_uses_that_format(tmp_path, cli):
    config = tmp_path / "newslint.yaml"
    config.write_text(f"packs: [{json.dumps(str(PACK))}]\nselect: [parsertest]\n", encoding="utf-8")
    for name in ("article.md", "article.html", "article.json", "article.txt"):
        data = (INPUTS / name).read_text(encoding="utf-8")
        proc = cli("-", "--stdin-filename", "x" + Path(name).suffix, "--config", config, "--format", "json",
                   "--no-plugins", input=data)
        assert proc.returncode == 1, proc.stderr
        report = json.loads(proc.stdout)
        [entry] = report["files"]
        assert entry["path"] == "x" + Path(name).suffix
        assert entry["findings"], name
        for f in entry["findings"]:
            assert data[f["offset"]:f["offset"] + f["length"]] == f["match"]
            assert f["rule"] == "parsertest.doubled"


def test_cli_bad_utf8_other_files_still_linted(tmp_path, cli):
    (tmp_path / "bad.txt").write_bytes(b"The the caf\xe9.\n")
    (tmp_path / "blob.md").write_bytes(b"\x00\x00\x00\x00binary" * 10)
    (tmp_path / "good.md").write_text("The mayor said said no.\n", encoding="utf-8")
    config = tmp_path / "newslint.yaml"
    config.write_text(f"packs: [{json.dumps(str(PACK))}]\nselect: [parsertest]\n", encoding="utf-8")
    proc = cli(tmp_path / "bad.txt", tmp_path / "blob.md", tmp_path / "good.md", "--config", config,
               "--format", "json", "--no-plugins")
    assert proc.returncode == 1
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert "not valid UTF-8" in files["bad.txt"]["error"]
    assert "binary" in files["blob.md"]["error"]
    assert [f["match"] for f in files["good.md"]["findings"]] == ["said said"]


# -- properties ------------------------------------------------------------------------
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

md_piece = st.sampled_from([
    "# ", "## ", "> ", "- ", "1. ", "**", "*", "_", "`", "```\n", "~~~", "    ", "\n", "\r\n", "\r", "\n\n",
    "[", "]", "(", ")", "![", "](u \"t\")", "<!--", "-->", "<b>", "</b>", "<br>", "&amp;", "&#8220;", "&bogus;",
    "\\*", "\\", "---\n", "===", "|", "|---|", "the", " the", "word", " ", "\t", "é", "\U0001F600", ".", "\"",
    "---\nheadline: \"a\\u00e9\"\ncaptions: ['x''y']\n---\n",
])
html_piece = st.sampled_from([
    "<p>", "</p>", "<h1>", "</h1>", "<h2>", "<blockquote>", "</blockquote>", "<figcaption>", "</figcaption>",
    "<article>", "</article>", "<div class=\"share\">", "<div>", "</div>", "<script>", "</script>", "<br>",
    "<br/>", "<b>", "</i>", "<!--", "-->", "<!DOCTYPE html>", "&amp;", "&#8220;", "&rsquo;", "&nbsp;", "&bogus;",
    "&#x", "&", "<", ">", "word", " the", "\n", "\r\n", "  ", "é", "\U0001F600", "<nav>", "<p class='byline'>",
    "<header>", "</header>", "<![CDATA[x]]>", "<?php ?>", "<a href='x'>", "</a>", "<img alt='a'>",
])


def _check_any(name: str, text: str):
    try:
        source, articles = parse(name, text)
    except SourceError:
        return
    assert_exact(source, articles)


@PROPERTY
@given(st.text())
def test_any_text_parses_with_exact_maps(text):
    for name in ("x.txt", "x.md", "x.html"):
        _check_any(name, text)


@PROPERTY
@given(st.lists(md_piece, max_size=40).map("".join))
def test_generated_markdown(text):
    _check_any("x.md", text)


@PROPERTY
@given(st.lists(html_piece, max_size=60).map("".join))
def test_generated_html(text):
    _check_any("x.html", text)


@PROPERTY
@given(st.dictionaries(st.sampled_from(["id", "headline", "dek", "byline", "body", "captions", "other"]),
                       st.one_of(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=3), st.integers()),
                       max_size=6),
       st.booleans())
def test_generated_json(obj, ascii_only):
    text = json.dumps(obj, ensure_ascii=ascii_only)
    try:
        source, articles = parse("x.json", text)
    except SourceError as exc:
        assert "must be" in str(exc)
        return
    assert_exact(source, articles)
    _, lines = parse("x.jsonl", text + "\n" + text + "\n")
    assert len(lines) == 2
