"""Every question a command asks of a catalogue: the query interface, the in-memory index, the
SQLite store, and where stores live and when they are trusted."""
