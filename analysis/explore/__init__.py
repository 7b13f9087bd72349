"""Exploring a report as a reader does: search of the whole text and of every table
(`search`), a figure in its context (`context`), and the explorer's selections behind its
controls (`explorer`, with the controls themselves in `app`). The top layer: it may import
every other."""
