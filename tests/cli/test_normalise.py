"""`normalise`: the one form in which queries and catalogue text are compared."""

from __future__ import annotations

import json

from careers_cli.text.normalise import normalise
from tests.helpers import invoke, raw_catalogue


def career_names() -> list[str]:
    """Every name a career can be called by: id, English and Arabic title."""
    return [
        n for c in raw_catalogue()["careers"] for n in (c["id"], c["title"]["en"], c["title"]["ar"])
    ]


def skill_names() -> list[str]:
    """Every name a skill can be called by: id, labels and aliases in both languages."""
    return [
        name
        for s in raw_catalogue()["skills"]
        for name in (
            s["id"],
            s["label"]["en"],
            s["label"]["ar"],
            *s["aliases"]["en"],
            *s["aliases"]["ar"],
        )
    ]


def test_career_typo_with_tashkeel_resolves_through_the_fuzzy_matcher() -> None:
    query = "المُؤَثِّرر"  # "المؤثر" with diacritics and a doubled last letter
    wanted = normalise(query)
    # Neither a whole name nor the start of a word of one: only the typo path can find it ...
    names = [normalise(n) for n in career_names()]
    assert wanted not in names
    assert not any(word.startswith(w) for n in names for word in n.split() for w in wanted.split())
    # ... and only on normalised text: the raw query is no name, raw or normalised.
    assert query not in career_names()
    by_typo = invoke(["show", query])
    assert by_typo.exit_code == 0, by_typo.stderr
    assert by_typo.stdout == invoke(["show", "influencer"]).stdout
    run = invoke(["show", query, "-f", "json"])
    assert json.loads(run.stdout)["id"] == "influencer"


def test_skill_typo_with_tashkeel_resolves_through_the_fuzzy_matcher() -> None:
    query = "اَلتَّحْلِيْلل"  # "التحليل" (an alias of analytics) with diacritics and a typo
    wanted = normalise(query)
    terms = [normalise(n) for n in skill_names()]
    assert wanted not in terms
    assert not any(t.startswith(wanted) for term in terms for t in term.split())
    assert query not in skill_names()
    by_typo = invoke(["match", "-s", query, "-f", "json"])
    by_id = invoke(["match", "-s", "analytics", "-f", "json"])
    assert by_typo.exit_code == 0, by_typo.stderr
    ranked = [(r["id"], r["score"]) for r in json.loads(by_typo.stdout)]
    assert ranked == [(r["id"], r["score"]) for r in json.loads(by_id.stdout)]
    assert ranked[0][0] == "social-media-data-analyst"
