"""The Daily Ledger's house style for newslint (an example plugin).

Installed, it registers through the ``newslint`` entry-point group as the
plugin ``ledger``: a YAML pack of house terms (``ledger.*``), the
``staff-title`` rule kind, a ``ledger-md`` reporter, and the newsroom's staff
list as known people for every article.
"""

__version__ = "1.0.0"
