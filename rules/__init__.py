"""The rule packs shipped with newslint (installed as ``newslint.rules``)."""
