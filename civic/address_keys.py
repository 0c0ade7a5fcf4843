"""Search keys for places: postcodes and names folded so typing style never matters."""

import re
import unicodedata

# A full UK-style postcode once spaces are gone: outward code (area, district) then inward code.
FULL_POSTCODE = re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]?[0-9][a-z]{2}$")
# The start of one, as someone types it: "n", "nb", "nb1", "nb12", "nb12a".
POSTCODE_START = re.compile(r"^[a-z]{1,2}[0-9]")
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")
MAX_QUERY = 100


def fold(text: str) -> str:
    """Lower case ASCII letters, digits and single spaces: "St Mary's  Church" -> "st marys church"."""
    text = unicodedata.normalize("NFKD", str(text or "")[: MAX_QUERY * 3])
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("'", "").replace("\u2019", "")
    text = _NOT_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()[:MAX_QUERY]


def compact_postcode(text: str) -> str:
    """ "NB1 2AB", "nb12ab" and " nb1  2ab " all give "nb12ab"; the key postcodes are stored under."""
    return fold(text).replace(" ", "")


def format_postcode(text: str) -> str:
    """The printed form: upper case, one space before the last three characters ("NB1 2AB")."""
    compact = compact_postcode(text).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 4 else compact


def is_postcode(text: str) -> bool:
    return bool(FULL_POSTCODE.match(compact_postcode(text)))


def looks_like_postcode(text: str) -> bool:
    """True for a postcode or the start of one, so the query is folded the way postcodes are stored."""
    compact = compact_postcode(text)
    return bool(compact) and bool(POSTCODE_START.match(compact)) and len(compact) <= 7


def name_key(text: str) -> str:
    return fold(text)


def skeleton(key: str) -> str:
    """Consonants only, repeats collapsed: most slips of the finger ("raod", "libary") share it."""
    words = [_REPEATS.sub(r"\1", _VOWELS.sub("", word)) or word[:1] for word in key.split()]
    return " ".join(words)[:MAX_QUERY]


def query_key(text: str) -> str:
    """The key a query is compared with: compact for postcodes, folded words otherwise."""
    return compact_postcode(text) if looks_like_postcode(text) else fold(text)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), giving up past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def prefix_distance(query: str, key: str, limit: int = 3) -> int:
    """How far the query is from the start of the key: typing "elm raod" is 1 from "elm road close"."""
    if len(key) <= len(query):
        return edit_distance(query, key, limit)
    return min(edit_distance(query, key[:n], limit) for n in range(len(query) - 1, len(query) + 2))


def allowed_typos(query: str) -> int:
    return 0 if len(query) < 3 else 1 if len(query) < 7 else 2
