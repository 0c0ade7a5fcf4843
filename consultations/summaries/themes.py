"""Group comments into themes: TF-IDF + NMF (scikit-learn), deterministic for the same input.

Pure functions on (id, text) pairs so they can be tested and benchmarked without a database.
"""

import math
import re
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

SEED = 2026
MIN_COMMENTS = 3  # below this there is nothing to group: everything goes to "other"
MIN_THEME_SIZE = 2  # smaller groups are folded into "other"
MAX_THEMES = 12
QUOTES_MIN = 3
QUOTES_MAX = 5
LABEL_TERMS = 3
PHRASE_WORDS = (2, 5)  # a label is a phrase of this many words that several of the theme's comments say
# A phrase with one of these inside is a clause ("parking is missing"), not a name for a subject.
VERB_WORDS = frozenset(
    "is are was were be been being am would should could will can may might must shall has have had "
    "do does did".split()
)
CLAUSE_PENALTY = 0.4
PHRASE_SEEN = 6  # longer phrases are counted too, only to tell a phrase the comments cut short
EXTRACT_WORDS = 10  # or, when none is shared, the start of the theme's most central comment
EXTRACT_CHARS = 80
MIN_WEIGHT = 1e-6  # a comment with no weight on any theme shares no words with the others


@dataclass
class ThemeDraft:
    """A theme before it is saved: label, top terms, members (ids by weight) and quote ids."""

    label: str
    terms: list[str]
    members: list[tuple[int, float]] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)
    is_other: bool = False

    @property
    def ids(self) -> list[int]:
        return [cid for cid, _ in self.members]


@dataclass
class ThemeResult:
    themes: list[ThemeDraft]
    other: ThemeDraft

    def assignment(self) -> dict[int, ThemeDraft]:
        out = {}
        for theme in [*self.themes, self.other]:
            for cid in theme.ids:
                out[cid] = theme
        return out


OTHER_LABEL = "Other comments"


# Words that carry no subject in residents' comments, on top of scikit-learn's English stop words.
FILLER_WORDS = frozenset(
    "think thank thanks asking ask please hope honestly really just like would need needs people "
    "good idea make makes made took take want know get got lot lots way thing things going "
    "did does doing said say yes agree disagree sure actually maybe".split()
)


def _stop_words():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return sorted(ENGLISH_STOP_WORDS | FILLER_WORDS)


def theme_count(n: int) -> int:
    """More comments support more themes, but a councillor can take in about a dozen at most."""
    return max(2, min(MAX_THEMES, round(math.sqrt(n / 2))))


def _vectorise(texts: list[str]):
    """Word TF-IDF; falls back to character n-grams for text without spaces or shared words."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    min_df = 2 if len(texts) >= 10 else 1
    attempts = [
        dict(stop_words=_stop_words(), min_df=min_df, max_df=0.6, sublinear_tf=True),
        dict(ngram_range=(1, 1), min_df=1, sublinear_tf=True),
        dict(analyzer="char_wb", ngram_range=(2, 3), min_df=min_df, sublinear_tf=True),
    ]
    for options in attempts:
        vectoriser = TfidfVectorizer(max_features=20000, dtype=np.float32, **options)
        try:
            matrix = vectoriser.fit_transform(texts)
        except ValueError:  # empty vocabulary: only stop words, numbers or punctuation
            continue
        shared = int(((matrix > 0).sum(axis=0) >= 2).sum()) if len(texts) > 1 else matrix.shape[1]
        if matrix.shape[1] >= 2 and shared >= 1:
            return matrix, vectoriser.get_feature_names_out()
    return None, None


def _pick_quotes(members: list[tuple[int, float]], texts_by_id: dict[int, str]) -> list[int]:
    """The comments most typical of a theme, skipping repeats of the same words."""
    chosen, seen = [], set()
    for cid, _weight in members:
        key = " ".join(texts_by_id[cid].lower().split())
        if key in seen:
            continue
        seen.add(key)
        chosen.append(cid)
        if len(chosen) == QUOTES_MAX:
            break
    if len(chosen) < QUOTES_MIN:  # all repeats: still show up to the minimum
        for cid, _weight in members:
            if cid not in chosen:
                chosen.append(cid)
            if len(chosen) >= QUOTES_MIN:
                break
    return chosen


def _label(terms: list[str]) -> str:
    """The theme's strongest words, single words first: the label of last resort, and key terms."""
    words: list[str] = []
    for term in sorted(terms, key=lambda t: " " in t):  # stable: keeps weight order within each kind
        covered = {w for chosen in words for w in chosen.split()}
        if term.strip() and not set(term.split()) & covered:
            words.append(term.strip())
        if len(words) == LABEL_TERMS:
            break
    return ", ".join(words).capitalize() if words else "Unlabelled theme"


TOKEN = re.compile(r"\w+(?:['’]\w+)*")
JOINER = re.compile(r"[\s\-]+")  # what may stand between two words of one phrase (no clause breaks)
CLAUSE = re.compile(r"[.;:!?,()\[\]\n]+")


def _phrases(text: str, stop: frozenset[str]) -> dict[str, str]:
    """Word n-grams of one comment as written (key: lower case), starting and ending on a word with
    content and never crossing punctuation, so each reads as a phrase."""
    tokens = list(TOKEN.finditer(text))
    found: dict[str, str] = {}
    low, high = PHRASE_WORDS[0], PHRASE_SEEN
    for start in range(len(tokens)):
        first = tokens[start].group().lower()
        if first in stop or first.isdigit():
            continue
        for size in range(low, high + 1):
            end = start + size - 1
            if end >= len(tokens):
                break
            gap = text[tokens[end - 1].end() : tokens[end].start()]
            if not JOINER.fullmatch(gap):
                break  # punctuation: no longer phrase from here either
            last = tokens[end].group().lower()
            if last in stop or last.isdigit():
                continue
            words = [t.group().lower() for t in tokens[start : end + 1]]
            found.setdefault(" ".join(words), text[tokens[start].start() : tokens[end].end()])
    return found


def _extract(text: str) -> str:
    """The start of a comment's first clause, cut at a word: a short extract in its own words."""
    clause = next((part.strip() for part in CLAUSE.split(text) if part.strip()), "")
    words = clause.split()[:EXTRACT_WORDS]
    stop = frozenset(_stop_words())
    while len(words) > 1 and words[-1].lower().strip("'’") in stop:  # never end on "the" or "and"
        words.pop()
    short = " ".join(words)
    if len(short) > EXTRACT_CHARS:
        short = (
            short[:EXTRACT_CHARS].rsplit(" ", 1)[0] if " " in short[:EXTRACT_CHARS] else short[:EXTRACT_CHARS]
        )
    return short


def _sentence_case(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def phrase_label(
    members: Iterable[tuple[str, float]],
    terms: list[str],
    *,
    corpus: Counter[str] | None = None,
    taken: Iterable[str] = (),
) -> str:
    """A readable label from the theme's own words: the phrase its most central comments share
    (weighted by how central each is, how strongly its words mark the theme and how much more the
    theme says it than the rest of the consultation), or else an extract of its most central
    comment. Every label is text some member comment contains."""
    members = [(text or "", max(float(weight), 0.0)) for text, weight in members]
    if not members:
        return "Unlabelled theme"
    stop = frozenset(_stop_words())
    rank = {term: i for i, term in enumerate(t for t in terms if " " not in t)}
    count: Counter[str] = Counter()
    weight_sum: dict[str, float] = {}
    surface: dict[str, Counter[str]] = {}
    for text, weight in members:
        for key, written in _phrases(text, stop).items():
            count[key] += 1
            weight_sum[key] = weight_sum.get(key, 0.0) + weight + 0.01  # a weightless member still counts
            surface.setdefault(key, Counter())[written] += 1
    taken_keys = {t.lower() for t in taken}
    needed = 2 if len(members) > 1 else 1
    scored = []
    following: Counter[str] = Counter()  # phrase -> how many comments go on with the same word
    for key, df in count.items():
        head = key.rsplit(" ", 1)[0]
        if " " in head and count.get(head) == df:
            following[head] = df

    def readable(key: str) -> bool:
        """Short enough, and not cut off before a word every comment saying it goes on with."""
        return len(key.split()) <= PHRASE_WORDS[1] and key not in taken_keys and following[key] != count[key]

    for key, df in count.items():
        if df < needed or not readable(key):
            continue
        content = [w for w in key.split() if w not in stop]
        relevance = sum(1 / (1 + rank[w]) for w in content if w in rank)
        distinct = df / max(corpus[key] if corpus else df, df)
        score = weight_sum[key] * distinct * (0.1 + relevance) * (1 + 0.25 * (len(content) - 1))
        if VERB_WORDS & set(key.split()):
            score *= CLAUSE_PENALTY
        scored.append((-score, -len(key.split()), key))
    if scored:
        key = min(scored)[2]
        # The same comments may say more around it ("cycle lane" in "cycle lane on Mill Road"):
        # the longest phrase they all share reads best.
        # the longest readable phrase they all share reads best.
        longer = [
            k
            for k in count
            if count[k] == count[key]
            and f" {key} " in f" {k} "
            and readable(k)
            and not VERB_WORDS & (set(k.split()) - set(key.split()))
        ]
        key = max(longer, key=lambda k: (len(k.split()), weight_sum[k], k))
        written = min(surface[key].items(), key=lambda item: (-item[1], item[0]))[0]
        return _sentence_case(written)
    for text, _weight in sorted(members, key=lambda m: -m[1]):
        extract = _extract(text)
        if extract and extract.lower() not in taken_keys:
            return _sentence_case(extract)
    return _label(terms)


def _corpus_phrases(texts: Iterable[str]) -> Counter[str]:
    """In how many comments of the whole consultation each phrase appears."""
    stop = frozenset(_stop_words())
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_phrases(text, stop).keys())
    return counts


def compute_themes(
    comments: list[tuple[int, str]], k: int | None = None, fold_small: bool = True
) -> ThemeResult:
    """Assign every comment to exactly one theme or to "other"; same input, same output."""
    comments = sorted(comments, key=lambda c: c[0])
    texts_by_id = {cid: text or "" for cid, text in comments}
    other = ThemeDraft(label=OTHER_LABEL, terms=[], is_other=True)
    if len(comments) < MIN_COMMENTS and k is None:
        other.members = [(cid, 0.0) for cid, _ in comments]
        other.quotes = _pick_quotes(other.members, texts_by_id)
        return ThemeResult([], other)
    ids = np.array([cid for cid, _ in comments])
    matrix, terms = _vectorise([text for _, text in comments])
    if matrix is None:
        other.members = [(int(cid), 0.0) for cid in ids]
        other.quotes = _pick_quotes(other.members, texts_by_id)
        return ThemeResult([], other)
    from sklearn.decomposition import NMF

    n_topics = min(k or theme_count(len(comments)), matrix.shape[0], matrix.shape[1])
    model = NMF(n_components=n_topics, init="nndsvda", random_state=SEED, max_iter=400, tol=1e-4)
    with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
        warnings.simplefilter("ignore")  # convergence notes on tiny corpora say nothing useful
        weights = np.nan_to_num(model.fit_transform(matrix))
    components = np.nan_to_num(model.components_)
    best = weights.argmax(axis=1)
    strength = weights[np.arange(len(best)), best]
    share = strength / np.maximum(weights.sum(axis=1), MIN_WEIGHT)

    drafts = []
    tops: dict[int, list[str]] = {}  # each draft's 15 strongest terms, which its label's words should carry
    for topic in range(n_topics):
        rows = np.flatnonzero((best == topic) & (strength > MIN_WEIGHT))
        order = rows[np.lexsort((ids[rows], -share[rows]))]
        top = [str(terms[i]) for i in np.argsort(-components[topic], kind="stable")[:15]]
        members = [(int(ids[i]), float(share[i])) for i in order]
        draft = ThemeDraft(label="", terms=top[: LABEL_TERMS * 2], members=members)
        tops[id(draft)] = top
        drafts.append(draft)
    unassigned = [(int(ids[i]), 0.0) for i in np.flatnonzero(strength <= MIN_WEIGHT)]
    themes = []
    for draft in drafts:
        if fold_small and len(draft.members) < MIN_THEME_SIZE:
            unassigned.extend(draft.members)
        elif draft.members:
            themes.append(draft)
    themes.sort(key=lambda d: (-len(d.members), d.members[0][0]))
    corpus = _corpus_phrases(texts_by_id.values())
    labels: list[str] = []
    for draft in themes:
        draft.quotes = _pick_quotes(draft.members, texts_by_id)
        said = [(texts_by_id[cid], weight) for cid, weight in draft.members]
        draft.label = phrase_label(said, tops[id(draft)], corpus=corpus, taken=labels)
        labels.append(draft.label)
    other.members = sorted(unassigned, key=lambda m: m[0])
    other.quotes = _pick_quotes(other.members, texts_by_id)
    return ThemeResult(themes, other)
