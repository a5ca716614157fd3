"""Maintainer tools that run newslint over many articles (``python -m newslint.tools.<name>``)."""
