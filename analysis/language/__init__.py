"""How the reports write numbers and headings, and how this package writes them back in
Chinese or English. The bottom layer: it imports nothing else of the package."""
