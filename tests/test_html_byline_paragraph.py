"""A paragraph that is the byline (<p class="article-byline">) is a byline block, not body copy:
its template spacing ("by Bob Yirka , Phys.org") is not the story's mechanics."""

from newslint.article.parsers.html import HTMLPageParser
from newslint.article.source import decode
from newslint.config import Config, Settings
from newslint.engine import Linter
from newslint.plugins.manager import PluginHost

PAGE = """<html><body><article>
<h1>Flint tool adds to evidence of Neanderthal thinking</h1>
<p class="article-byline text-low">
    by Bob Yirka                         , Phys.org
</p>
<figure><img src="x.jpg"><figcaption><p class="byline-credit">Skulls on display. Credit: Museum</p></figcaption></figure>
<p>A team of researchers has found evidence in a small cutting tool .</p>
</article></body></html>"""


def test_byline_paragraph_is_a_byline_block():
    [article] = HTMLPageParser().parse(decode(PAGE.encode("utf-8"), "page.html"), {})
    assert [b.kind for b in article.blocks] == ["headline", "byline", "caption", "body"]
    linter = Linter(PluginHost(load_entry_points=False), Config(), Settings())
    result = linter.lint_text(PAGE, "page.html")
    spaces = [f for f in result.findings if f.rule == "mechanics.space-before-punctuation"]
    # the body's stray space is reported; the byline's template space is not
    assert len(spaces) == 1 and PAGE[spaces[0].offset - 4:spaces[0].offset] == "tool"
