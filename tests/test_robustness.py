"""Robustness: property tests over Markdown, HTML and JSON Lines, the caches
behind the fast start, streaming, and what newslint must never do (open a
network connection, write from the language server).

Arbitrary plain text is covered by ``test_engine.test_any_text_lints_with_exact_spans``
and the parsers' maps by ``test_parsers``; here the whole pipeline runs on
generated documents of the other formats. ``NEWSLINT_FUZZ_EXAMPLES`` raises
the example budget (``.ci/run`` sets it for a longer fuzzing run).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.article.source import decode
from newslint.config import Config
from newslint.engine import Linter
from newslint.plugins.manager import PluginHost

FUZZ = settings(max_examples=int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_LINTER: Linter | None = None


def linter() -> Linter:
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter(PluginHost(load_entry_points=False), Config())
    return _LINTER


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column computed independently of ``Source.position`` (\\r\\n, \\r and \\n end lines)."""
    line, start, i = 1, 0, 0
    while i < offset:
        c = text[i]
        if c == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1
        if c in "\r\n" and i < offset:
            line, start = line + 1, i + 1
        i += 1
    return line, offset - start + 1


def check_document(text: str, name: str) -> None:
    """No exception; spans inside the text; line/column agree with offset; same output twice."""
    first = linter().lint_source(decode(text.encode("utf-8"), name))
    second = linter().lint_source(decode(text.encode("utf-8"), name))
    # a file-level error is fine when it is the input's fault (bad front matter, no JSON record),
    # never a parser crash
    assert first.error is None or not first.error.startswith("cannot parse"), first.error
    assert first.error == second.error
    assert [e for e in first.errors if e.get("type") in ("internal", "plugin", "timeout")] == []
    assert [f.to_dict() for f in first.findings] == [f.to_dict() for f in second.findings]
    for f in first.findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(text)
        assert f.match == text[f.offset:f.offset + f.length]
        assert (f.line, f.column) == _line_col(text, f.offset)
        assert (f.end_line, f.end_column) == _line_col(text, f.offset + f.length)
        if f.fix is not None:
            assert 0 <= f.fix.offset <= f.fix.offset + f.fix.length <= len(text)


# -- generated documents ----------------------------------------------------------------

_WORD = st.sampled_from(
    "The the mayor said Tuesday vote 5 percent 1,000 Mr. Smith Dr Jane Doe “quoted” 'single' "
    "— - , . ; : ! ? $3 million U.S. US secretary Secretary of State alright 2nd he she they "
    "é 😀 \u200b \u202e \u00a0 & &amp; &lt; < > * _ ` # [ ] ( ) | \\ \t".split(" ")
)
_LINE_END = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])
_SENTENCE = st.lists(_WORD, min_size=1, max_size=14).map(" ".join)

_MD_PREFIX = st.sampled_from(["", "# ", "## ", "> ", "- ", "* ", "1. ", "    ", "```\n", "---\n", "| ", "![", "[", "<!-- "])
_MD_SUFFIX = st.sampled_from(["", "*", "**", "_", "`", "](http://x.y)", " |", " -->", "\n===", "\n---", "  "])
MARKDOWN = st.one_of(
    st.lists(st.tuples(_MD_PREFIX, _SENTENCE, _MD_SUFFIX, _LINE_END).map("".join), max_size=12).map("".join),
    st.tuples(st.just("---\nheadline: "), _SENTENCE, st.just("\nnewslint:\n  profile: uk\n---\n"),
              st.lists(_SENTENCE, max_size=5).map("\n\n".join)).map("".join),
    st.text(alphabet=st.sampled_from(list("#>*-_`[]()!|:\\ \n\r\tab1.“”'\"<>&")), max_size=200),
)

_TAG = st.sampled_from(["p", "div", "h1", "h2", "figcaption", "figure", "blockquote", "article", "main",
                        "script", "style", "nav", "span", "b", "i", "a", "li", "ul", "table", "td", "br", "img"])


@st.composite
def html_documents(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 6))
        if kind <= 2 and depth < 6:
            tag = draw(_TAG)
            attrs = draw(st.sampled_from(["", ' class="caption"', ' id="x"', " hidden", ' alt="A &amp; B"']))
            inner = draw(html_documents(depth=depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag.upper()}>"]))
            parts.append(f"<{tag}{attrs}>{inner}{close}")
        elif kind == 3:
            parts.append(draw(st.sampled_from(["&amp;", "&nbsp;", "&#8220;", "&#x201D;", "&bogus;", "&", "<!-- c -->",
                                               "<![CDATA[x]]>", "<![0", "<!doctype html>", "<?xml ?>", "</p>", "<"])))
        else:
            parts.append(draw(_SENTENCE) + draw(_LINE_END))
    return "".join(parts)


@FUZZ
@given(text=MARKDOWN)
def test_any_markdown_lints_with_exact_spans(text):
    check_document(text, "fuzz.md")


@FUZZ
@given(text=st.one_of(html_documents(), st.text(alphabet=st.sampled_from(list("<>/!-&;#x pdiv“\"=\n\r")),
                                                max_size=200)))
def test_any_html_lints_with_exact_spans(text):
    check_document(text, "fuzz.html")


_JSON_VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), _SENTENCE, st.text(max_size=20)),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                         max_size=3), max_leaves=8)
_RECORD = st.fixed_dictionaries({"headline": st.one_of(_SENTENCE, _JSON_VALUE),
                                 "body": st.one_of(st.lists(_SENTENCE, max_size=4).map("\n\n".join), _JSON_VALUE)})
_JSONL_LINE = st.one_of(_RECORD.map(lambda r: json.dumps(r, ensure_ascii=False)), st.just("{broken"), st.just(""),
                        _JSON_VALUE.map(json.dumps))


@FUZZ
@given(lines=st.lists(_JSONL_LINE, max_size=6), end=_LINE_END)
def test_any_json_lines_file_lints_with_exact_spans(lines, end):
    check_document(end.join(lines), "fuzz.jsonl")


# -- JSON Lines streaming ----------------------------------------------------------------

def test_json_lines_articles_are_produced_one_at_a_time():
    lines = [json.dumps({"id": str(i), "headline": "Vote", "body": "The the mayor spoke."}) for i in range(3)]
    source = decode("\n".join(lines).encode(), "a.jsonl")
    stream = linter().iter_articles(source)
    assert not isinstance(stream, list)
    first = next(iter(stream))
    assert first.name is not None and first.blocks[0].text == "Vote"
    result = linter().lint_source(source)
    assert result.articles == 3 and [f.line for f in result.findings] == [1, 2, 3]


def test_json_lines_bad_records_are_skipped_and_a_file_of_only_bad_ones_is_an_error():
    good = json.dumps({"headline": "Vote", "body": "The the mayor spoke."})
    result = linter().lint_source(decode(f"{{oops\n{good}\n[1, 2]\n".encode(), "a.jsonl"))
    assert result.error is None and result.articles == 1 and len(result.findings) == 1
    assert [e["where"] for e in result.errors if e["type"] == "parse"] == ["line 1", "line 3"]
    bad = linter().lint_source(decode(b"{oops\n[1]\n", "b.jsonl"))
    assert bad.error is not None and "no usable JSON Lines record" in bad.error


# -- the caches ----------------------------------------------------------------------------

def _run_python(code: str, cache: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(cache))
    env.pop("NEWSLINT_NO_CACHE", None)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_regex_cache_gives_the_same_patterns_and_survives_corruption(tmp_path):
    cache = tmp_path / "cache"
    code = """
        import sys
        from newslint import cache
        assert cache.install()
        from newslint import rx as regex
        p = regex.compile(r"(?i)\\b(?:\\L<w>)(?P<tail>s?)\\b", w=["vote", "mayor"])
        q = regex.compile(r"(\\d+)-(\\d+)", regex.V1)
        compiler = "regex._regex_core" in sys.modules  # (the sub's template needs the module)
        print(p.findall("Votes and MAYOR and voter"), q.sub(r"\\2-\\1", "1-2 and 30-40"), p.groupindex)
        print(cache._state["new"], len(cache._state["entries"]), compiler)
    """
    first = _run_python(code, cache, tmp_path)
    assert first.returncode == 0, first.stderr
    files = list(cache.glob("regex-*.marshal"))
    assert len(files) == 1
    second = _run_python(code, cache, tmp_path)
    assert second.returncode == 0, second.stderr
    assert first.stdout.splitlines()[0] == second.stdout.splitlines()[0]
    assert second.stdout.splitlines()[1].startswith("0 ")  # nothing compiled anew: all from the cache
    # ... and built without importing the regex module's compiler
    assert first.stdout.splitlines()[1].endswith(" True") and second.stdout.splitlines()[1].endswith(" False")
    files[0].write_bytes(b"\x00garbage")
    third = _run_python(code, cache, tmp_path)
    assert third.returncode == 0, third.stderr
    assert third.stdout.splitlines()[0] == first.stdout.splitlines()[0]


def test_caches_never_fail_a_run_when_the_folder_cannot_be_written(cli, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    (tmp_path / "a.txt").write_text("The the mayor spoke.\n")
    proc = cli("--no-config", "--format", "json", "a.txt", cwd=tmp_path,
               env={"NEWSLINT_CACHE_DIR": str(blocker / "sub")})
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["files"][0]["findings"][0]["rule"] == "mechanics.doubled-word"
    assert proc.stderr == ""


def test_pack_cache_sees_an_edited_pack(cli, tmp_path):
    pack = tmp_path / "house.yaml"
    rule = """pack: house
rules:
  - id: house.word
    kind: existence
    message: "Avoid {match}."
    severity: warning
    options: {patterns: ['%s']}
"""
    pack.write_text(rule % "mayor")
    (tmp_path / "newslint.yaml").write_text("packs: [house.yaml]\nselect: [house]\n")
    (tmp_path / "a.txt").write_text("The mayor said the vote is on Tuesday.\n")
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    for word in ("mayor", "vote", "Tuesday"):
        pack.write_text(rule % word)  # same size for mayor/Tuesday-ish edits: the text decides, not mtime
        proc = cli("--format", "json", "a.txt", cwd=tmp_path, env=env)
        found = json.loads(proc.stdout)["files"][0]["findings"]
        assert [f["match"] for f in found] == [word], proc.stderr
    assert list((tmp_path / "cache" / "yaml").glob("*.marshal"))
    pack.write_text(rule.replace("options", "options: [") % "x")  # now broken: the error names the line
    proc = cli("--format", "json", "a.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 2 and "house.yaml" in proc.stderr


def test_parsed_yaml_round_trips_through_the_cache(tmp_path, monkeypatch):
    from newslint.packs import yamlsource

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    text = "a: 1\nb:\n  - x\n  - {c: null, d: 2.5, e: true}\n'f': 'g'\n"
    parsed = yamlsource.load_yaml(text, cache_as=str(tmp_path / "p.yaml"))
    cached = yamlsource.load_yaml(text, cache_as=str(tmp_path / "p.yaml"))
    assert cached == parsed
    assert (cached.line, cached.key_lines) == (parsed.line, parsed.key_lines) == (1, {"a": 1, "b": 2, "f": 5})
    assert cached["b"].item_lines == [3, 4] and cached["b"][1].line_of("d") == 4
    dated = yamlsource.load_yaml("when: 2024-01-02\n", cache_as=str(tmp_path / "d.yaml"))
    assert str(dated["when"]) == "2024-01-02"  # dates cannot be cached: parsed each time, never wrong


# -- never the network ---------------------------------------------------------------------

def test_newslint_never_opens_a_network_connection(tmp_path):
    (tmp_path / "a.md").write_text("# Vote\n\nThe the mayor said “the vote is on Tuesday,” he said.\n")
    (tmp_path / "b.html").write_text("<p>The mayor said <a href='http://example.com/'>this</a>.</p>")
    (tmp_path / "c.jsonl").write_text(json.dumps({"headline": "Vote", "body": "Officials said 5 percent."}) + "\n")
    code = """
        import socket, sys
        events = []
        def hook(event, args):
            if event.startswith(("socket.", "urllib.Request", "http.client")):
                events.append(event)
                raise RuntimeError("network access: " + event)
        sys.addaudithook(hook)
        from newslint.cli import main
        codes = [main(["--format", "json:out.json", "--format", "sarif:out.sarif", "--format", "junit:out.xml",
                       "a.md", "b.html", "c.jsonl"]), main(["rules"]), main(["cast", "a.md"])]
        print(codes, events)
    """
    proc = _run_python(code, tmp_path / "cache", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[1, 0, 0] []"


# -- the language server writes nothing ------------------------------------------------------

def test_language_server_writes_no_file(tmp_path, monkeypatch):
    pytest.importorskip("pygls")
    from test_lsp import Client

    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    folder = tmp_path / "docs"
    folder.mkdir()
    draft = folder / "draft.txt"
    draft.write_text("The the mayor said.\n")
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    client = Client(folder)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(), "capabilities": {}})
        client.send("initialized", {}, request=False)
        uri = draft.as_uri()
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                              "text": "The the mayor said.\n"}}, request=False)
        assert any(d["code"] == "mechanics.doubled-word" for d in client.diagnostics(uri, 1))
    finally:
        client.close()
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    assert after == before  # no document, no cache, nothing at all written
