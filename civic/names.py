"""The one rule for public display names: plain visible text that cannot pass for someone official.

A display name is shown beside a resident's comments, in live updates, officer search and exports.
It must not reorder or hide text (bidirectional controls, zero-width and control characters), and a
resident's name must not claim an official role, an organisation, or one of the labels Civic itself
prints in the author slot ("Participant 12", "Paper response"). Look-alikes are caught by comparing
skeletons: NFKC, accents dropped, case folded, common homoglyphs (Cyrillic, Greek, digits) mapped to
Latin letters, and l/I/1 treated as one letter. Accounts with an official role (officer, moderator,
councillor, administrator) may use role words and their own organisation's name, which is true of
them."""

import re
import unicodedata
from collections.abc import Collection
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import brand, roles
from .models import Organisation
from .text import plain_text

if TYPE_CHECKING:
    from .models import User

MIN_LENGTH = 2
MAX_LENGTH = 50

# Characters that reorder or hide text: refused outright, never silently stripped.
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = set(
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u200b\u200c\u200d"
    "\u2060\u2061\u2062\u2063\u2064\u3164\ufeff\uffa0\u2800"
)
HIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}  # control, format, private, unassigned
WHITESPACE = set("\t\n\r")  # typed by accident; collapsed like spaces
MAX_MARKS_PER_LETTER = 2  # stacked combining marks ("zalgo") spill over neighbouring lines

# Role words a resident's name may not contain. STRONG words are refused anywhere in the name,
# even glued to other letters ("TheCouncilOfficer"); WORDS only as a word of their own, because
# they occur inside ordinary names ("Staffordshire", "Badminton").
STRONG = ("officer", "councillor", "councilor", "moderator", "administrator", "official")
WORDS = (
    "admin", "admins", "sysadmin", "staff", "council", "cllr", "clr", "mod", "mods", "officers",
    "officials", "moderators", "police", "nhs", "mayor", "webmaster", "helpdesk", "verified",
)  # fmt: skip
# Labels Civic prints in the author slot itself.
SYSTEM_LABELS = (
    "participant", "former participant", "paper response", "phone response",
    "response at an event", "official response", "deleted", "removed",
)  # fmt: skip

HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "є": "e", "з": "3", "і": "i", "ї": "i", "ј": "j", "к": "k",
        "м": "m", "н": "h", "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
        "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "i", "ь": "b", "г": "r",
        "ѵ": "v", "ү": "y", "ғ": "f",
        # Greek
        "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
        "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j", "ς": "c",
        "μ": "u", "σ": "o",
        # Armenian and other scripts' look-alikes
        "օ": "o", "ս": "u", "ո": "n", "ց": "g", "հ": "h", "ɡ": "g", "ɑ": "a", "ı": "i", "ȷ": "j",
        "ɩ": "i", "ʟ": "i", "ł": "i", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ƚ": "i", "ɵ": "o",
        # Digits and symbols people use as letters
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
        "$": "s", "|": "i", "!": "i", "€": "e", "@": "a",
        # l and i look alike in many fonts: one letter in skeletons
        "l": "i",
    }
)  # fmt: skip
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def skeleton(text: str) -> str:
    """A lower-case Latin look-alike of text, kept with its word breaks."""
    text = CAMEL.sub(" ", unicodedata.normalize("NFKC", text))
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(HOMOGLYPHS).replace("rn", "m").replace("vv", "w")
    return re.sub(r"[^a-z]+", " ", text).strip()


def _tokens(skel: str) -> list[str]:
    """Words of a skeleton, with runs of single letters joined ("s t a f f" is "staff")."""
    tokens, run = [], []
    for word in skel.split():
        if len(word) == 1:
            run.append(word)
            continue
        if run:
            tokens.append("".join(run))
            run = []
        tokens.append(word)
    if run:
        tokens.append("".join(run))
    return tokens


def _contains_words(skel: str, phrase_skel: str) -> bool:
    """True when phrase_skel's words appear in skel as whole words, in order."""
    if not phrase_skel:
        return False
    return f" {phrase_skel} " in f" {' '.join(_tokens(skel))} " or f" {phrase_skel} " in f" {skel} "


_STRONG_SKELETONS = tuple(skeleton(word).replace(" ", "") for word in STRONG)
_WORD_SKELETONS = {skeleton(word): word for word in WORDS}
_LABEL_SKELETONS = tuple(skeleton(label) for label in SYSTEM_LABELS)


def refuse_hidden_characters(value: str) -> None:
    """Bidirectional overrides, invisible and control characters are refused, not stripped."""
    marks = 0
    for ch in value:
        category = unicodedata.category(ch)
        if ch in BIDI:
            raise ValidationError(
                _("Display names cannot contain characters that change the direction of text."),
                code="bidi",
            )
        if ch in INVISIBLE or (category in HIDDEN_CATEGORIES and ch not in WHITESPACE):
            raise ValidationError(
                _("Display names cannot contain invisible or control characters."), code="invisible"
            )
        marks = marks + 1 if category in {"Mn", "Me"} else 0
        if marks > MAX_MARKS_PER_LETTER:
            raise ValidationError(_("Display names cannot stack accents on one letter."), code="marks")


def claimed_role(name: str) -> str | None:
    """The official role word a name claims, if any."""
    skel = skeleton(name)
    compact = skel.replace(" ", "")
    for word, word_skel in zip(STRONG, _STRONG_SKELETONS, strict=True):
        if word_skel in compact:
            return word
    for token in _tokens(skel):
        for candidate in (token, token.removesuffix("s")):
            if candidate in _WORD_SKELETONS:
                return _WORD_SKELETONS[candidate]
    return _WORD_SKELETONS.get(compact)


def claimed_label(name: str) -> bool:
    """True when the name reads as a label Civic prints itself ("Participant 12")."""
    without_digits = re.sub(r"\d", " ", unicodedata.normalize("NFKC", name))
    return any(
        skel == label or skel.startswith(label + " ")
        for skel in {skeleton(name), skeleton(without_digits)}
        for label in _LABEL_SKELETONS
    )


def claimed_organisation(name: str, exclude_ids: Collection[int] = ()) -> str | None:
    """The organisation (or the site itself) a name claims to be, if any."""
    skel = skeleton(name)
    compact = skel.replace(" ", "")
    candidates: list[tuple[str, int | None]] = [(site_name, None) for site_name in brand.site_names()]
    candidates += [(org_name, pk) for pk, org_name in Organisation.objects.values_list("pk", "name")]
    for org_name, pk in candidates:
        if pk is not None and pk in exclude_ids:
            continue
        org_skel = skeleton(org_name)
        org_compact = org_skel.replace(" ", "")
        if not org_compact:
            continue
        # Long names are refused wherever they appear, glued or not; short ones as whole words.
        if (len(org_compact) >= 8 and org_compact in compact) or _contains_words(skel, org_skel):
            return org_name
    return None


def is_official_account(user: "User | None") -> bool:
    """Officers, moderators, councillors and administrators: role words are true of them."""
    if user is None or not getattr(user, "pk", None):
        return False
    return bool(
        user.is_superuser
        or user.is_staff
        or roles.account_role_names(user) & {roles.OFFICER, roles.MODERATOR, roles.COUNCILLOR}
    )


def clean_display_name(value: str, user: "User | None" = None) -> str:
    """The display name to store for user (None: a new account); ValidationError if refused."""
    refuse_hidden_characters(value or "")
    name = " ".join(plain_text(value or "").split())
    if len(name) < MIN_LENGTH:
        raise ValidationError(
            _("Enter a display name of at least %(count)s characters.") % {"count": MIN_LENGTH}, code="short"
        )
    if len(name) > MAX_LENGTH:
        raise ValidationError(
            _("Display name must be %(count)s characters or fewer.") % {"count": MAX_LENGTH}, code="long"
        )
    if "@" in name:
        raise ValidationError(_("Display name must not contain an email address."), code="email")
    if claimed_label(name):
        raise ValidationError(
            _("Choose a name that does not look like one of the site's own labels."), code="label"
        )
    official = is_official_account(user)
    if not official and (role := claimed_role(name)):
        raise ValidationError(
            _(
                "Display names cannot include official titles such as “%(role)s”: "
                "official accounts are labelled by the site itself."
            ),
            code="role",
            params={"role": role.capitalize()},
        )
    own = (user.organisation_id,) if user is not None and official and user.organisation_id else ()
    if organisation := claimed_organisation(name, exclude_ids=own):
        raise ValidationError(
            _("Display names cannot be the name of an organisation (“%(organisation)s”)."),
            code="organisation",
            params={"organisation": organisation},
        )
    return name


def clean_private_name(value: str, max_length: int = 120) -> str:
    """A name staff type for an offline resident (never shown): plain text, nothing hidden."""
    refuse_hidden_characters(value or "")
    return " ".join(plain_text(value or "").split())[:max_length]
