"""Catalogues: the file format, validation, reading, the run-time records, and importers."""
