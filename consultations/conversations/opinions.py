"""Opinion groups from a participant x statement vote matrix (Pol.is in principle), with no Django.

Votes are agree=+1, disagree=-1, pass=0; a missing vote is "not seen". Participants with at least
`min_votes` votes are fitted: missing votes are filled with the statement's mean among them, the
matrix is reduced to two principal components, and k-means (k=2..5, fixed seed) splits them; the k
with the highest silhouette score wins. Everyone else is projected onto the same plane (shown on
the map) but left out of the groups. Per group and statement, agreement is estimated with add-one
smoothing, (agrees + 1) / (seen + 2), as Pol.is does; a statement represents a group when the
group agrees (or disagrees) clearly more than everyone else (two-proportion z-test, z > Z_SIGNIFICANT)."""

import math
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

AGREE, DISAGREE, PASS = 1, -1, 0
Z_SIGNIFICANT = 1.645  # one-sided 95%: the "significance-ish" threshold Pol.is uses (90% two-sided)
K_RANGE = range(2, 6)
SILHOUETTE_SAMPLE = 1500  # silhouette on at most this many fitted participants (seeded sample)


@dataclass(frozen=True)
class Settings:
    min_participants: int = 7  # fitted participants needed before any groups are shown
    min_votes: int = 3  # votes a participant needs to be fitted
    consensus: float = 0.6  # every group agrees at least this much: a consensus statement
    divisive: float = 0.6  # one group agrees and another disagrees at least this much: divisive
    representative: int = 5  # statements listed as setting a group apart
    map_points: int = 1500  # participants drawn on the map at most (an even, fixed sample)
    seed: int = 0


def _p(count, seen):
    """Add-one smoothed proportion, so a group of three is not '100% agree'."""
    return (count + 1.0) / (seen + 2.0)


def _z(p1, n1, p2, n2):
    """Two-proportion z statistic (pooled), 0 when either side is empty."""
    with np.errstate(divide="ignore", invalid="ignore"):
        pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        se = np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
        z = (p1 - p2) / se
    return np.where((n1 > 0) & (n2 > 0) & np.isfinite(z), z, 0.0)


def _hull(points: np.ndarray) -> list[list[float]]:
    """Convex hull (Andrew's monotone chain): the outline of a group on the map."""
    pts = sorted(set(map(tuple, np.round(points, 4).tolist())))
    if len(pts) <= 2:
        return [list(p) for p in pts]

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return [list(p) for p in lower[:-1] + upper[:-1]]


def not_enough(participants: int, fitted: int, settings: Settings) -> dict:
    return {
        "status": "not_enough",
        "participants": participants,
        "fitted": fitted,
        "min_participants": settings.min_participants,
        "min_votes": settings.min_votes,
    }


def compute(participant_ids, statement_ids, values, *, settings: Settings | None = None) -> dict:
    """Groups, representative, consensus and divisive statements from (person, statement, value) triples."""
    with threadpool_limits(limits=1):  # small dense problems: threads only contend on a busy server
        return _compute(participant_ids, statement_ids, values, settings or Settings())


def import_libraries() -> None:
    """scikit-learn's modules, imported (seconds on a 2-core machine: see warm_up in tasks)."""
    import sklearn.cluster  # noqa: F401
    import sklearn.decomposition  # noqa: F401
    import sklearn.metrics  # noqa: F401


def _compute(participant_ids, statement_ids, values, settings: Settings) -> dict:
    # Imported here: scikit-learn takes seconds to import, and every process (each management
    # command, each server start) would pay it even when no conversation is recomputed.
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA
    from sklearn.metrics import silhouette_score

    participant_ids = np.asarray(participant_ids, dtype=np.int64)
    statement_ids = np.asarray(statement_ids, dtype=np.int64)
    values = np.asarray(values, dtype=np.int8)
    people, rows = np.unique(participant_ids, return_inverse=True)
    statements, cols = np.unique(statement_ids, return_inverse=True)
    n_people, n_statements = len(people), len(statements)
    votes_each = np.bincount(rows, minlength=n_people)
    fitted = votes_each >= settings.min_votes
    n_fitted = int(fitted.sum())
    if n_fitted < max(settings.min_participants, 3) or n_statements < 2:
        return not_enough(n_people, n_fitted, settings)

    # Dense float32 is small enough (5,000 x 300 = 6 MB) and much faster than sparse here.
    matrix = np.zeros((n_people, n_statements), dtype=np.float32)
    seen = np.zeros((n_people, n_statements), dtype=bool)
    matrix[rows, cols] = values
    seen[rows, cols] = True
    fit_matrix, fit_seen = matrix[fitted], seen[fitted]
    seen_counts = fit_seen.sum(axis=0)
    means = np.divide(
        fit_matrix.sum(axis=0),
        seen_counts,
        out=np.zeros(n_statements, dtype=np.float32),
        where=seen_counts > 0,
    )
    filled = np.where(seen, matrix, means[np.newaxis, :])

    if float(filled[fitted].var(axis=0).sum()) > 0:
        pca = PCA(n_components=2, svd_solver="randomized", random_state=settings.seed)
        pca.fit(filled[fitted])
        coords = pca.transform(filled)
        explained = [round(float(v), 4) for v in pca.explained_variance_ratio_]
    else:  # everyone fitted voted exactly alike: one point, one group
        coords = np.zeros((n_people, 2))
        explained = [0.0, 0.0]
    fit_coords = coords[fitted]

    best = None
    sample = min(SILHOUETTE_SAMPLE, n_fitted)
    distinct = len(np.unique(np.round(fit_coords, 6), axis=0))
    for k in K_RANGE:
        if k >= n_fitted or k > distinct:
            break
        model = KMeans(n_clusters=k, random_state=settings.seed, n_init=4).fit(fit_coords)
        if len(set(model.labels_.tolist())) < 2:
            continue
        score = float(
            silhouette_score(fit_coords, model.labels_, sample_size=sample, random_state=settings.seed)
        )
        if best is None or score > best[0] + 1e-9:
            best = (score, k, model)
    if best is None:  # no split is possible (everyone votes alike): one group of everyone
        score, k, raw_labels = 0.0, 1, np.zeros(n_fitted, dtype=np.int64)
    else:
        score, k, model = best
        raw_labels = model.labels_

    # Number groups by size (largest first) so "Group A" is stable between equal runs.
    order = sorted(range(k), key=lambda g: (-int((raw_labels == g).sum()), g))
    relabel = np.empty(k, dtype=np.int64)
    for new, old in enumerate(order):
        relabel[old] = new
    labels = relabel[raw_labels]
    all_labels = np.full(n_people, -1, dtype=np.int64)
    all_labels[fitted] = labels

    agree = (fit_matrix == AGREE) & fit_seen
    disagree = (fit_matrix == DISAGREE) & fit_seen
    total_agree, total_disagree, total_seen = agree.sum(0), disagree.sum(0), fit_seen.sum(0)
    groups = []
    group_pa, group_pd, group_seen = [], [], []
    for g in range(k):
        member = labels == g
        a, d, s = agree[member].sum(0), disagree[member].sum(0), fit_seen[member].sum(0)
        oa, od, os_ = total_agree - a, total_disagree - d, total_seen - s
        pa, pd = _p(a, s), _p(d, s)
        za = _z(pa, s, _p(oa, os_), os_)
        zd = _z(pd, s, _p(od, os_), os_)
        repness_a = pa / _p(oa, os_)
        repness_d = pd / _p(od, os_)
        candidates = []
        for j in range(n_statements):
            if s[j] == 0:
                continue
            if za[j] > Z_SIGNIFICANT and pa[j] > 0.5:
                candidates.append(
                    (float(repness_a[j] * pa[j]), j, "agree", float(pa[j]), float(_p(oa[j], os_[j])))
                )
            elif zd[j] > Z_SIGNIFICANT and pd[j] > 0.5:
                candidates.append(
                    (float(repness_d[j] * pd[j]), j, "disagree", float(pd[j]), float(_p(od[j], os_[j])))
                )
        candidates.sort(key=lambda c: (-c[0], c[1]))
        members_xy = fit_coords[labels == g]
        groups.append(
            {
                "id": g,
                "size": int(member.sum()),
                "centroid": [float(x) for x in members_xy.mean(axis=0)],
                "hull": _hull(members_xy),
                "representative": [
                    {
                        "statement": int(statements[j]),
                        "direction": direction,
                        "in_group": round(p_in, 3),
                        "others": round(p_out, 3),
                    }
                    for _score, j, direction, p_in, p_out in candidates[: settings.representative]
                ],
                "votes": {
                    str(int(statements[j])): [int(a[j]), int(d[j]), int(s[j] - a[j] - d[j])]
                    for j in range(n_statements)
                },
            }
        )
        group_pa.append(pa)
        group_pd.append(pd)
        group_seen.append(s)
    pa_all, pd_all, seen_all = np.vstack(group_pa), np.vstack(group_pd), np.vstack(group_seen)
    everyone_saw = (seen_all > 0).all(axis=0)
    consensus_mask = everyone_saw & (pa_all >= settings.consensus).all(axis=0)
    divisive_mask = (
        everyone_saw & (pa_all.max(axis=0) >= settings.divisive) & (pd_all.max(axis=0) >= settings.divisive)
    )
    consensus = sorted(
        (int(j) for j in np.flatnonzero(consensus_mask)), key=lambda j: (-float(pa_all[:, j].min()), j)
    )
    divisive = sorted(
        (int(j) for j in np.flatnonzero(divisive_mask)),
        key=lambda j: (-float(pa_all[:, j].max() - pa_all[:, j].min()), j),
    )

    stride = max(1, math.ceil(n_people / settings.map_points))
    points = [
        [round(float(coords[i, 0]), 4), round(float(coords[i, 1]), 4), int(all_labels[i])]
        for i in range(0, n_people, stride)
    ]
    return {
        "status": "ok",
        "participants": n_people,
        "fitted": n_fitted,
        "statements": n_statements,
        "k": k,
        "silhouette": round(score, 4),
        "explained_variance": explained,
        "seed": settings.seed,
        "min_votes": settings.min_votes,
        "groups": groups,
        "consensus": [
            {"statement": int(statements[j]), "lowest_agreement": round(float(pa_all[:, j].min()), 3)}
            for j in consensus
        ],
        "divisive": [
            {
                "statement": int(statements[j]),
                "agreement": [round(float(x), 3) for x in pa_all[:, j]],
            }
            for j in divisive
        ],
        "points": points,
        "points_stride": stride,
    }
