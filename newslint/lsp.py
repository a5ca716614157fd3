"""``newslint lsp``: a language server, so editors show findings as you type.

It lints the unsaved buffer (on open at once, on change after a short
debounce), using the config file found from the document's own folder, so
a newsroom's ``newslint.yaml`` applies in the editor as it does in CI.
Findings become diagnostics; fixable ones get quick fixes, plus a "fix all"
source action that runs the same multi-pass fixer as ``--fix``. Hovering a
diagnostic shows the rule's documentation (``newslint explain``).

newslint counts code points; LSP counts UTF-16 code units unless the client
offers another encoding, so every position is converted both ways here
(an emoji is one code point but two UTF-16 units). The server never writes
to disk: edits go back to the editor as workspace edits.

Built on pygls (the ``newslint[lsp]`` extra), imported only by this module.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.server import LanguageServer

from newslint import __version__
from newslint.article.source import Source
from newslint.commands import explain_text
from newslint.config import Config, ConfigError, Settings, find_config, load_config
from newslint.engine import Linter
from newslint.findings import Finding, Severity
from newslint.fixes import fix_source, minimal_edit, safe_for
from newslint.packs.model import PackError
from newslint.plugins.manager import PluginHost

#: seconds to wait after the last keystroke before linting
DEBOUNCE = 0.3
FIX_ALL_KIND = "source.fixAll.newslint"
SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
#: file extensions for buffers without a path (untitled), by LSP languageId
LANGUAGE_EXTENSIONS = {"markdown": ".md", "html": ".html", "json": ".json", "jsonl": ".jsonl",
                       "plaintext": ".txt", "text": ".txt"}

log = logging.getLogger("newslint.lsp")


# -- positions -----------------------------------------------------------------
def _units(text: str, encoding: str) -> int:
    """Length of ``text`` in the position encoding's units."""
    if encoding == lsp.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == lsp.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


class PositionMap:
    """Code-point offsets <-> LSP positions for one text."""

    def __init__(self, text: str, encoding: str = lsp.PositionEncodingKind.Utf16):
        self.source = Source(path="", text=text)
        self.text = text
        self.encoding = encoding

    def position(self, offset: int) -> lsp.Position:
        line, column = self.source.position(offset)
        start = self.source.line_starts[line - 1]
        return lsp.Position(line=line - 1, character=_units(self.text[start:start + column - 1], self.encoding))

    def range(self, offset: int, length: int) -> lsp.Range:
        return lsp.Range(start=self.position(offset), end=self.position(offset + length))

    def offset(self, position: lsp.Position) -> int:
        starts = self.source.line_starts
        if position.line >= len(starts):
            return len(self.text)
        start = starts[position.line]
        end = starts[position.line + 1] if position.line + 1 < len(starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        if self.encoding == lsp.PositionEncodingKind.Utf32:
            return start + min(position.character, len(line))
        units = 0
        for i, ch in enumerate(line):
            if units >= position.character:
                return start + i
            units += _units(ch, self.encoding)
        return start + len(line)


# -- server state ----------------------------------------------------------------
@dataclass
class DocumentState:
    uri: str
    version: int | None
    text: str
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[lsp.Diagnostic] = field(default_factory=list)
    linter: Linter | None = None
    display: str = ""
    positions: PositionMap | None = None


def uri_to_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and len(path) > 2 and path[2] == ":":
        path = path[1:]
    return path


class NewslintLanguageServer(LanguageServer):
    def __init__(self, cli: Settings | None = None, config_path: str | None = None, use_config: bool = True,
                 local_plugins: bool = True, load_entry_points: bool = True):
        super().__init__("newslint", __version__)
        self.cli = cli or Settings()
        self.config_path = config_path
        self.use_config = use_config
        self.local_plugins = local_plugins
        self.load_entry_points = load_entry_points
        self.documents: dict[str, DocumentState] = {}
        self._timers: dict[str, object] = {}
        #: config file -> (its mtime, linter, rules by id)
        self._linters: dict[str | None, tuple[float, Linter, dict]] = {}
        self._host: PluginHost | None = None

    # -- configuration ---------------------------------------------------------
    @property
    def host(self) -> PluginHost:
        if self._host is None:
            self._host = PluginHost(load_entry_points=self.load_entry_points)
        return self._host

    def config_for(self, path: str | None) -> str | None:
        if self.config_path:
            return self.config_path
        if not self.use_config:
            return None
        if path is None:
            root = self.workspace.root_path if self.workspace else None
            return find_config(root) if root else None
        return find_config(os.path.dirname(os.path.abspath(path)))

    def linter_for(self, path: str | None) -> tuple[Linter, dict]:
        """The linter for a document's folder; rebuilt when its config file changes."""
        config_file = self.config_for(path)
        try:
            mtime = os.stat(config_file).st_mtime_ns if config_file else 0
        except OSError:
            mtime = -1
        cached = self._linters.get(config_file)
        if cached is None or cached[0] != mtime:
            config = load_config(config_file) if config_file else Config()
            if not self.local_plugins:
                config.plugins = []
            linter = Linter(self.host, config, self.cli)
            rules = {r.id: r for r in linter.all_rules}
            cached = (mtime, linter, rules)
            self._linters[config_file] = cached
        return cached[1], cached[2]

    def encoding(self) -> str:
        caps = getattr(self.lsp, "server_capabilities", None)
        return (caps.position_encoding if caps is not None and caps.position_encoding else
                lsp.PositionEncodingKind.Utf16)

    # -- linting -----------------------------------------------------------------
    def lint(self, uri: str) -> DocumentState | None:
        self._timers.pop(uri, None)
        document = self.workspace.get_text_document(uri)
        if document is None:
            return None
        text = document.source
        path = uri_to_path(uri)
        display = path or ("untitled" + LANGUAGE_EXTENSIONS.get(document.language_id or "", ".txt"))
        state = DocumentState(uri, document.version, text, display=display,
                              positions=PositionMap(text, self.encoding()))
        try:
            linter, _ = self.linter_for(path)
        except (ConfigError, PackError) as exc:
            state.diagnostics = [lsp.Diagnostic(range=lsp.Range(start=lsp.Position(line=0, character=0),
                                                                 end=lsp.Position(line=0, character=0)),
                                                message=f"newslint cannot lint this file: {exc}",
                                                severity=lsp.DiagnosticSeverity.Error, source="newslint")]
            self.documents[uri] = state
            self.publish_diagnostics(uri, state.diagnostics, version=document.version)
            return state
        state.linter = linter
        result = linter.lint_source(Source(path=path or display, text=text), display)
        state.findings = result.findings
        state.diagnostics = [self.diagnostic(state, f) for f in result.findings]
        if result.error is not None:
            state.diagnostics.insert(0, lsp.Diagnostic(
                range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
                message=f"newslint cannot lint this file: {result.error}",
                severity=lsp.DiagnosticSeverity.Error, source="newslint"))
        self.documents[uri] = state
        self.publish_diagnostics(uri, state.diagnostics, version=document.version)
        return state

    def diagnostic(self, state: DocumentState, f: Finding) -> lsp.Diagnostic:
        data = {"rule": f.rule, "offset": f.offset, "length": f.length}
        if f.fix is not None:
            data["fix"] = f.fix.replacement
        return lsp.Diagnostic(range=state.positions.range(f.offset, f.length), message=f.message,
                              severity=SEVERITIES[f.severity], code=f.rule, source="newslint", data=data)

    def schedule(self, uri: str) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self._timers[uri] = self.loop.call_later(DEBOUNCE, self._lint_safely, uri)

    def _lint_safely(self, uri: str) -> None:
        try:
            self.lint(uri)
        except Exception:  # noqa: BLE001 - one bad buffer must not kill the server
            log.exception("linting %s failed", uri)

    def current(self, uri: str) -> DocumentState | None:
        """The state of the buffer as it is now (lints first if a debounce is pending)."""
        document = self.workspace.get_text_document(uri)
        state = self.documents.get(uri)
        if state is None or document is None or state.text != document.source:
            return self.lint(uri)
        return state

    # -- features ----------------------------------------------------------------
    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        state = self.current(params.text_document.uri)
        if state is None or not state.findings:
            return []
        only = params.context.only if params.context else None

        def wanted(kind: str) -> bool:
            return not only or any(kind == k or kind.startswith(k + ".") for k in only)

        pm = state.positions
        start, end = pm.offset(params.range.start), pm.offset(params.range.end)
        asked = {(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
                 for d in (params.context.diagnostics if params.context else [])}
        uri = state.uri
        actions = []
        safe = safe_for(os.path.splitext(state.display)[1])
        if wanted(lsp.CodeActionKind.QuickFix):
            for finding, diag in zip(state.findings, state.diagnostics[-len(state.findings):]):
                if finding.fix is None or not safe(finding.fix):
                    continue
                key = (diag.code, diag.range.start.line, diag.range.start.character, diag.range.end.line,
                       diag.range.end.character)
                overlaps = finding.offset <= end and start <= finding.offset + finding.length
                if key not in asked and not overlaps:
                    continue
                fix = finding.fix
                edit = lsp.TextEdit(range=pm.range(fix.offset, fix.length), new_text=fix.replacement)
                title = (f"Replace \"{finding.match}\" with \"{fix.replacement}\" ({finding.rule})" if fix.replacement
                         else f"Delete \"{finding.match}\" ({finding.rule})")
                actions.append(lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
                                              is_preferred=True,
                                              edit=lsp.WorkspaceEdit(changes={uri: [edit]})))
        fixable = sum(f.fix is not None for f in state.findings)
        if fixable and (wanted(FIX_ALL_KIND) or wanted(lsp.CodeActionKind.QuickFix)):
            edit = self.fix_all_edit(state)
            if edit is not None:
                actions.append(lsp.CodeAction(title="Fix all newslint findings in this file",
                                              kind=FIX_ALL_KIND, edit=lsp.WorkspaceEdit(changes={uri: [edit]})))
        return actions

    def fix_all_edit(self, state: DocumentState) -> lsp.TextEdit | None:
        if state.linter is None:
            return None
        path = uri_to_path(state.uri)
        outcome = fix_source(state.linter, Source(path=path or state.display, text=state.text), state.display)
        if outcome.text == state.text:
            return None
        start, end, replacement = minimal_edit(state.text, outcome.text)
        return lsp.TextEdit(range=state.positions.range(start, end - start), new_text=replacement)

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        state = self.current(params.text_document.uri)
        if state is None or state.linter is None:
            return None
        offset = state.positions.offset(params.position)
        hits = [f for f in state.findings if f.offset <= offset <= f.offset + f.length]
        if not hits:
            return None
        _, rules = self.linter_for(uri_to_path(state.uri))
        parts = []
        for rule_id in dict.fromkeys(f.rule for f in hits):
            messages = [f.message for f in hits if f.rule == rule_id]
            rule = rules.get(rule_id)
            doc = explain_text(rule) if rule is not None else rule_id
            parts.append(f"**{messages[0]}**\n\n```text\n{doc}\n```")
        first = min(hits, key=lambda f: f.length)
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                         range=state.positions.range(first.offset, first.length))


def build_server(**kwargs) -> NewslintLanguageServer:
    server = NewslintLanguageServer(**kwargs)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintLanguageServer, params: lsp.DidOpenTextDocumentParams):
        ls._lint_safely(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintLanguageServer, params: lsp.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintLanguageServer, params: lsp.DidSaveTextDocumentParams):
        ls._lint_safely(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintLanguageServer, params: lsp.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        timer = ls._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        ls.documents.pop(uri, None)
        ls.publish_diagnostics(uri, [])

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND],
                                          resolve_provider=False))
    def code_action(ls: NewslintLanguageServer, params: lsp.CodeActionParams):
        return ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintLanguageServer, params: lsp.HoverParams):
        return ls.hover(params)

    return server


def serve(cli: Settings | None = None, config_path: str | None = None, use_config: bool = True,
          local_plugins: bool = True, load_entry_points: bool = True) -> None:
    """Run the server over stdio until the client says exit."""
    server = build_server(cli=cli, config_path=config_path, use_config=use_config, local_plugins=local_plugins,
                          load_entry_points=load_entry_points)
    server.start_io()
