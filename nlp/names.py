"""The one name normaliser of legalkg: how two spellings of a name are compared.

Every part of the project that compares or keys names (IRIs in :mod:`legalkg.graph.iris`,
resolution, the parties component) calls these functions, so "AT&T Inc." and "Société Générale
S.A." fold the same way everywhere. The rules are data (``nlp/data/name_key.json``).

>>> name_key("Winstar Communications, Inc., et al.")
'winstar communications'
>>> name_key("AT&T Inc.") == name_key("AT and T")
True
>>> name_key("Société Générale S.A.")
'societe generale'
>>> legal_form("Morgan Stanley & Co. Incorporated"), legal_form("Oxide LLC"), legal_form("Alcoa")
('inc', 'llc', None)
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "fold",
    "initials",
    "legal_form",
    "looks_like_person",
    "name_key",
    "rules",
    "same_given_name",
    "surname",
]

_DOTS = re.compile(r"[.'’‘`´]")
_INITIAL = re.compile(r"^[A-Z]\.$")
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*,?$")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The rules: ``drop_phrases``, ``leading_tokens``, ``suffix_tokens``, ``legal_forms``."""
    text = resources.files("legalkg.nlp.data").joinpath("name_key.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _join_initials(words: list[str]) -> list[str]:
    """Runs of two or more single letters become one word: ``j p morgan`` -> ``jp morgan``."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        out.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if word:
            out.append(word)
    return out


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents; dots and apostrophes vanish, ``&`` is "and", other
    punctuation separates words, runs of initials are joined.

    >>> fold("J. P. Morgan & Co.")
    'jp morgan and co'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _DOTS.sub("", text.lower().replace("&", " and "))
    return " ".join(_join_initials(_NON_WORD.sub(" ", text).split()))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name's key: folded, with "et al" and similar tails, a leading "the" and trailing legal
    suffixes dropped. Two spellings with the same key name the same thing.

    >>> name_key("The Bank of New York Mellon Trust Company, N.A.")
    'bank of new york mellon trust'
    """
    spec = rules()
    folded = f" {fold(name)} "
    for phrase in spec["drop_phrases"]:
        folded = folded.replace(f" {phrase} ", " ")
    words = folded.split()
    while len(words) > 1 and words[0] in spec["leading_tokens"]:
        words.pop(0)
    while len(words) > 1 and words[-1] in spec["suffix_tokens"]:
        words.pop()
    return " ".join(words) or fold(name)


@lru_cache(maxsize=65536)
def legal_form(name: str) -> str | None:
    """The legal form a name ends with (``inc``, ``corp``, ``llc``, ``na``...), else ``None``.

    >>> legal_form("Bon L Campo Limited Partnership") == legal_form("Bon L Campo LP")
    True
    """
    forms: dict[str, str] = rules()["legal_forms"]
    folded = f" {fold(name)} "
    for phrase in rules()["drop_phrases"]:
        if phrase not in forms:
            folded = folded.replace(f" {phrase} ", " ")
    for phrase in (p for p in forms if " " in p):
        if folded.rstrip().endswith(f" {phrase}"):
            return forms[phrase]
    for word in reversed(folded.split()):
        if word in forms:
            return forms[word]
        if word not in rules()["suffix_tokens"]:
            return None
    return None


def initials(key: str) -> str:
    """The initials of a key's words: ``securities and exchange commission`` -> ``sec``.

    >>> initials("federal trade commission")
    'ftc'
    """
    return "".join(w[0] for w in key.split() if w not in ("and", "of", "the", "for"))


def surname(name: str) -> str:
    """The last word of a person's folded name, generational suffixes dropped.

    >>> surname("Robert C. Loudermilk, Jr.")
    'loudermilk'
    """
    words = [w for w in fold(name).split() if w not in ("jr", "sr", "ii", "iii", "iv", "md", "phd")]
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def _nicknames() -> frozenset[tuple[str, str]]:
    text = resources.files("legalkg.nlp.data").joinpath("nicknames.csv").read_text("utf-8")
    rows = [line.split(",") for line in text.splitlines()[1:] if line.strip()]
    return frozenset((a, b) for a, b in rows) | frozenset((b, a) for a, b in rows)


def same_given_name(a: str, b: str) -> bool:
    """Whether two folded given names can be one person's: equal, an initial of the other, or a
    nickname of it (``nlp/data/nicknames.csv``).

    >>> same_given_name("chuck", "charles"), same_given_name("j", "james")
    (True, True)
    >>> same_given_name("alain", "ricardo")
    False
    """
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return (a, b) in _nicknames()


def looks_like_person(name: str) -> bool:
    """Whether a name has a person's shape: capitalised given name(s) and surname with a middle
    initial ("David C. Drummond") or a leading one ("J. Dan Sifford"), no legal form and no
    organisation word (``organisation_words`` of ``name_key.json``).

    >>> looks_like_person("David C. Drummond"), looks_like_person("J. Dan Sifford")
    (True, True)
    >>> looks_like_person("J. P. Morgan Trust Company"), looks_like_person("Varian Inc.")
    (False, False)
    """
    tails = ("Jr.", "Sr.", "II", "III")
    words = [w for w in name.replace(", Jr.", " Jr.").split() if w not in tails]
    if not 3 <= len(words) <= 5 or legal_form(name):
        return False
    if set(fold(name).split()) & set(rules()["organisation_words"]):
        return False
    shapes = ["I" if _INITIAL.match(w) else "N" if _NAME_WORD.match(w) else "?" for w in words]
    pattern = "".join(shapes)
    return "?" not in pattern and pattern[-1] == "N" and pattern.count("N") >= 2 and "I" in pattern
