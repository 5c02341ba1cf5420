"""The floor for start-up time: a one-command Typer app that prints a seven-row Rich table.

Same interpreter and packages as `careers`; `benchmarks/run.py` compares against it.
"""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()

ROWS = [
    ("social-media-manager", "Social Media Manager", "Plans and runs social media strategy."),
    ("social-media-marketing-specialist", "Marketing Specialist", "Runs paid campaigns."),
    ("digital-content-creator", "Digital Content Creator", "Creates texts, images and videos."),
    ("social-media-pr-manager", "PR Manager", "Builds the brand's image and reputation."),
    ("social-media-data-analyst", "Data Analyst", "Measures how campaigns perform."),
    ("influencer", "Influencer", "Promotes products to a large following."),
    ("online-community-manager", "Community Manager", "Builds and runs a brand community."),
]


@app.command()
def main() -> None:
    """Print the table."""
    table = Table("id", "title", "summary")
    for row in ROWS:
        table.add_row(*row)
    Console().print(table)


if __name__ == "__main__":
    app()
