"""The Northbrook demo for maps: boundary and wards, a gazetteer, issue categories and ~100 reports."""

import random
from datetime import timedelta
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

AREAS_FILE = Path(__file__).resolve().parent / "northbrook-areas.geojson"
REPORTS = 100
DEMO_API_KEY = "northbrook-demo-open311-key"  # noqa: S105 - documented demo key, never in production

# (slug, name, service code, group, organisation slug, description, keywords, report titles)
CATEGORIES = [
    (
        "potholes",
        "Pothole or damaged road",
        "NB-POT",
        "Streets",
        "northbrook-council",
        "Holes, cracks and sunken patches in roads.",
        "road, pothole, tarmac",
        ["Deep pothole in the carriageway", "Sunken road surface by the drain", "Crumbling road edge"],
    ),
    (
        "street-lights",
        "Broken street light",
        "NB-LIGHT",
        "Streets",
        "northbrook-council",
        "Street lights that are out, flickering or on all day.",
        "lamp, light, dark",
        ["Street light out", "Light flickering all night", "Lamp post leaning after a collision"],
    ),
    (
        "fly-tipping",
        "Fly-tipping",
        "NB-FLY",
        "Environment",
        "northbrook-council",
        "Rubbish dumped on streets, verges or alleys.",
        "rubbish, dumping, waste",
        ["Mattress dumped on the verge", "Bags of rubbish in the alley", "Builders' rubble left by the path"],
    ),
    (
        "blocked-drains",
        "Blocked drain or gully",
        "NB-DRAIN",
        "Streets",
        "northbrook-council",
        "Drains that overflow or flood the road.",
        "drain, flooding, gully",
        ["Drain blocked and road flooding", "Gully full of leaves", "Water pooling across the pavement"],
    ),
    (
        "unsafe-crossings",
        "Unsafe crossing",
        "NB-CROSS",
        "Streets",
        "northbrook-council",
        "Crossings where signals, markings or dropped kerbs are missing or broken.",
        "crossing, pedestrian",
        ["Crossing signal not working", "Zebra markings worn away", "No dropped kerb for wheelchairs"],
    ),
    (
        "abandoned-vehicles",
        "Abandoned vehicle",
        "NB-VEH",
        "Community safety",
        "northbrook-police",
        "Vehicles left untaxed or damaged on the street for weeks.",
        "car, van, abandoned",
        ["Burnt-out car left on the street", "Van with no plates parked for weeks"],
    ),
]

# Streets and landmarks of the fictional borough: (name, kind, latitude, longitude).
GAZETTEER = [
    ("High Street", "street", 52.9105, -1.5150),
    ("Market Square", "landmark", 52.9112, -1.5121),
    ("Station Road", "street", 52.9060, -1.4890),
    ("Northbrook Station", "landmark", 52.9052, -1.4862),
    ("Abbey Lane", "street", 52.9140, -1.5460),
    ("Abbey Ruins", "landmark", 52.9165, -1.5510),
    ("Brook Street", "street", 52.9085, -1.5220),
    ("Northbrook Central Library", "landmark", 52.9098, -1.5178),
    ("Castle Hill Road", "street", 52.9150, -1.4820),
    ("Castle Hill Park", "landmark", 52.9172, -1.4785),
    ("Dale End Road", "street", 52.8920, -1.5450),
    ("Dale End Primary School", "landmark", 52.8905, -1.5402),
    ("Marsh Lane", "street", 52.8890, -1.5150),
    ("East Marsh Leisure Centre", "landmark", 52.8875, -1.5080),
    ("Fairfield Avenue", "street", 52.8910, -1.4850),
    ("Fairfield Recreation Ground", "landmark", 52.8870, -1.4790),
    ("Northbrook General Hospital", "landmark", 52.8950, -1.4920),
    ("Mill Road", "street", 52.8985, -1.5260),
    ("Church Street", "street", 52.9125, -1.5330),
    ("St Mary's Church", "landmark", 52.9131, -1.5342),
    ("Town Hall", "landmark", 52.9108, -1.5135),
    ("Canal Towpath", "street", 52.8960, -1.5520),
    ("Victoria Road", "street", 52.9035, -1.5040),
    ("Northbrook Bus Station", "landmark", 52.9095, -1.5165),
]

# Demo proposals that are about a place get a pin on the proposals map.
PROPOSAL_PLACES = {
    "Homes above shops on the High Street": ("High Street", 52.9105, -1.5150),
    "A car-free market square on Saturdays": ("Market Square", 52.9112, -1.5121),
    "Better lighting and CCTV on Station Road": ("Station Road", 52.9060, -1.4890),
    "Bus interchange by the library": ("Northbrook Central Library", 52.9098, -1.5178),
}

NOTES = {
    "acknowledged": ["Thank you. An inspector will visit within five working days."],
    "in_progress": ["Repair booked with our highways contractor.", "Crew assigned; work starts this week."],
    "fixed": ["Repaired. Thank you for reporting it.", "Cleared by the street cleaning team."],
    "closed": ["Inspected: this is private land, so we have written to the owner."],
}


def load_areas(stdout=None) -> None:
    call_command("load_areas", str(AREAS_FILE), "--no-progress", stdout=stdout)


def load(stdout, seed: int = 2026) -> None:
    """Load the maps demo once; running it again changes nothing."""
    from civic import places
    from civic.models import Area, GazetteerEntry, Organisation, User
    from mapping import exports
    from mapping.demo import addresses as demo_addresses
    from mapping.models import (
        IssueCategory,
        IssueReport,
        PartnerApiKey,
        StatusChange,
    )

    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in={c[4] for c in CATEGORIES})}
    if len(orgs) < 2:
        stdout.write("  maps demo skipped: the demo organisations are missing")
        return
    with transaction.atomic():
        load_areas(stdout=_Quiet())
        demo_addresses.load(stdout)  # postcodes, streets and landmarks in open data layouts
        areas = list(Area.objects.filter(kind__in=[Area.Kind.COUNCIL, Area.Kind.WARD]))
        for name, kind, lat, lon in GAZETTEER:
            GazetteerEntry.objects.get_or_create(
                name=name,
                kind=kind,
                defaults={"latitude": lat, "longitude": lon, "ward": places.locate(lat, lon, areas).ward},
            )
        categories = []
        for slug, name, code, group, org, description, keywords, _titles in CATEGORIES:
            category, _ = IssueCategory.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "service_code": code,
                    "group": group,
                    "organisation": orgs[org],
                    "description": description,
                    "keywords": keywords,
                },
            )
            categories.append(category)
        if not PartnerApiKey.objects.filter(key_hash=PartnerApiKey.hash(DEMO_API_KEY)).exists():
            partner_org = (
                Organisation.objects.filter(slug="community-transport").first() or orgs["northbrook-council"]
            )
            PartnerApiKey.objects.create(
                organisation=partner_org, name="Demo partner app", key_hash=PartnerApiKey.hash(DEMO_API_KEY)
            )
        _place_proposals()
        if IssueReport.objects.exists():
            stdout.write(f"  maps: {len(areas)} areas, {len(GAZETTEER)} places, reports already loaded")
            return
        made = _reports(random.Random(seed), categories, areas, User)
        officer = User.objects.filter(email="officer@northbrook.example").first()
        _history(random.Random(seed + 1), made, officer, StatusChange)
        transaction.on_commit(exports.forget_pins)
    stdout.write(
        f"  maps: {len(areas)} areas, {len(GAZETTEER)} places, "
        f"{len(categories)} categories, {REPORTS} reports"
    )


def _place_proposals():
    from consultations.models import ProposalPage

    for title, (place, lat, lon) in PROPOSAL_PLACES.items():
        ProposalPage.objects.filter(title=title, latitude__isnull=True).update(
            latitude=lat, longitude=lon, location_name=place
        )


class _Quiet:
    def write(self, *_args, **_kwargs):
        return None

    def flush(self):
        return None


def _reports(rng, categories, areas, User):
    from civic import places
    from mapping.models import IssueReport

    residents = list(User.objects.filter(email__startswith="resident").order_by("pk")[:60])
    now = timezone.now()
    statuses = ["open"] * 40 + ["acknowledged"] * 15 + ["in_progress"] * 15 + ["fixed"] * 22 + ["closed"] * 8
    rows = []
    for i in range(REPORTS):
        category = categories[i % len(categories)]
        titles = next(c[7] for c in CATEGORIES if c[0] == category.slug)
        near = rng.choice(GAZETTEER)
        lat = near[2] + rng.uniform(-0.0025, 0.0025)
        lon = near[3] + rng.uniform(-0.004, 0.004)
        located = places.locate(lat, lon, areas)
        created = now - timedelta(days=rng.randint(0, 120), minutes=rng.randint(0, 1440))
        rows.append(
            IssueReport(
                category=category,
                organisation_id=category.organisation_id,
                title=f"{rng.choice(titles)} near {near[0]}",
                description=f"{rng.choice(titles)}. It is close to {near[0]} and has been there a while.",
                latitude=round(lat, 6),
                longitude=round(lon, 6),
                location_text=f"Near {near[0]}",
                ward=located.ward,
                reporter=rng.choice(residents) if residents else None,
                status=rng.choice(statuses),
                created_at=created,
                updated_at=created,
            )
        )
    made = IssueReport.objects.bulk_create(rows)
    through = IssueReport.followers.through
    follows = []
    for report in made:
        people = {report.reporter_id} if report.reporter_id else set()
        people.update(r.pk for r in rng.sample(residents, k=min(len(residents), rng.randint(0, 4))))
        follows += [through(issuereport_id=report.pk, user_id=pk) for pk in people]
    through.objects.bulk_create(follows, ignore_conflicts=True)
    return made


def _history(rng, reports, officer, StatusChange):
    order = ["open", "acknowledged", "in_progress", "fixed"]
    rows = []
    for report in reports:
        when = report.created_at
        rows.append(StatusChange(report=report, to_status="open", note="Reported.", created_at=when))
        if report.status == "open":
            continue
        path = (
            order[1 : order.index(report.status) + 1]
            if report.status in order
            else ["acknowledged", "closed"]
        )
        previous = "open"
        for status in path:
            when = when + timedelta(days=rng.randint(1, 6))
            note = rng.choice(NOTES.get(status, [""]))
            rows.append(
                StatusChange(
                    report=report,
                    from_status=previous,
                    to_status=status,
                    note=note,
                    officer=officer,
                    created_at=when,
                )
            )
            previous = status
    StatusChange.objects.bulk_create(rows)
