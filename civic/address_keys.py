"""Search keys for places: postcodes and names folded so typing style never matters."""

import re
import unicodedata

# A full UK-style postcode once spaces are gone: outward code (area, district) then inward code.
FULL_POSTCODE = re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]?[0-9][a-z]{2}$")
# The start of one, as someone types it: "n", "nb", "nb1", "nb12", "nb12a".
POSTCODE_START = re.compile(r"^[a-z]{1,2}[0-9]")
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_REPEATS = re.compile(r"(.)\1+")
MAX_QUERY = 100


# ASCII fast path (most names): letters and digits kept, apostrophes dropped, the rest made spaces.
_ASCII = {i: (chr(i).lower() if chr(i).isalnum() else " ") for i in range(128)}
_ASCII[ord("'")] = ""
_ASCII_TABLE = str.maketrans(_ASCII)


def fold(text: str) -> str:
    """Lower case ASCII letters, digits and single spaces: "St Mary's  Church" -> "st marys church"."""
    text = str(text or "")[: MAX_QUERY * 3]
    if text.isascii():
        return " ".join(text.translate(_ASCII_TABLE).split())[:MAX_QUERY]
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("'", "").replace("\u2019", "")
    text = _NOT_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()[:MAX_QUERY]


def compact_postcode(text: str) -> str:
    """ "NB1 2AB", "nb12ab" and " nb1  2ab " all give "nb12ab"; the key postcodes are stored under."""
    return fold(text).replace(" ", "")


def parse_postcode(text: str) -> tuple[str, str] | None:
    """(key, printed form) of a full postcode, or None: ("nb12ab", "NB1 2AB")."""
    compact = compact_postcode(text)
    if not FULL_POSTCODE.match(compact):
        return None
    return compact, f"{compact[:-3]} {compact[-3:]}".upper()


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


_NO_VOWELS = str.maketrans("", "", "aeiouy")


def skeleton(key: str) -> str:
    """Consonants only, repeats collapsed: most slips of the finger ("raod", "libary") share it."""
    return " ".join(_REPEATS.sub(r"\1", key.translate(_NO_VOWELS)).split())[:MAX_QUERY]


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
    """How far the query is from the closest start of the key ("elm raod" is 1 from "elm road close").

    One Damerau-Levenshtein table of the query against the key's first characters, only the band
    within `limit` of the diagonal, giving up as soon as a row is all over the limit."""
    n = len(query)
    target = key[: n + limit]
    m = len(target)
    over = limit + 1
    before: list[int] = []
    previous = [j if j <= limit else over for j in range(m + 1)]
    for i in range(1, n + 1):
        ca = query[i - 1]
        low, high = max(1, i - limit), min(m, i + limit)
        current = [i if i <= limit else over] + [over] * m
        for j in range(low, high + 1):
            cb = target[j - 1]
            value = previous[j - 1] + (ca != cb)
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            if i > 1 and j > 1 and ca == target[j - 2] and query[i - 2] == cb and before[j - 2] + 1 < value:
                value = before[j - 2] + 1
            current[j] = value
        if min(current[low - 1 : high + 1]) > limit:
            return over
        before, previous = previous, current
    ends = previous[max(0, n - limit) : min(m, n + limit) + 1]
    return min(min(ends, default=over), over)


def allowed_typos(query: str) -> int:
    return 0 if len(query) < 3 else 1 if len(query) < 7 else 2
