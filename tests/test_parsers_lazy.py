"""Built-in parsers are imported on first use: the table that stands for them must match the modules."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from newslint.article import parsers as P
from newslint.article.model import Article
from newslint.article.source import decode

ROOT = Path(__file__).resolve().parent.parent


def test_the_table_is_what_the_modules_define():
    from newslint.registry import module_names

    found = []

    for name in module_names(P.__name__, P.__path__):
        module = importlib.import_module(f"{P.__name__}.{name}")
        for cls in P._parser_classes(module):
            found.append((name, cls.__name__, cls.name, tuple(cls.extensions)))
    assert found == list(P.BUILTIN)


def test_lazy_parsers_parse_as_the_real_ones():
    by_name = {p.name: p for p in P.builtin_parsers()}
    assert sorted(by_name) == sorted(entry[2] for entry in P.BUILTIN)
    for parser in by_name.values():
        assert isinstance(parser, P.LazyParser)
        real = parser.load()
        assert type(real).__name__ == dict((e[2], e[1]) for e in P.BUILTIN)[parser.name]
        assert hasattr(parser, "iter_parse") == hasattr(real, "iter_parse")
        assert parser.load() is real
    source = decode(b"Vote\n\nThe mayor said the vote would happen on Tuesday.\n", "a.txt")
    articles = by_name["text"].parse(source, {"fields": {}, "errors": []})
    assert all(isinstance(a, Article) for a in articles) and articles[0].blocks


def test_a_text_run_imports_no_other_parser(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said the vote would happen on Tuesday.\n", encoding="utf-8")
    code = """
        import sys
        from newslint.cli import main
        main(["a.txt"])
        names = ("newslint.article.parsers.html", "newslint.article.parsers.markdown",
                 "newslint.article.parsers.cms", "newslint.article.parsers.text", "json", "html")
        print(sorted(m for m in names if m in sys.modules))
    """
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "['newslint.article.parsers.text']"
