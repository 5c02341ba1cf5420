"""The command line: Typer commands, help, options, the session and its error boundary, and
shell completion. No rule about careers lives here."""
