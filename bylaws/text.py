"""Tokens and normalisation for Arabic and Latin text.

Everything that compares or searches text goes through this module, so the
rules live in one place:

- `tokenize` cuts text into words, numbers, single punctuation marks and runs of
  whitespace; joining the tokens always gives back the text.
- `normalize_word` is the key two tokens are compared by: it hides the formal
  differences (diacritics, tatweel, alef forms, digit shapes, spacing, case) but
  keeps ة/ه and ى/ي apart, because على is not علي.
- `loose_key` and `strip_for_search` also fold ة to ه and ى to ي and drop
  punctuation: they pair articles and feed the site's search.
- `is_formal_change` says whether two texts differ only formally;
  `change_class` also tells a change of punctuation only apart.
- The characters a reader cannot see have their one table in
  `bylaws.invisibles`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from typing import Literal

from .marks import mark_ranges

__all__ = [
    "ARABIC_BLOCK",
    "ARABIC_INDIC_DIGITS",
    "ARABIC_LETTERS",
    "ARABIC_MARKS",
    "ARABIC_TATWEEL",
    "ARABIC_WORD_MARKS",
    "EXTENDED_ARABIC_INDIC_DIGITS",
    "ChangeClass",
    "TokenKind",
    "change_class",
    "has_arabic_letters",
    "is_formal_change",
    "is_space",
    "loose_key",
    "normalize_word",
    "regex_class",
    "search_key",
    "strip_for_search",
    "token_kind",
    "tokenize",
]

TokenKind = Literal["word", "number", "space", "punct"]

# Arabic harakat, tanween, shadda, sukun, the hamza and maddah marks, and the
# superscript (dagger) alef: they change how a word is voiced, not which word it is.
_TASHKEEL = "\u064b-\u065f\u0670"
_TATWEEL = "\u0640"
_JOINERS = "\u200c\u200d"
# Invisible direction marks that editors insert around mixed-direction text:
# the search index ignores them all.
_BIDI_MARKS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# The soft ones, ALM, LRM and RLM: a drafter puts them between digits and Arabic
# on purpose, and they move no character; a change in them alone is formal.
_DIRECTION_MARKS = "\u061c\u200e\u200f"


def regex_class(ranges: tuple[tuple[int, int], ...]) -> str:
    """A regex character class body for code point ranges."""
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in ranges
    )


_MARKS = regex_class(mark_ranges()) + _TATWEEL + _JOINERS
# A letter of any script: a word character that is neither a digit nor "_".
_LETTER = r"[^\W\d_]"
_APOSTROPHES = "'\u2019"
_NUMBER_SEPARATORS = ".,\u066b\u066c"

# The big patterns of this module are compiled when first used, not when it
# loads: `check` and `--version` load it and never cut a text into words.
_TOKEN_PATTERN = (
    # Letters, then any number of (marks or an apostrophe before a letter, then
    # letters). Possessive quantifiers: a word never needs to give anything back,
    # and this shape runs twice as fast as one alternation per character.
    rf"(?P<word>{_LETTER}++"
    rf"(?:(?:[{_MARKS}]|[{_APOSTROPHES}](?={_LETTER}))++{_LETTER}*+)*+)"
    rf"|(?P<number>\d+(?:[{_NUMBER_SEPARATORS}]\d+)*)"
    r"|(?P<space>\s+)"
    # Anything else, including a stray mark with nothing to sit on, stands alone.
    r"|(?P<punct>.)"
)


@cache
def _token_re() -> re.Pattern[str]:
    return re.compile(_TOKEN_PATTERN, re.DOTALL)


@cache
def _split_re() -> re.Pattern[str]:
    """The token pattern without groups, so that `findall` returns the tokens."""
    return re.compile(re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_PATTERN), re.DOTALL)


def _split_first(s: str) -> list[str]:
    """Compile the tokenizer, put its `findall` in its own place, and cut `s`:
    later calls cost what they cost before."""
    global _split
    _split = _split_re().findall
    return _split(s)


_split: Callable[[str], list[str]] = _split_first


def tokenize(s: str) -> list[str]:
    """Cut a text into words, numbers, single punctuation marks and space runs.

    A word is a letter of any script followed by letters, combining marks
    (Arabic tashkeel, Latin accents), tatweel, zero-width joiners, and
    apostrophes between letters (l'article). A number is a run of digits of any
    script (ASCII, Arabic-Indic, Extended Arabic-Indic) with internal `.` `,`
    `٫` `٬` separators. Every other character (، ؛ ؟ « » ( ) - / …) is a token
    of its own. `"".join(tokenize(s)) == s` always.
    """
    return _split(s)


def token_kind(tok: str) -> TokenKind:
    """Whether a token (from `tokenize`) is a word, a number, space or punctuation."""
    match = _token_re().match(tok)
    if match is None or match.lastgroup is None or match.end() != len(tok):
        raise ValueError(f"not a token: {tok!r}")
    kind: TokenKind = match.lastgroup  # type: ignore[assignment]
    return kind


def is_space(tok: str) -> bool:
    """Whether a token is whitespace only (an empty string counts)."""
    return not tok or tok.isspace()


# Only the soft direction marks go: every other invisible character (an
# override, a zero-width space, a joiner) stays in the key, so a change in it
# is never formal: it can reorder or split what a reader sees.
_STRIP_RE = re.compile(f"[{_TASHKEEL}{_TATWEEL}{_DIRECTION_MARKS}]")
_SPACE_RE = re.compile(r"\s+")
# Alef with hamza above or below, with maddah, and alef wasla all become bare
# alef: writers and keyboards disagree about them. ؤ and ئ stay: they are
# letters of their own, not a spelling of و or ي.
_ALEF_FORMS = "\u0623\u0625\u0622\u0671\u0672\u0673"
_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
_EXT_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
# Arabic character classes, the one definition the rest of bylaws uses: bodies of
# a regex class (`f"[{ARABIC_LETTERS}]"`); the digit classes are also the digits
# in order 0-9, for translation tables.
ARABIC_BLOCK = "\u0600-\u06ff"  # the whole Arabic block: letters, marks, digits, signs
ARABIC_LETTERS = "\u0621-\u064a"  # hamza to yeh: the letters a word is spelled with
ARABIC_INDIC_DIGITS = _DIGITS
EXTENDED_ARABIC_INDIC_DIGITS = _EXT_DIGITS
ARABIC_MARKS = _TASHKEEL  # harakat, tanween, shadda, sukun, superscript alef
ARABIC_TATWEEL = _TATWEEL
_ARABIC_RE = re.compile(f"[{ARABIC_BLOCK}]")


def has_arabic_letters(text: str) -> bool:
    """Whether any character of `text` is in the Arabic block."""
    return _ARABIC_RE.search(text) is not None


# What an Arabic word may carry without becoming another word: tashkeel, Quranic
# annotation marks, tatweel and zero-width joiners.
ARABIC_WORD_MARKS = _TASHKEEL + "\u06d6-\u06ed" + _TATWEEL + _JOINERS
_WORD_FOLD = str.maketrans(
    {
        **dict.fromkeys(_ALEF_FORMS, "\u0627"),
        **{d: str(i) for i, d in enumerate(_DIGITS)},
        **{d: str(i) for i, d in enumerate(_EXT_DIGITS)},
        # Arabic decimal and thousands separators, as written inside numbers.
        "\u066b": ".",
        "\u066c": ",",
    }
)
_TEH_MARBUTA = "\u0629"
_HEH = "\u0647"
_ALEF_MAKSURA = "\u0649"
_YEH = "\u064a"
_LOOSE_FOLD = str.maketrans({_TEH_MARBUTA: _HEH, _ALEF_MAKSURA: _YEH})
# The folds as (character, replacement) pairs, for `_fold`. No replacement
# contains a character that is folded itself, so replacing one character after
# another gives what one `translate` over the table would.
_WORD_FOLD_PAIRS = tuple((chr(code), str(repl)) for code, repl in _WORD_FOLD.items())
_SEARCH_FOLD_PAIRS = tuple(
    (chr(code), str(repl)) for code, repl in {**_WORD_FOLD, **_LOOSE_FOLD}.items()
)


def _fold(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """`text.translate` for a small table of single characters, much faster.

    `str.translate` looks each character of a non-ASCII text up in a dict;
    `in` and `replace` scan in C and touch only the characters present.
    """
    for char, repl in pairs:
        if char in text:
            text = text.replace(char, repl)
    return text


def normalize_word(tok: str) -> str:
    """The key a token is compared by; formal differences disappear.

    Rules, in order: NFC; drop tashkeel (U+064B–U+065F), superscript alef
    (U+0670), tatweel and the soft direction marks ALM, LRM, RLM (the other
    invisible characters of `INVISIBLES` stay: a change in them is real); fold أ إ آ ٱ to ا
    (ؤ and ئ are kept); Arabic-Indic and Extended Arabic-Indic digits and the
    Arabic decimal and thousands separators to ASCII; NFC again; a whitespace
    run to one space; casefold. ة/ه and ى/ي stay distinct.
    """
    if tok.isspace():
        return " "
    # NFC first, so that ا + U+0654 composes to أ before the marks go.
    text = unicodedata.normalize("NFC", tok)
    text = _fold(_STRIP_RE.sub("", text), _WORD_FOLD_PAIRS)
    # Again, because a deleted mark may have stood between a letter and an accent.
    text = unicodedata.normalize("NFC", text)
    return _SPACE_RE.sub(" ", text).casefold()


@cache
def _search_strip_re() -> re.Pattern[str]:
    return re.compile(f"[{_TASHKEEL}{_TATWEEL}{_JOINERS}{_BIDI_MARKS}'\u2019]")


@cache
def _search_word_re() -> re.Pattern[str]:
    """A run of letters, combining marks and numbers: a word; anything else
    (and "_", which `\\w` also covers) separates words. Finding the words is
    several times faster than substituting the separators."""
    return re.compile(rf"[\w{_MARKS}]+")


def strip_for_search(s: str) -> str:
    """The form the site's search index and every query are reduced to.

    The site's JavaScript normaliser must do exactly the same, step by step:

    1. `s.normalize("NFC").toLowerCase()` (Python: NFC, then `str.lower`, not
       `casefold`, because JavaScript has no casefold);
    2. delete U+064B–U+065F, U+0670, U+0640, U+200C, U+200D, the direction
       marks U+061C U+200E U+200F U+202A–U+202E U+2066–U+2069, and the
       apostrophes ' and ’;
    3. map أ إ آ ٱ ٲ ٳ to ا, ة to ه, ى to ي, ٠–٩ and ۰–۹ to 0–9, ٫ to ".", ٬ to ",";
    4. `normalize("NFC")` again (a deleted apostrophe or mark may have stood
       between a letter and its accent);
    5. replace every run of characters that are not letters, marks or numbers
       (JavaScript: `/[^\\p{L}\\p{M}\\p{N}]+/gu`) by one space, and trim.

    Returns:
        The words of `s`, folded, separated by single spaces.
    """
    text = unicodedata.normalize("NFC", s).lower()
    text = _fold(_search_strip_re().sub("", text), _SEARCH_FOLD_PAIRS)
    text = unicodedata.normalize("NFC", text)
    # Step 5: the words joined by single spaces ("_" is a separator too).
    return " ".join(_search_word_re().findall(text.replace("_", " ")))


# Hamza on a carrier folds to the carrier (after `strip_for_search` has folded
# the alef forms): a reader types موتمر as often as مؤتمر.
_HAMZA_CARRIERS = (("\u0624", "\u0648"), ("\u0626", "\u064a"))
# The article and the prepositions written onto it, longest first: والتزكية,
# بالتزكية, للتزكية and التزكية all index (and match) as تزكيه.
_ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "ال", "لل")
_MIN_STEM = 2


# At a word's start, the first prefix, in the order above, that leaves at
# least _MIN_STEM characters of the word: the alternatives are tried in order,
# each with the look ahead, so one substitution over the words does what a
# loop over each word's prefixes would, several times faster.
_ARTICLE_PREFIX_RE = re.compile(
    "(?<![^ ])(?:" + "|".join(_ARTICLE_PREFIXES) + f")(?=[^ ]{{{_MIN_STEM}}})"
)


def search_key(s: str) -> str:
    """The words of `s` as the site's search matches them, looser than for diffs.

    `strip_for_search`, then, word by word: ؤ to و and ئ to ي, then the first
    of وال فال بال كال ولل فلل ال لل that starts the word is dropped when at
    least two letters remain. The site's JavaScript `bylawsSearchKey` does the
    same; the index and every query go through it, so the article and attached
    prepositions may be present on either side.

    Returns:
        The keys of the words of `s`, separated by single spaces.
    """
    # `strip_for_search` leaves words separated by single spaces.
    return _ARTICLE_PREFIX_RE.sub("", _fold(strip_for_search(s), _HAMZA_CARRIERS))


def loose_key(s: str) -> str:
    """A loose key for pairing articles and paragraphs: no spaces, no punctuation.

    It is `strip_for_search` with the spaces removed, so it also folds ة to ه
    and ى to ي, which `normalize_word` keeps apart.
    """
    return strip_for_search(s).replace(" ", "")


@lru_cache(maxsize=1 << 16)
def _token_key(tok: str) -> str:
    """A non-space token's share of `_formal_key`; a text repeats its words."""
    key = normalize_word(tok)
    if key.endswith(_TEH_MARBUTA):
        key = key[:-1] + _HEH
    return key


def _formal_key(s: str) -> str:
    """The text with formal differences removed, spaces and all, for comparison.

    Whitespace is dropped altogether, not just collapsed, so that "و الحزب" and
    "والحزب" (a separated or attached conjunction) count as spacing too.
    """
    return "".join(_token_key(tok) for tok in tokenize(s) if not tok.isspace())


def is_formal_change(old: str, new: str) -> bool:
    """Whether two texts differ only formally.

    Formal differences are the ones `normalize_word` hides (diacritics, tatweel,
    alef/hamza forms, Arabic-Indic versus ASCII digits, case), spacing (a space
    more, fewer or of another kind), and ة versus ه at the end of a word.
    على versus علي is a real change.
    """
    if old == new:
        return True
    if not old or not new:
        # Against nothing, the key is empty: stop at the first token that is not.
        return not any(
            _token_key(tok) for tok in _tokens(old or new) if not tok.isspace()
        )
    return _formal_key(old) == _formal_key(new)


ChangeClass = Literal["formal", "punctuation", "real"]


def _is_punctuation(tok: str) -> bool:
    """Marks a reader sees as punctuation or symbols; a control or format
    character (an override, a zero-width space) is not one: it stays real."""
    return all(unicodedata.category(c)[0] in "PS" for c in tok)


def _tokens(s: str) -> Iterator[str]:
    """`tokenize`, one token at a time, for questions its first words answer."""
    for match in _split_re().finditer(s):
        yield match.group()


def _wording(tokens: Iterable[str]) -> Iterator[str]:
    """The words and numbers of a text's tokens (and any character a reader
    cannot see), formal differences removed, one by one."""
    for tok in tokens:
        if tok.isspace():
            continue
        if token_kind(tok) in ("word", "number"):
            yield _token_key(tok)
        elif not _is_punctuation(tok):
            yield tok


def _wording_key(s: str) -> str:
    return " ".join(_wording(tokenize(s)))


def _wordless(s: str) -> bool:
    """Whether `_wording_key(s)` is empty, looking no further than needed."""
    parts = _wording(_tokens(s))
    first = next(parts, None)
    return first is None or (first == "" and next(parts, None) is None)


def change_class(old: str, new: str) -> ChangeClass:
    """What kind of change turns `old` into `new`, the one rule every output follows.

    `formal` as `is_formal_change` says; `punctuation` when only punctuation
    changed (brackets, commas, a hyphen for a space), with any formal
    differences besides; `real` for anything else, so a changed word is never
    hidden as formal or punctuation.
    """
    if is_formal_change(old, new):
        return "formal"
    if not old or not new:
        # A whole paragraph inserted or deleted: its first word decides, and
        # wording all of it cost a diff a tenth of its time.
        return "punctuation" if _wordless(old or new) else "real"
    if _wording_key(old) == _wording_key(new):
        return "punctuation"
    return "real"
