"""The inspection commands: ``rules``, ``explain``, ``cast`` and ``plugins``."""

from __future__ import annotations

import argparse
import json
import sys

from newslint.cli import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, HelpFormatter, _common, _die, make_session


def _parser(name: str, description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"newslint {name}", description=description,
                                formatter_class=HelpFormatter)
    _common(p)
    return p


def _linter(args, path="."):
    from newslint.config import ConfigError
    from newslint.packs.model import PackError

    try:
        session = make_session(args)
        return session.linter(session.config_file_for(path))
    except (ConfigError, PackError) as exc:
        _die(str(exc))
        return None


def cmd_rules(argv) -> int:
    p = _parser("rules", "List every rule: id, pack, severity, fixable, description.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--all", action="store_true", help="include rules the config or profile turns off")
    args = p.parse_args(argv)
    args.select = args.ignore = None
    linter = _linter(args)
    if linter is None:
        return EXIT_USAGE
    active = {r.id for r in linter.rules_for(linter._settings(linter.config.settings))}
    rules = [r for r in linter.all_rules if args.all or r.id in active]
    if args.format == "json":
        json.dump([{"id": r.id, "pack": r.pack, "kind": r.kind, "severity": str(r.severity), "scope": r.scope,
                    "fixable": r.fixable, "enabled": r.id in active, "description": r.summary} for r in rules],
                  sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    width = max((len(r.id) for r in rules), default=10)
    print(f"{'RULE':<{width}}  {'SEVERITY':<8}  FIX  DESCRIPTION")
    for r in sorted(rules, key=lambda r: r.id):
        off = "" if r.id in active else " (off)"
        print(f"{r.id:<{width}}  {str(r.severity):<8}  {'yes' if r.fixable else 'no ':<3}  {r.summary}{off}")
    print(f"\n{len(rules)} rules in {len({r.pack for r in rules})} packs")
    return EXIT_OK


def explain_text(rule) -> str:
    lines = [rule.id, "=" * len(rule.id), ""]
    lines.append(f"pack: {rule.pack}    kind: {rule.kind}    severity: {rule.severity}    scope: {rule.scope}")
    lines.append(f"looks inside quotations: {'yes' if rule.quotes else 'no'}    "
                 f"fixable: {'yes' if rule.fixable else 'no'}")
    lines.append("")
    lines.append(rule.doc.strip() if rule.doc.strip() else f"(no doc) {rule.message}")
    if rule.examples:
        lines.append("")
        lines.append("Examples:")
        for ex in rule.examples:
            if "wrong" in ex:
                lines.append(f"  wrong: {ex['wrong']}")
            if "fixed" in ex:
                lines.append(f"  fixed: {ex['fixed']}")
            if "right" in ex:
                lines.append(f"  right: {ex['right']}")
    lines.append("")
    lines.append(f"defined in: {rule.path}:{rule.line}")
    return "\n".join(lines)


def cmd_explain(argv) -> int:
    p = _parser("explain", "Print a rule's documentation.")
    p.add_argument("rule", help="a rule id such as mechanics.doubled-word")
    args = p.parse_args(argv)
    args.select = args.ignore = None
    linter = _linter(args)
    if linter is None:
        return EXIT_USAGE
    rules = linter.all_rules.rules
    rule = rules.get(args.rule)
    if rule is None:
        close = [r for r in rules if args.rule in r]
        hint = f" (did you mean: {', '.join(sorted(close)[:5])}?)" if close else ""
        return _die(f"unknown rule {args.rule!r}{hint}")
    print(explain_text(rule))
    return EXIT_OK


def cmd_cast(argv) -> int:
    from newslint.article.source import SourceError, read_source

    p = _parser("cast", "Show the people in an article: titles, first reference, mentions, pronouns.")
    p.add_argument("file")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    args.select = args.ignore = None
    linter = _linter(args, args.file)
    if linter is None:
        return EXIT_USAGE
    try:
        source = read_source(args.file)
    except SourceError as exc:
        return _die(f"{args.file}: {exc}", 1)
    from newslint.article.cast import render_cast

    articles = linter.parse(source)
    for article in articles:
        linter.host.call("newslint_enrich_article", article=article, config=linter.config)
    if args.format == "json":
        data = [{"article": a.name, **a.analysis.cast.to_dict(a)} for a in articles]
        json.dump(data if len(data) != 1 else {"path": args.file, **data[0]}, sys.stdout, indent=2,
                  ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for article in articles:
            if article.name is not None:
                print(f"# {article.name}")
            print(render_cast(article))
    return EXIT_INTERNAL if linter.host.errors else EXIT_OK


def cmd_plugins(argv) -> int:
    p = _parser("plugins", "List loaded plugins and what each registers.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    args.select = args.ignore = None
    linter = _linter(args)
    if linter is None:
        return EXIT_USAGE
    plugins = linter.host.describe()
    if args.format == "json":
        json.dump({"plugins": plugins, "disabled": linter.host.skipped,
                   "errors": [e.to_dict() for e in linter.host.errors]}, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        for plugin in plugins:
            origin = f" ({plugin['origin']})" if plugin.get("origin") else ""
            print(f"{plugin['name']} {plugin['version']}".rstrip() + origin)
            for key in ("kinds", "packs", "parsers", "reporters"):
                if plugin[key]:
                    print(f"  {key}: {', '.join(map(str, plugin[key]))}")
        if linter.host.skipped:
            print(f"disabled: {', '.join(linter.host.skipped)}")
    for error in linter.host.errors:
        sys.stderr.write(f"newslint: {error}\n{error.traceback}")
    return EXIT_INTERNAL if linter.host.errors else EXIT_OK


def cmd_lsp(argv) -> int:
    p = _parser("lsp", "Run the language server over stdio (needs the lsp extra: pip install 'newslint[lsp]').")
    p.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default and only transport)")
    args = p.parse_args(argv)
    try:
        import pygls  # noqa: F401
    except ImportError:
        return _die("the language server needs pygls: pip install 'newslint[lsp]'")
    from newslint.config import Settings
    from newslint.lsp import serve

    serve(cli=Settings(profile=args.profile), config_path=args.config, use_config=not args.no_config,
          local_plugins=not args.no_plugins, load_entry_points=not args.no_plugins)
    return EXIT_OK
