"""Demo data for summaries (called by seed_demo, idempotent): baseline, consented profiles, themes.

The demo's "you said, we did" is written by seed_demo with the results it answers."""

import random

from django.db import transaction
from django.utils import timezone

AGE_BANDS = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-plus"]
AGE_WEIGHTS = [4, 10, 14, 16, 18, 14, 6]  # who took part in the demo: few young people, as in life
# Census-style population of the fictional borough of Northbrook.
BASELINE = {
    "age_band": {
        "under-16": 26000,
        "16-24": 14500,
        "25-34": 19800,
        "35-44": 18900,
        "45-54": 19600,
        "55-64": 17800,
        "65-74": 14200,
        "75-plus": 12100,
    },
    "ward": {
        "abbey": 23100,
        "brookside": 24800,
        "castle-hill": 22700,
        "dale-end": 21900,
        "east-marsh": 25400,
        "fairfield": 25000,
    },
    "disability": {"limited-a-lot": 11800, "limited-a-little": 15900, "not-disabled": 115200},
    "ethnicity": {"asian": 14300, "black": 6200, "mixed": 4700, "white": 114900, "other": 2800},
}


def load(stdout, seed: int = 2026) -> None:
    """Load once: later runs see the baseline and leave everything (including officers' edits) alone."""
    from .models import PopulationBaseline

    if PopulationBaseline.objects.exists():
        return
    with transaction.atomic():
        _load(random.Random(seed))
    from civic.models import ParticipantProfile

    stdout.write(
        f"  summaries: census baseline, {ParticipantProfile.objects.count()} consented profiles, themes"
    )


def _load(rng: random.Random) -> None:
    from civic.models import Area, ParticipantProfile, User, WardCouncillor

    from ..models import ConsultationPage
    from .models import PopulationBaseline
    from .services import build_themes

    PopulationBaseline.objects.bulk_create(
        [
            PopulationBaseline(dimension=dimension, category=category, population=population)
            for dimension, rows in BASELINE.items()
            for category, population in rows.items()
        ]
    )
    wards = list(Area.objects.filter(kind=Area.Kind.WARD).order_by("name"))
    if wards:
        for user in User.objects.filter(email__startswith="resident").order_by("pk"):
            if rng.random() < 0.75:
                ParticipantProfile.objects.get_or_create(
                    user=user,
                    defaults={
                        "consented_at": timezone.now(),
                        "age_band": rng.choices(AGE_BANDS, weights=AGE_WEIGHTS)[0],
                        "ward": rng.choice(wards),
                        "disability": rng.choice(
                            ["not-disabled"] * 4 + ["limited-a-little", "limited-a-lot"]
                        ),
                        "ethnicity": rng.choice(["white"] * 6 + ["asian", "asian", "black", "mixed"]),
                    },
                )
        councillor = User.objects.filter(email="councillor@northbrook.example").first()
        if councillor:
            brookside = next((w for w in wards if w.slug == "brookside"), wards[0])
            WardCouncillor.objects.get_or_create(user=councillor, defaults={"ward": brookside})
    for consultation in ConsultationPage.objects.filter(comments__isnull=False).distinct():
        build_themes(consultation.pk)
