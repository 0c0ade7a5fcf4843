"""Load the fictional Northbrook demo once: organisations, wards, consultations, people, comments."""

import random
import time
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text import RichText

from civic import roles
from civic.models import Area, HomePage, InformationPage, Organisation, User
from consultations import moderation_demo
from consultations.conversations import demo as conversations_demo
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ProposalPage,
    Topic,
)
from consultations.summaries import demo as summaries_demo
from mapping import demo as mapping_demo
from project.demo import comments, content, participation
from project.demo import information as information_content
from project.demo import welsh as welsh_demo

# Staff accounts must use two-factor sign-in; the demo gives them this fixed authenticator secret
# so a newcomer can add it to any authenticator app (or run `manage.py totp_code EMAIL`).
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105
RESIDENTS = 60


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class _Progress:
    """Progress lines with the seconds since seeding started, shown as each step finishes."""

    def __init__(self, stdout, started: float):
        self.stdout, self.started = stdout, started

    def write(self, message: str = "", *args, **kwargs) -> None:
        if message.strip():
            self.stdout.write(f"  [{time.monotonic() - self.started:5.1f} s] {message.strip()}")
            self.stdout.flush()

    def flush(self) -> None:
        self.stdout.flush()


class Command(BaseCommand):
    help = "Load the Northbrook demo data (safe to run again: it loads once)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed for demo content.")

    def handle(self, *args, seed, **options):
        self.started = time.monotonic()
        self.progress = _Progress(self.stdout, self.started)
        if ConsultationPage.objects.filter(slug="leaving-hospital").exists():
            self.stdout.write("Demo data is already loaded.")
        else:
            self.stdout.write("Loading the Northbrook demo:")
            rng = random.Random(seed)
            with transaction.atomic():
                self.load(rng)
        mapping_demo.load(self.progress, seed)  # idempotent: areas, gazetteer, categories, reports
        moderation_demo.load(self.progress, seed, reported=comments.reported())  # idempotent
        self.step("preparing themes and the equality baseline for the summaries ...")
        summaries_demo.load(self.progress, seed)  # idempotent: census baseline, profiles, themes
        self.publish_responses()  # idempotent: "you said, we did" for closed consultations
        conversations_demo.load(self.progress, seed)  # idempotent: a conversation with opinion groups
        self.load_information_pages()  # idempotent: privacy, accessibility, cookies, rules, contact
        welsh_demo.load(self.progress)  # idempotent: the home page and one consultation in Welsh
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {time.monotonic() - self.started:.1f} s."))
        self.print_accounts()

    def step(self, message):
        if not hasattr(self, "progress"):  # a step run on its own, outside handle()
            self.progress = _Progress(self.stdout, time.monotonic())
        self.progress.write(message)

    def load(self, rng):
        now = timezone.now()
        orgs = {
            slug: Organisation.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind})[0]
            for slug, name, kind in content.ORGANISATIONS
        }
        topics = {
            slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in content.TOPICS
        }
        self.step(f"{len(orgs)} organisations, {len(topics)} topics")
        wards = []
        for slug, name, west, south, east, north in content.WARDS:
            ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
            area, _ = Area.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "geometry": {"type": "Polygon", "coordinates": [ring]}},
            )
            wards.append(area)
        self.step(f"{len(wards)} wards")
        self.create_accounts(orgs)
        residents = [*self.create_residents(), *User.objects.filter(email="resident@northbrook.example")]
        self.step(f"{len(content.ACCOUNTS) + RESIDENTS} accounts (one password hash shared by all)")

        home = HomePage.objects.first() or Page.objects.get(depth=1).add_child(
            instance=HomePage(title="Have your say", slug="home")
        )
        index = ConsultationIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(
                instance=ConsultationIndexPage(
                    title="Consultations",
                    slug="consultations",
                    intro="<p>Every consultation run by the council and its partners.</p>",
                )
            )
            index.save_revision().publish()
        said = comments.by_consultation()
        for spec in content.CONSULTATIONS:
            consultation = ConsultationPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                body=[("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in spec["body"]],
                opens_at=now + timedelta(days=spec["opens_days"]),
                closes_at=now + timedelta(days=spec["closes_days"]),
                lead_organisation=orgs[spec["lead"]],
                moderation_policy=spec["moderation"],
                how_to_take_part=(
                    "<p>Fill in a paper form at any Northbrook library, call 01632 960 000 "
                    "(Monday to Friday, 9am to 5pm), or come to a drop-in event at the town hall.</p>"
                ),
            )
            index.add_child(instance=consultation)
            consultation.partner_organisations.set([orgs[s] for s in spec["partners"]])
            consultation.topics.set([topics[s] for s in spec["topics"]])
            proposals = {}
            for title, problem, change in spec["proposals"]:
                proposal = ProposalPage(
                    title=title,
                    problem=f"<p>{escape(problem)}</p>",
                    # a paragraph block each, so residents can comment on one paragraph
                    proposed_change=[
                        ("paragraph", RichText(f"<p>{escape(text)}</p>"))
                        for text in ((change,) if isinstance(change, str) else change)
                    ],
                    who_it_affects="<p>Residents of Northbrook and the people who care for them.</p>",
                )
                consultation.add_child(instance=proposal)
                proposal.save_revision().publish()
                proposals[title] = proposal
            made = votes = 0
            subjects = said.get(spec["slug"])
            if subjects and spec["opens_days"] < 0:
                made, stances = participation.create_comments(
                    rng, consultation, proposals, subjects, residents, now
                )
                votes = participation.create_votes(rng, proposals, subjects, residents, stances)
            if spec.get("outcomes"):  # results counted from what was just seeded
                consultation.results_published = True
                consultation.results = participation.results_html(consultation, spec["outcomes"])
            consultation.save_revision().publish()
            self.step(
                f"{spec['title']}: {_count(len(proposals), 'proposal')}, {made} comments, {votes} votes"
            )

    def publish_responses(self):
        """'You said, we did' for each closed consultation, in the words of its published results."""
        for spec in content.CONSULTATIONS:
            consultation = ConsultationPage.objects.filter(slug=spec["slug"]).first()
            if consultation is not None and spec.get("outcomes"):
                made = participation.publish_responses(consultation, spec["outcomes"])
                if made:
                    self.step(f"{consultation.title}: {made} responses (you said, we did)")

    @transaction.atomic
    def load_information_pages(self):
        """The pages every public site must have, under the home page; kinds already there are kept."""
        home = HomePage.objects.first()
        if home is None:
            return
        existing = set(InformationPage.objects.values_list("kind", flat=True))
        made = 0
        for spec in information_content.pages():
            if spec["kind"] in existing:
                continue
            page = home.add_child(instance=InformationPage(**spec))
            page.save_revision().publish()
            made += 1
        if made:
            self.step(f"{made} information pages (privacy, accessibility, cookies, house rules, contact)")

    def demo_password_hash(self) -> str:
        """The demo password hashed once and shared by every demo account.

        A demo-only shortcut: each hash takes the configured hasher's full work factor (most of a
        second), so hashing it 66 times made seeding take about 45 s. Sharing one salt and hash is
        harmless for fictional accounts whose password is printed anyway; real accounts never get
        it (people set their own passwords through allauth, each with its own salt)."""
        if not hasattr(self, "_password_hash"):
            self._password_hash = make_password(content.PASSWORD)
        return self._password_hash

    def create_accounts(self, orgs):
        for role, email, display_name, org_slug, superuser in content.ACCOUNTS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User(
                    username=email.split("@")[0].replace(".", "_"),
                    email=email,
                    display_name=display_name,
                    organisation=orgs.get(org_slug),
                    is_superuser=superuser,
                    is_staff=superuser,
                )
                user.password = self.demo_password_hash()
                user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            if role in roles.ALL:
                user.groups.add(Group.objects.get(name=role))
            if superuser or role in roles.STAFF_ROLES:
                Authenticator.objects.get_or_create(
                    user=user,
                    type=Authenticator.Type.TOTP,
                    defaults={"data": {"secret": encrypt(DEMO_TOTP_SECRET)}},
                )

    def create_residents(self) -> list[User]:
        group = Group.objects.get(name=roles.RESIDENT)
        residents = []
        for i in range(RESIDENTS):
            email = f"resident{i + 1}@northbrook.example"
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User(
                    username=f"resident{i + 1}",
                    email=email,
                    display_name=content.DISPLAY_NAMES[i % len(content.DISPLAY_NAMES)],
                    password=self.demo_password_hash(),
                )
                user.save()
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
                user.groups.add(group)
            residents.append(user)
        return residents

    def print_accounts(self):
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password for all: {content.PASSWORD})")
        for role, email, _display_name, _org_slug, _superuser in content.ACCOUNTS:
            self.stdout.write(f"  {role:<14} {email}")
        self.stdout.write("  Residents      resident1@northbrook.example ... resident60@northbrook.example")
        self.stdout.write("")
        self.stdout.write("Staff sign in with two-factor authentication. Add this secret to an")
        self.stdout.write(f"authenticator app: {DEMO_TOTP_SECRET}")
        self.stdout.write("or print the current code with: .venv/bin/python manage.py totp_code EMAIL")
