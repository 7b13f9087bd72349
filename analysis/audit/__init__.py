"""A report checked against itself (`checks`), and the audit's output formats (`formats`).
Imports `tables` and `language`."""
