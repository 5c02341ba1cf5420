"""Quality of `careers next` against the occupations experts call related, with baselines.

    python benchmarks/next_quality.py RELEASE [--catalogue PATH] [--truth PATH] [--seed 0]
                                      [--show CAREER ...]

RELEASE is the folder of the ESCO release kept for tests and benchmarks: `esco-release.tar.xz`
(ESCO's CSV files) and `next-truth-dev.json.xz` (for each query occupation, by ESCO URI, the
occupations O*NET's expert-reviewed "Related Occupations" name for it, in three tiers, and
`same_code`: the near-synonyms sharing its O*NET code). The archive is unpacked in a temporary
folder and imported in this process as `careers import esco` imports it; --catalogue takes a
catalogue imported already (`careers import esco FOLDER -o PATH`) instead. --truth names
another truth file of the same shape (the held-out half, say). Nothing is downloaded.

Each query occupation is the career whose ESCO occupation has its URI. Every method ranks all
the other careers; the query's same_code careers, neither right nor wrong, are taken out of
the ranking before it is cut at 10 (the release README's figures count them as misses
instead, which takes about 0.1 off P@10). Methods:

  next              the program's ranking: `rules.moves.nearest_page` over a `MemoryIndex`
  random            a random order, seeded by --seed and the query's id
  same ISCO unit    the careers of the query's ISCO-08 unit group, then the others (each part
                    in a random order, seeded as above)
  Jaccard ess.      |A & B| / |A | B| of the essential skill sets
  Jaccard all       the same of all the skills
  TF-IDF skills     cosine of the skill vectors, a skill weighing ln(N / careers needing it)
  next + words     `next`'s closeness (skills and ISCO-08 groups, `BlendRanker`) plus the
                    cosine of the words of the titles and descriptions: not adopted, it adds
                    0.01 on this truth for reading every career's text

Equal scores are in catalogue order (by id); careers a method scores nothing follow, also in
catalogue order. P@10: the share of the first 10 that the truth relates in any tier. nDCG@10:
gains 3, 2, 1 for Primary-Short, Primary-Long and Supplemental, discount log2(rank + 1), over
the ideal DCG of the truth's own gains (same_code left out). Both are means over the queries;
time is what a method takes to build what it needs and rank every query. The run is
deterministic and takes about a minute and a half on one core, most of it `next`'s. --show
prints the first 10 careers of `next` and of the proposed blend for the careers named (by id
or English title) instead. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import heapq
import json
import lzma
import math
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from careers_cli.catalogue.domain import Career, Catalogue, catalogue_from_data
from careers_cli.catalogue.esco import import_esco
from careers_cli.catalogue.reading import CatalogueSource, load_catalogue
from careers_cli.index.memory import MemoryIndex
from careers_cli.index.query import career_isco
from careers_cli.rules.moves import nearest_page
from careers_cli.rules.search import OPTIONAL_WEIGHT

ARCHIVE = "esco-release.tar.xz"
TRUTH = "next-truth-dev.json.xz"
CUT = 10
GAINS = {"Primary-Short": 3, "Primary-Long": 2, "Supplemental": 1}
_WORD = re.compile(r"[a-z0-9]+")


# --- the release ---------------------------------------------------------------------------


def load_release(release: Path, catalogue: Path | None) -> Catalogue:
    """The catalogue given, or the release's archive unpacked and imported."""
    if catalogue is not None:
        return load_catalogue(CatalogueSource(catalogue, bundled=False))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script too
    from benchmarks.relevance import unpack

    with tempfile.TemporaryDirectory(prefix="esco-release-") as folder:
        unpack(release / ARCHIVE, Path(folder))
        source = next(Path(folder).rglob("occupations_en.csv")).parent
        return catalogue_from_data(import_esco(source).data)


class Query(NamedTuple):
    """A query career, and what the truth says of the others (by position in the catalogue)."""

    position: int
    gains: dict[int, int]
    """The related careers, each with the gain of its (highest) tier; same_code ones left out."""
    same_code: frozenset[int]


def load_truth(path: Path, careers: Sequence[Career]) -> tuple[list[Query], int]:
    """The queries of the truth found in the catalogue (by ESCO URI), and how many it has."""
    data = json.loads(lzma.decompress(path.read_bytes()))
    at_uri = {o.uri: at for at, career in enumerate(careers) for o in career.occupations}
    queries = []
    for uri, truth in data["queries"].items():
        if uri not in at_uri:
            continue
        same = frozenset(at_uri[u] for u in truth.get("same_code", ()) if u in at_uri)
        gains: dict[int, int] = {}
        for tier, uris in truth["related"].items():
            for at in (at_uri[u] for u in uris if u in at_uri):
                if at not in same:
                    gains[at] = max(gains.get(at, 0), GAINS[tier])
        if gains:
            queries.append(Query(at_uri[uri], gains, same))
    return sorted(queries, key=lambda query: query.position), len(data["queries"])


# --- what the baselines read -----------------------------------------------------------------


class Profiles:
    """The careers of the catalogue as the baselines read them, by position (catalogue order)."""

    def __init__(self, careers: Sequence[Career]) -> None:
        self.careers = careers
        self.count = len(careers)
        self.essential = [tuple(sorted(set(c.skill_ids) - c.optional_skills)) for c in careers]
        self.optional = [tuple(sorted(set(c.skill_ids) & c.optional_skills)) for c in careers]
        self.skills = [tuple(sorted(c.skill_ids)) for c in careers]
        self.isco = [career_isco(c) for c in careers]
        self.needing = _postings(self.skills)
        self.needing_essential = _postings(self.essential)

    def idf(self, postings: Mapping[str, Sequence[int]]) -> dict[str, float]:
        """ln(N / n) for each key of `postings`, n the careers it lists."""
        return {key: math.log(self.count / len(at)) for key, at in postings.items()}


def _postings(keys_of: Sequence[Iterable[str]]) -> dict[str, list[int]]:
    """For each key, the positions that have it, in order."""
    postings: dict[str, list[int]] = {}
    for at, keys in enumerate(keys_of):
        for key in keys:
            postings.setdefault(key, []).append(at)
    return postings


Ranker = Callable[[int, Collection[int], int], list[int]]
"""A query's position, the positions to leave out, how many: the first careers, best first."""


def top(scores: Mapping[int, float], leave_out: Collection[int], k: int, count: int) -> list[int]:
    """The `k` best of `scores` (equal scores in catalogue order) that are not left out,
    followed, where fewer score, by the other careers in catalogue order."""
    kept = ((at, score) for at, score in scores.items() if at not in leave_out)
    best = [at for at, _ in heapq.nsmallest(k, kept, key=lambda item: (-item[1], item[0]))]
    if len(best) < k:
        chosen = set(best)
        rest = (at for at in range(count) if at not in chosen and at not in leave_out)
        best.extend(islice(rest, k - len(best)))
    return best


def _query_rng(seed: int, profiles: Profiles, query: int) -> random.Random:
    return random.Random(f"{seed}:{profiles.careers[query].id}")


def random_ranker(profiles: Profiles, seed: int) -> Ranker:
    def rank(query: int, leave_out: Collection[int], k: int) -> list[int]:
        drawn = _query_rng(seed, profiles, query).sample(range(profiles.count), profiles.count)
        return [at for at in drawn if at != query and at not in leave_out][:k]

    return rank


def isco_ranker(profiles: Profiles, seed: int) -> Ranker:
    groups = _postings([[isco] for isco in profiles.isco])

    def rank(query: int, leave_out: Collection[int], k: int) -> list[int]:
        rng = _query_rng(seed, profiles, query)
        group = groups[profiles.isco[query]]
        first = rng.sample(group, len(group))
        others = rng.sample(range(profiles.count), profiles.count)
        ranked = [at for at in (*first, *others) if at != query and at not in leave_out]
        return list(dict.fromkeys(ranked))[:k]

    return rank


def jaccard_ranker(profiles: Profiles, *, essential_only: bool) -> Ranker:
    sets = profiles.essential if essential_only else profiles.skills
    needing = profiles.needing_essential if essential_only else profiles.needing

    def rank(query: int, leave_out: Collection[int], k: int) -> list[int]:
        shared: dict[int, int] = {}
        for skill in sets[query]:
            for at in needing[skill]:
                shared[at] = shared.get(at, 0) + 1
        size = len(sets[query])
        scores = {at: n / (size + len(sets[at]) - n) for at, n in shared.items() if at != query}
        return top(scores, leave_out, k, profiles.count)

    return rank


def cosine_scores(
    query: int,
    weights: Sequence[Mapping[str, float]],
    postings: Mapping[str, Sequence[int]],
    norms: Sequence[float],
) -> dict[int, float]:
    """The cosine of the query's weighted keys with every career sharing one."""
    dot: dict[int, float] = {}
    for key, weight in weights[query].items():
        for at in postings[key]:
            dot[at] = dot.get(at, 0.0) + weight * weights[at][key]
    dot.pop(query, None)
    return {at: value / (norms[query] * norms[at]) for at, value in dot.items() if value}


def norms_of(weights: Sequence[Mapping[str, float]]) -> list[float]:
    return [math.sqrt(sum(w * w for w in vector.values())) or 1.0 for vector in weights]


def tfidf_ranker(profiles: Profiles) -> Ranker:
    idf = profiles.idf(profiles.needing)
    weights = [{s: idf[s] for s in skills} for skills in profiles.skills]
    norms = norms_of(weights)

    def rank(query: int, leave_out: Collection[int], k: int) -> list[int]:
        scores = cosine_scores(query, weights, profiles.needing, norms)
        return top(scores, leave_out, k, profiles.count)

    return rank


class BlendRanker:
    """The proposed ranking of the careers near a source S: for each target T,

        score = cos_skills(S, T) + WORDS * cos_words(S, T) + ISCO * shared_isco_levels(S, T)

    cos_skills: cosine of the skill vectors, an essential skill weighing 1 and an optional one
        OPTIONAL_WEIGHT (1/2), as in `match`; no idf (weighing rare skills more did not help).
    cos_words: cosine of the words (runs of lower-case letters and digits) of the English
        title, alternative titles and description, each word there once, weighing its idf
        ln(N / careers whose text has it).
    shared_isco_levels: 0 to 3, one for each of the ISCO-08 sub-major group (2 digits), minor
        group (3) and unit group (4) that S and T share.

    WORDS = 1 (skills and words count alike) and ISCO = 0.1 per level: round values, those a
    2-fold split of the dev truth picks on either half (or words 0.75), with the gain holding
    on the half left out.
    """

    WORDS = 1.0
    ISCO = 0.1
    LEVELS = (2, 3, 4)

    def __init__(self, profiles: Profiles) -> None:
        self.profiles = profiles
        self.skills = [
            {
                **dict.fromkeys(profiles.optional[at], OPTIONAL_WEIGHT),
                **dict.fromkeys(profiles.essential[at], 1.0),
            }
            for at in range(profiles.count)
        ]
        self.skill_norms = norms_of(self.skills)
        texts = [_words(career) for career in profiles.careers]
        self.having_word = _postings(texts)
        idf = profiles.idf(self.having_word)
        self.words = [{w: idf[w] for w in words} for words in texts]
        self.word_norms = norms_of(self.words)
        self.groups = {
            digits: _postings([[isco[:digits]] if isco else [] for isco in profiles.isco])
            for digits in self.LEVELS
        }

    def scores(self, query: int) -> dict[int, float]:
        p = self.profiles
        scores = cosine_scores(query, self.skills, p.needing, self.skill_norms)
        words = cosine_scores(query, self.words, self.having_word, self.word_norms)
        for at, value in words.items():
            scores[at] = scores.get(at, 0.0) + self.WORDS * value
        isco = p.isco[query]
        for digits in self.LEVELS if isco else ():
            for at in self.groups[digits][isco[:digits]]:
                if at != query:
                    scores[at] = scores.get(at, 0.0) + self.ISCO
        return scores

    def __call__(self, query: int, leave_out: Collection[int], k: int) -> list[int]:
        return top(self.scores(query), leave_out, k, self.profiles.count)


def _words(career: Career) -> tuple[str, ...]:
    text = " ".join((career.title.en, *career.alt_titles.en, career.description.en))
    return tuple(sorted(set(_WORD.findall(text.lower()))))


def next_ranker(index: MemoryIndex, profiles: Profiles) -> Ranker:
    """`careers next` as the program ranks (careers sharing no skill follow, by id)."""

    at_id = {career.id: at for at, career in enumerate(profiles.careers)}

    def rank(query: int, leave_out: Collection[int], k: int) -> list[int]:
        page = nearest_page(index, profiles.careers[query], k + len(leave_out))
        ranked = {at_id[n.career.id]: -float(i) for i, n in enumerate(page.items)}
        return top(ranked, leave_out, k, profiles.count)

    return rank


# --- measuring -------------------------------------------------------------------------------


class Result(NamedTuple):
    method: str
    precision: list[float]
    ndcg: list[float]
    seconds: float

    @property
    def mean_precision(self) -> float:
        return sum(self.precision) / len(self.precision)

    @property
    def mean_ndcg(self) -> float:
        return sum(self.ndcg) / len(self.ndcg)


def dcg(gains: Iterable[float]) -> float:
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def measure(method: str, build: Callable[[], Ranker], queries: Sequence[Query]) -> Result:
    """P@10 and nDCG@10 of each query, and the time to build the ranker and rank them all."""
    start = time.perf_counter()
    rank = build()
    precision, ndcg = [], []
    for query in queries:
        first = rank(query.position, query.same_code | {query.position}, CUT)
        gains = [query.gains.get(at, 0) for at in first]
        precision.append(sum(1 for gain in gains if gain) / CUT)
        ideal = dcg(sorted(query.gains.values(), reverse=True)[:CUT])
        ndcg.append(dcg(gains) / ideal)
    return Result(method, precision, ndcg, time.perf_counter() - start)


def methods(
    index: MemoryIndex, profiles: Profiles, seed: int
) -> list[tuple[str, Callable[[], Ranker]]]:
    return [
        ("next (this program)", lambda: next_ranker(index, profiles)),
        (f"random (seed {seed})", lambda: random_ranker(profiles, seed)),
        ("same ISCO unit group", lambda: isco_ranker(profiles, seed)),
        ("Jaccard, essential skills", lambda: jaccard_ranker(profiles, essential_only=True)),
        ("Jaccard, all skills", lambda: jaccard_ranker(profiles, essential_only=False)),
        ("TF-IDF cosine, skills", lambda: tfidf_ranker(profiles)),
        # cos(skills) + cos(words) + 0.1 * (ISCO-08 levels shared: 2, 3, 4 digits)
        ("next + words of texts", lambda: BlendRanker(profiles)),
    ]


BASELINES = 5
"""The methods after `next` and before the proposal: the baselines it is held against."""


def show(index: MemoryIndex, profiles: Profiles, names: Sequence[str]) -> None:
    """The first 10 careers of `next` and of the proposed blend, side by side."""
    at_name = {c.id: at for at, c in enumerate(profiles.careers)}
    at_name.update({c.title.en.casefold(): at for at, c in enumerate(profiles.careers)})
    current, proposed = next_ranker(index, profiles), BlendRanker(profiles)
    for name in names:
        query = at_name.get(name) if name in at_name else at_name.get(name.casefold())
        if query is None:
            print(f"\n{name}: no career has this id or title")
            continue
        career = profiles.careers[query]
        print(f"\n{career.title.en} ({profiles.isco[query]})")
        print(f"    {'next (this program)':48} next + words of texts")
        pairs = zip(current(query, {query}, CUT), proposed(query, {query}, CUT), strict=True)
        for rank, (left, right) in enumerate(pairs, start=1):
            print(f"{rank:2}  {_label(profiles, left):48} {_label(profiles, right)}")


def _label(profiles: Profiles, at: int) -> str:
    return f"{profiles.careers[at].title.en[:42]} {profiles.isco[at]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "release",
        type=Path,
        nargs="?",
        default=Path(__file__).resolve().parent.parent / "tests" / "data" / "esco-release",
        help="folder with the release and its truth (default: the tests' copy)",
    )
    parser.add_argument("--catalogue", type=Path, help="an imported catalogue to use instead")
    parser.add_argument("--truth", type=Path, help=f"truth file (default RELEASE/{TRUTH})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", nargs="+", default=[], metavar="CAREER")
    args = parser.parse_args()
    start = time.perf_counter()
    catalogue = load_release(args.release, args.catalogue)
    profiles = Profiles(catalogue.careers)
    truth_path: Path = args.truth or args.release / TRUTH
    queries, asked = load_truth(truth_path, catalogue.careers)
    index = MemoryIndex(catalogue)
    print(
        f"Python {sys.version.split()[0]}; {len(catalogue.careers):,} careers and "
        f"{len(catalogue.skills):,} skills loaded in {time.perf_counter() - start:.1f}s; "
        f"{truth_path.name}: {len(queries)} of {asked} queries in the catalogue"
    )
    if args.show:
        show(index, profiles, args.show)
        return
    results = [measure(name, build, queries) for name, build in methods(index, profiles, args.seed)]
    print(f"\n{'method':28} {'P@10':>6} {'nDCG@10':>8} {'queries':>8} {'time':>7}")
    for result in results:
        print(
            f"{result.method:28} {result.mean_precision:6.3f} {result.mean_ndcg:8.3f} "
            f"{len(result.precision):8} {result.seconds:6.1f}s"
        )
    print("P@10 and nDCG@10: means over the queries; same_code careers taken out before the cut.")
    proposal = results[0]  # `next` as the program ranks
    best = max(results[1 : 1 + BASELINES], key=lambda r: r.mean_precision + r.mean_ndcg)
    for label, mine, theirs in (
        ("P@10", proposal.precision, best.precision),
        ("nDCG@10", proposal.ndcg, best.ndcg),
    ):
        better = sum(1 for a, b in zip(mine, theirs, strict=True) if a > b)
        worse = sum(1 for a, b in zip(mine, theirs, strict=True) if a < b)
        gain = (sum(mine) - sum(theirs)) / len(mine)
        print(
            f"{proposal.method} against the best baseline ({best.method}), {label}: "
            f"{gain:+.3f}; better on {better} queries, worse on {worse}"
        )


if __name__ == "__main__":
    main()
