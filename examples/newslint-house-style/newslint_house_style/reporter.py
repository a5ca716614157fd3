"""``--format ledger-md``: a short Markdown summary an editor pastes into a ticket.

A headline with the counts, then one bullet per finding grouped by file
(at most ``MAX_PER_FILE`` each, the rest counted), then any run problems
(crashed plugins) so a ticket never hides them. Messages are escaped so
that a quotation mark or an asterisk in copy cannot break the Markdown.
"""

from __future__ import annotations

import regex

from newslint.reporters.base import Reporter

MAX_PER_FILE = 15
_MARKDOWN_SPECIAL = regex.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Markdown-safe inline text (one line)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


class LedgerMarkdown(Reporter):
    name = "ledger-md"

    def start(self) -> None:
        self.sections: list[str] = []

    def file(self, result) -> None:
        if result.error is not None:
            self.sections.append(f"**{escape(result.path)}**: could not be checked ({escape(result.error)})\n")
            return
        if not result.findings:
            return
        lines = [f"**{escape(result.path)}** ({_plural(len(result.findings), 'finding')})", ""]
        for finding in result.findings[:MAX_PER_FILE]:
            fix = f" → _{escape(finding.fix.replacement)}_" if finding.fix is not None and finding.fix.replacement \
                else ""
            lines.append(f"- [ ] line {finding.line}: {escape(finding.message)}{fix} "
                         f"(`{finding.rule}`, {finding.severity})")
        hidden = len(result.findings) - MAX_PER_FILE
        if hidden > 0:
            lines.append(f"- … and {_plural(hidden, 'more finding')}")
        self.sections.append("\n".join(lines) + "\n")

    def finish(self, summary) -> None:
        counts = summary.counts
        head = (f"### Style check: {_plural(summary.findings, 'finding')} in {_plural(summary.files, 'file')}"
                f" ({_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')},"
                f" {_plural(counts['info'], 'note')})")
        out = [head, ""]
        if summary.fixable:
            out += [f"{summary.fixable} can be fixed with `newslint --fix`.", ""]
        out += self.sections or ["No style problems found.\n"]
        if summary.errors:
            out.append("**Run problems** (the check may be incomplete):\n")
            for error in summary.errors:
                data = error if isinstance(error, dict) else error.to_dict()
                who = f"plugin `{data['plugin']}`: " if data.get("plugin") else ""
                out.append(f"- {who}{escape(data.get('message', ''))}")
            out.append("")
        self.stream.write("\n".join(out).rstrip("\n") + "\n")
