"""The hook implementations newslint loads through the ``ledger`` entry point.

Each hook returns plain data; newslint owns the calling, caching and error
isolation. ``newslint_enrich_article`` takes only ``article`` although the
spec also passes ``config``: an implementation may declare fewer arguments.
"""

from __future__ import annotations

import os

import pluggy

from newslint_house_style import staff
from newslint_house_style.kinds import StaffTitle
from newslint_house_style.reporter import LedgerMarkdown

hookimpl = pluggy.HookimplMarker("newslint")

PACKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "packs")


@hookimpl
def newslint_rule_kinds():
    return [StaffTitle]


@hookimpl
def newslint_pack_paths():
    return [PACKS]


@hookimpl
def newslint_reporters():
    return {"ledger-md": LedgerMarkdown}


@hookimpl
def newslint_enrich_article(article):
    known = {getattr(p, "name", None) for p in article.people_extra}
    article.people_extra.extend(p for p in staff.known_people() if p.name not in known)
