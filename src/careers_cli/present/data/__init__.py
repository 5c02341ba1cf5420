"""The data of each command for JSON, CSV and Markdown, one module per command group."""
