"""Bounds on what a query may be, in a module of their own: completion reads them without
importing the name lookups."""

# The longest career name or skill query taken, in characters as typed: as long as the longest
# title or label a catalogue may have. A longer query only costs normalising (NFKC can make it
# eighteen times longer) and fuzzy matching against every name: 128 KB of U+FDFA took over a
# minute on 1,000 careers.
QUERY_LIMIT = 200
