"""Numbers read back from text: digits, Arabic and English ordinal words."""

from __future__ import annotations

import re
import unicodedata

from bylaws.text import (
    ARABIC_BLOCK,
    ARABIC_INDIC_DIGITS,
    ARABIC_WORD_MARKS,
    EXTENDED_ARABIC_INDIC_DIGITS,
)

from .ordinals import HUNDREDS_AR, SMALL_EN, TENS_AR, TENS_EN, UNITS_AR, ordinal_word_en

_TO_ASCII = str.maketrans(
    ARABIC_INDIC_DIGITS + EXTENDED_ARABIC_INDIC_DIGITS, "01234567890123456789"
)
_DIGITS_RE = re.compile(f"[0-9{ARABIC_INDIC_DIGITS}{EXTENDED_ARABIC_INDIC_DIGITS}]+")
_ARABIC_RE = re.compile(f"[{ARABIC_BLOCK}]")
_ARABIC_MARKS_RE = re.compile(f"[{ARABIC_WORD_MARKS}]")
_LOOSE_AR = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)


def _loose_ar(word: str) -> str:
    return _ARABIC_MARKS_RE.sub("", word).translate(_LOOSE_AR)


# Kinds of Arabic number words: U unit 1..9, X ordinal ten (العاشر), T the word
# عشر/عشرة (a teen's ten, or ten alone), D tens, H hundreds, K thousands,
# P the plural آلاف that multiplies the unit before it.
def _arabic_vocabulary() -> dict[str, tuple[str, int]]:
    vocab: dict[str, tuple[str, int]] = {}

    def add(kind: str, value: int, *spellings: str) -> None:
        for spelling in spellings:
            for variant in {spelling, spelling.replace("مائ", "مئ")}:
                vocab[_loose_ar(variant)] = (kind, value)

    for value in range(1, 10):
        add("U", value, UNITS_AR["f"][value][2:], UNITS_AR["m"][value][2:])
    add("U", 1, "حادي", "حادية", "واحد", "واحدة")
    add("U", 2, "اثنان", "اثنين", "اثنا", "اثني", "اثنتان", "اثنتين", "اثنتا", "اثنتي")
    cardinals = ("ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع")
    for value, stem in enumerate(cardinals, start=3):
        add("U", value, stem, stem + "ة")
    add("U", 8, "ثمان")
    add("X", 10, "عاشر", "عاشرة")
    add("T", 10, "عشر", "عشرة")
    for value in range(2, 10):
        nominative = TENS_AR[value][2:]
        add("D", value * 10, nominative, nominative[:-2] + "ين")
    add("H", 100, "مائة")
    add("H", 200, "مائتان", "مائتين")
    for value in range(3, 10):
        add("H", value * 100, HUNDREDS_AR[value][2:])
    add("H", 800, "ثمانيمائة")
    add("K", 1000, "ألف")
    add("K", 2000, "ألفان", "ألفين")
    add("P", 1000, "آلاف")
    return vocab


_AR_VOCAB = _arabic_vocabulary()
_SMALL_AR = r"(?:UT?|UD|D|X|T)"
_BIG_AR = r"(?:KH?|H)"
_SEGMENT_AR_RE = re.compile(rf"{_SMALL_AR}?{_BIG_AR}?|{_BIG_AR}{_SMALL_AR}")


def _arabic_word(word: str) -> tuple[str, int] | None:
    # Try the word as written, then without the conjunction و and the article ال.
    candidates = [word]
    if word.startswith("و"):
        candidates.append(word[1:])
    for candidate in list(candidates):
        if candidate.startswith("ال"):
            candidates.append(candidate[2:])
    for candidate in candidates:
        if candidate in _AR_VOCAB:
            return _AR_VOCAB[candidate]
    return None


def _arabic_segment(words: list[str]) -> tuple[str, int] | None:
    """Kinds and value of a run of words between «بعد»s, or None."""
    items: list[tuple[str, int]] = []
    for word in words:
        if word == "و":
            continue
        found = _arabic_word(word)
        if found is None:
            return None
        kind, value = found
        previous = items[-1] if items else None
        # ثلاث مائة / الثلاثة آلاف: a unit multiplies the hundred or thousands after it
        if previous and previous[0] == "U" and previous[1] >= 3:
            if (kind, value) == ("H", 100):
                items[-1] = ("H", previous[1] * 100)
                continue
            if kind == "P":
                items[-1] = ("K", previous[1] * 1000)
                continue
        if kind == "P":
            return None
        items.append((kind, value))
    kinds = "".join(kind for kind, _ in items)
    if not kinds or not _SEGMENT_AR_RE.fullmatch(kinds):
        return None
    return kinds, sum(value for _, value in items)


def _parse_arabic(text: str) -> int | None:
    words = _loose_ar(text).split()
    segments: list[list[str]] = [[]]
    for word in words:
        if word == "بعد":
            segments.append([])
        else:
            segments[-1].append(word)
    parsed = [_arabic_segment(s) for s in segments]
    if any(p is None for p in parsed) or len(parsed) > 2:
        return None
    done = [p for p in parsed if p is not None]
    if len(done) == 2:
        (small_kinds, small), (big_kinds, big) = done
        if not re.fullmatch(_SMALL_AR, small_kinds) or not re.fullmatch(
            _BIG_AR, big_kinds
        ):
            return None
        return small + big
    return done[0][1]


_EN_WORDS: dict[str, int] = {w: i for i, w in enumerate(SMALL_EN)}
_EN_WORDS.update({w: i * 10 for i, w in enumerate(TENS_EN) if w})
_EN_ORDINALS: dict[str, int] = {ordinal_word_en(w): v for w, v in _EN_WORDS.items()}
_EN_NUMERIC_ORDINAL_RE = re.compile(r"([0-9]+)(?:st|nd|rd|th)")


def _english_step(total: int, current: int, word: str) -> tuple[int, int] | None:
    """(total, current) after one more English number word, or None if it cannot follow.

    `current` is the part below a thousand still being read, `total` the
    thousands already closed.
    """
    if word in ("hundred", "hundredth"):
        return (total, current * 100) if 1 <= current <= 9 else None
    if word in ("thousand", "thousandth"):
        return (total + current * 1000, 0) if 1 <= current <= 999 else None
    value = _EN_ORDINALS.get(word, _EN_WORDS.get(word))
    if value is None:
        return None
    if current % 100 and (current % 10 or value >= 10):
        return None  # "twelve three", "twenty thirty": not a number
    return total, current + value


def _parse_english(text: str) -> int | None:
    words = [w for w in re.split(r"[\s\-]+", text.lower()) if w and w != "and"]
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and (m := _EN_NUMERIC_ORDINAL_RE.fullmatch(words[0])):
        return int(m.group(1))
    total = current = 0
    for index, word in enumerate(words):
        is_ordinal = word in ("hundredth", "thousandth") or word in _EN_ORDINALS
        if is_ordinal and index != len(words) - 1:
            return None  # an ordinal word can only close the number
        step = _english_step(total, current, word)
        if step is None:
            return None
        total, current = step
    return total + current


def parse_number(text: str) -> int | None:
    """The integer that text writes, or None when it is not a number.

    Accepts ASCII, Arabic-Indic and Persian digits; Arabic ordinal (and simple
    cardinal) words in either gender, with or without ال, diacritics, tatweel
    or hamza; English ordinals and cardinals ("twelfth", "twelve", "12th").
    """
    stripped = unicodedata.normalize("NFC", text).strip()
    if not stripped:
        return None
    if _DIGITS_RE.fullmatch(stripped):
        return int(stripped.translate(_TO_ASCII))
    if _ARABIC_RE.search(stripped):
        return _parse_arabic(stripped)
    return _parse_english(stripped)
