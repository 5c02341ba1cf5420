"""Each command's Rich renderables, one module per command group, and the pieces they share."""
