"""`careers browse`: the full-screen app (Textual, imported only by that command)."""
