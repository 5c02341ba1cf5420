"""The first thing a user does: list the careers."""

from __future__ import annotations

from tests.conftest import SEVEN_IDS, invoke


def test_list_shows_the_seven_careers_in_catalogue_order() -> None:
    run = invoke(["list"])
    assert run.exit_code == 0, run.stderr
    first_words = [line.split()[0] for line in run.stdout.splitlines() if line[:1].isalpha()]
    assert first_words[1:] == SEVEN_IDS  # after the header row
    assert "Social Media Influencer" in run.stdout
    assert run.stderr == ""
