"""The commands, one module per group: each parses its options, opens a session, asks the rules
and the index, and prints through the views. `app.main` registers them in the order help shows."""
