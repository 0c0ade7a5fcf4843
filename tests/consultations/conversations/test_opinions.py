"""The opinion-group maths on matrices whose structure is known in advance."""

import numpy as np

from consultations.conversations.opinions import Settings, compute

CONSENSUS = 100
CAMP_A = [101, 102, 103, 104]  # camp A agrees, camp B disagrees
CAMP_B = [105, 106, 107, 108]  # camp B agrees, camp A disagrees


def two_camps(per_camp=20, noise=0.0, seed=1):
    """Two camps that disagree on eight statements and both agree with one (statement 100)."""
    rng = np.random.default_rng(seed)
    people, statements, values = [], [], []
    for person in range(2 * per_camp):
        camp = person % 2
        for statement in [CONSENSUS, *CAMP_A, *CAMP_B]:
            if statement == CONSENSUS:
                value = 1
            elif (statement in CAMP_A) == (camp == 0):
                value = 1
            else:
                value = -1
            if noise and rng.random() < noise:
                value = int(rng.choice([-1, 0, 1]))
            people.append(1000 + person)
            statements.append(statement)
            values.append(value)
    return people, statements, values


def test_finds_both_camps_and_the_consensus_statement():
    result = compute(*two_camps())
    assert result["status"] == "ok"
    assert result["k"] == 2
    assert sorted(g["size"] for g in result["groups"]) == [20, 20]
    assert [c["statement"] for c in result["consensus"]] == [CONSENSUS]
    assert {d["statement"] for d in result["divisive"]} == set(CAMP_A + CAMP_B)
    # each camp is told apart by its own statements, agreed by it and disagreed by the other
    for group in result["groups"]:
        agreed = {r["statement"] for r in group["representative"] if r["direction"] == "agree"}
        assert agreed and (agreed <= set(CAMP_A) or agreed <= set(CAMP_B))
        assert CONSENSUS not in {r["statement"] for r in group["representative"]}


def test_camps_are_found_through_noise_and_members_stay_together():
    people, statements, values = two_camps(per_camp=60, noise=0.1)
    result = compute(people, statements, values)
    assert result["k"] == 2
    sizes = sorted(g["size"] for g in result["groups"])
    assert sizes == [60, 60]
    assert CONSENSUS in [c["statement"] for c in result["consensus"]]


def test_three_camps_are_three_groups():
    people, statements, values = [], [], []
    for person in range(45):
        camp = person % 3
        for statement in range(9):
            people.append(person)
            statements.append(statement)
            values.append(1 if statement // 3 == camp else -1)
    result = compute(people, statements, values)
    assert result["k"] == 3
    assert sorted(g["size"] for g in result["groups"]) == [15, 15, 15]
    assert result["consensus"] == []


def test_the_same_votes_give_the_same_result():
    votes = two_camps(per_camp=40, noise=0.2, seed=7)
    assert compute(*votes) == compute(*votes)
    shuffled = np.random.default_rng(3).permutation(len(votes[0]))
    reordered = [np.asarray(column)[shuffled] for column in votes]
    assert compute(*reordered) == compute(*votes)  # the order votes are read in does not matter


def test_too_few_participants_is_not_enough_votes_yet():
    people, statements, values = two_camps(per_camp=3)  # six people, seven needed
    result = compute(people, statements, values)
    assert result == {
        "status": "not_enough",
        "participants": 6,
        "fitted": 6,
        "min_participants": 7,
        "min_votes": 3,
    }
    assert compute([], [], [])["status"] == "not_enough"


def test_sparse_voters_are_projected_but_left_out_of_the_fit_and_the_groups():
    people, statements, values = two_camps(per_camp=10)
    for person in range(50):  # fifty people who voted once or twice
        for statement in [CONSENSUS, CAMP_A[0]][: 1 + person % 2]:
            people.append(5000 + person)
            statements.append(statement)
            values.append(1)
    result = compute(people, statements, values)
    assert result["participants"] == 70 and result["fitted"] == 20
    assert sum(g["size"] for g in result["groups"]) == 20
    unfitted = [p for p in result["points"] if p[2] == -1]
    assert len(unfitted) == 50


def test_sparse_matrix_with_few_fitted_voters_is_not_enough():
    # 30 people but each voted on only two statements: nobody reaches the three votes needed
    people = [p for p in range(30) for _ in range(2)]
    statements = [s for _ in range(30) for s in (1, 2)]
    values = [1, -1] * 30
    result = compute(people, statements, values)
    assert result["status"] == "not_enough" and result["fitted"] == 0


def test_everyone_voting_alike_is_one_group_agreeing_on_everything():
    people = [p for p in range(20) for _ in range(5)]
    statements = [s for _ in range(20) for s in range(5)]
    result = compute(people, statements, [1] * 100)
    assert result["status"] == "ok" and result["k"] == 1
    assert [g["size"] for g in result["groups"]] == [20]
    assert [c["statement"] for c in result["consensus"]] == [0, 1, 2, 3, 4]
    assert result["divisive"] == []


def test_settings_change_the_thresholds():
    votes = two_camps(per_camp=5)
    assert compute(*votes, settings=Settings(min_participants=20))["status"] == "not_enough"
    assert compute(*votes, settings=Settings(min_participants=10))["status"] == "ok"


def test_map_points_are_an_even_fixed_sample():
    result = compute(*two_camps(per_camp=50), settings=Settings(map_points=30))
    assert result["points_stride"] == 4 and len(result["points"]) == 25
