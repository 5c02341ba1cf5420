"""The rules about careers: resolving names, ranking matches, career moves. No I/O, no Rich."""
