"""Text rules that know nothing about careers: languages, search normalisation, sentences,
terminal safety and right-to-left order."""
