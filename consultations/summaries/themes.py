"""Group comments into themes: TF-IDF + NMF (scikit-learn), deterministic for the same input.

Pure functions on (id, text) pairs so they can be tested and benchmarked without a database.
"""

import math
import warnings
from dataclasses import dataclass, field

import numpy as np

SEED = 2026
MIN_COMMENTS = 3  # below this there is nothing to group: everything goes to "other"
MIN_THEME_SIZE = 2  # smaller groups are folded into "other"
MAX_THEMES = 12
QUOTES_MIN = 3
QUOTES_MAX = 5
LABEL_TERMS = 3
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
    """The theme's strongest words, single words first (a phrase only adds what they lack)."""
    words: list[str] = []
    for term in sorted(terms, key=lambda t: " " in t):  # stable: keeps weight order within each kind
        covered = {w for chosen in words for w in chosen.split()}
        if term.strip() and not set(term.split()) & covered:
            words.append(term.strip())
        if len(words) == LABEL_TERMS:
            break
    return ", ".join(words).capitalize() if words else "Unlabelled theme"


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
    for topic in range(n_topics):
        rows = np.flatnonzero((best == topic) & (strength > MIN_WEIGHT))
        order = rows[np.lexsort((ids[rows], -share[rows]))]
        top = [str(terms[i]) for i in np.argsort(-components[topic], kind="stable")[:15]]
        members = [(int(ids[i]), float(share[i])) for i in order]
        drafts.append(ThemeDraft(label=_label(top), terms=top[: LABEL_TERMS * 2], members=members))
    unassigned = [(int(ids[i]), 0.0) for i in np.flatnonzero(strength <= MIN_WEIGHT)]
    themes = []
    for draft in drafts:
        if fold_small and len(draft.members) < MIN_THEME_SIZE:
            unassigned.extend(draft.members)
        elif draft.members:
            themes.append(draft)
    themes.sort(key=lambda d: (-len(d.members), d.members[0][0]))
    for draft in themes:
        draft.quotes = _pick_quotes(draft.members, texts_by_id)
    other.members = sorted(unassigned, key=lambda m: m[0])
    other.quotes = _pick_quotes(other.members, texts_by_id)
    return ThemeResult(themes, other)
