"""newslint: a rule-based editorial style linter for news copy.

The package is laid out the way a lint run flows:

- ``article/``   reading files and building the news document model
- ``packs/``     loading and validating YAML rule packs
- ``kinds/``     the generic rule kinds that packs configure
- ``news/``      news-aware rule kinds (titles, attributions, captions, ...)
- ``plugins/``   pluggy hookspecs, the plugin manager and the built-in plugin
- ``reporters/`` output formats
- ``engine.py``  article -> rules -> suppression -> sorted findings
- ``cli.py``     commands, options and exit codes
"""

__version__ = "0.1.0"
