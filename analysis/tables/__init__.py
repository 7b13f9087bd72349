"""The data package: its schema, loading and validation, the raw texts, the proof that every
number is accounted for, and the figures API. Imports only `language`."""
