"""Layout that Rich does not do by itself: renderables that pick the arrangement that fits the
width they are given, tables drawn a chunk of rows at a time, views as plain text where output
has no colour, and the right-to-left visual mode."""
