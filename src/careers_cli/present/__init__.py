"""What the user sees: consoles, views (Rich renderables), data shapes for the machine formats,
width-fitting layout and the right-to-left visual mode. Never decides what matches."""
