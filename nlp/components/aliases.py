"""Aliases: `X ("Y")`, `X (the "Y")`, `(collectively, "Y")`, `X (ABC)` -> ``doc._.aliases[Y] = X``.

Component ``legalkg_aliases`` reads each definition (``alias_patterns.jsonl``), finds the full
name X as the capitalised name just before the parenthesis, and keeps the alias only when it
names an entity:

- Y starts with a capital letter and contains no generic word of ``org_generic_words.txt``
  ("2009 Plan", "Merger", "Proxy Statement", "the Company" are defined terms, not aliases);
- and X is an entity: it ends with a corporate suffix, is a government body, or Y is an acronym
  of X's last words ("U.S. Federal Trade Commission (the "FTC")"), or Y is a word of X
  ("Agilent Technologies, Inc. ("Agilent")"). Unquoted acronyms need the acronym test.

It then adds a mention for X and for every later use of Y, labelled ``GOV``, ``REGISTRANT``
(X is the filer) or ``ORG``, with X as value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from legalkg.nlp.components.common import (
    Occupancy,
    add_mention,
    after_word,
    alternation,
    doc_text,
    mention_group,
    read_jsonl,
    sort_mentions,
    word_set,
)
from legalkg.nlp.components.parties import (
    classify_name,
    has_corporate_suffix,
    is_government,
    name_before,
)
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["AliasFinder", "is_acronym_of", "is_document_term", "is_entity_alias"]

# (alias, full name, full-name start, full-name end, definition start, definition end)
Definition = tuple[str, str, int, int, int, int]


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = read_jsonl("alias_patterns.jsonl")
    return tuple((row["name"], re.compile(row["pattern"])) for row in rows)


def _initials(words: list[str]) -> tuple[str, str]:
    every = "".join(w[0] for w in words if w[0].isalpha()).upper()
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return every, capitals


def is_acronym_of(acronym: str, name: str) -> int | None:
    """Start offset in ``name`` of the words whose initials spell ``acronym``, else ``None``.

    >>> name = "U.S. Federal Trade Commission"
    >>> name[is_acronym_of("FTC", name):]
    'Federal Trade Commission'
    """
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    if letters.endswith("S") and len(letters) > 2:
        candidates: tuple[str, ...] = (letters, letters[:-1])
    else:
        candidates = (letters,)
    words = list(re.finditer(r"[A-Za-z][\w'’.&-]*", name))
    for i in range(len(words) - 1, -1, -1):
        if set(_initials([w.group() for w in words[i:]])) & set(candidates):
            return words[i].start()
    return None


def _acronym_start(acronym: str, name: str) -> int | None:
    """Where the words spelled by ``acronym`` start in ``name``, a national prefix included."""
    offset = is_acronym_of(acronym, name)
    if offset is None:
        return None
    national = re.search(r"(?:U\.S\.|US|United States)\s+$", name[:offset])
    return national.start() if national else offset


def is_document_term(full: str) -> bool:
    """Whether ``full`` names a document, plan or instrument rather than an entity.

    A name whose first or last word is generic ("Schedule TO", "Offer of Settlement",
    "Proposed Remedial Action Plan") is a defined term of the filing unless it carries a
    corporate suffix or names a government body ("Federal Trade Commission").
    """
    words = [re.sub(r"['’]s$", "", w.lower().strip(".,()")) for w in full.split()]
    words = [w for w in words if w]
    if not words or has_corporate_suffix(full) or is_government(full):
        return False
    return words[0] in word_set("document_terms.txt") or words[-1] in word_set("document_terms.txt")


def is_entity_alias(alias: str, full: str) -> bool:
    """Whether ``alias`` (quoted after ``full``) names the entity rather than a defined term."""
    if not alias[:1].isupper():
        return False
    if any(w.lower().strip(".,'’s") in word_set("org_generic_words.txt") for w in alias.split()):
        return False
    if is_document_term(full):
        return False
    if is_acronym_of(alias, full) is not None:
        return True
    if is_government(full) or has_corporate_suffix(full):
        return True
    alias_words = {w.lower() for w in alias.split()}
    return bool(alias_words & {w.lower().strip(",.") for w in full.split()})


class AliasFinder:
    """Find alias definitions and uses on ``doc.text`` (component ``legalkg_aliases``)."""

    def __init__(self, *, name: str = "legalkg_aliases") -> None:
        self.name = name
        self.patterns = _patterns()

    def __call__(self, doc: Doc) -> Doc:
        """Record the doc's aliases and add their mentions."""
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Definition]:
        """The entity alias definitions, in text order."""
        text = doc_text(doc)
        found: list[Definition] = []
        for kind, pattern in self.patterns:
            for m in pattern.finditer(text):
                definition = self._definition(text, m, kind)
                found.extend(definition)
        return sorted(found, key=lambda d: d[4])

    def _definition(self, text: str, m: re.Match[str], kind: str) -> list[Definition]:
        end = m.start()
        while end > 0 and text[end - 1] in " \t,":
            end -= 1
        start = name_before(text, end, allow_and=True)
        if start is None:
            return []
        out = []
        for group in ("alias", "alias2"):
            alias = (m.groupdict().get(group) or "").strip()
            name_start = start
            if not alias:
                continue
            if kind == "acronym":
                offset = _acronym_start(alias, text[start:end])
                if offset is None or is_document_term(text[start + offset : end]):
                    continue
                name_start = start + offset
            elif not is_entity_alias(alias, " ".join(text[start:end].split())):
                continue
            full = " ".join(text[name_start:end].split())
            out.append((alias, full, name_start, end, m.start(), m.end()))
        return out

    def set_annotations(self, doc: Doc, found: list[Definition]) -> Doc:
        """Fill ``doc._.aliases`` and add mentions for each full name and each later use."""
        if doc._.aliases is None:
            doc._.aliases = {}
        aliases = doc._.aliases
        occupancy = Occupancy(mention_group(doc))
        definitions = [(d[4], d[5]) for d in found]
        for alias, full, start, end, _, _ in found:
            aliases.setdefault(alias, full)
            label = classify_name(full, doc)
            value = doc._.filer if label == "REGISTRANT" and doc._.filer else full
            add_mention(doc, start, end, label, value, occupancy)
        if aliases:
            self._add_uses(doc, aliases, definitions, occupancy)
        sort_mentions(doc)
        return doc

    def _add_uses(
        self,
        doc: Doc,
        aliases: dict[str, str],
        definitions: list[tuple[int, int]],
        occupancy: Occupancy,
    ) -> None:
        """Add a mention for every use of an alias outside its definitions."""
        text = doc_text(doc)
        targets = {}
        for alias, full in aliases.items():
            label = classify_name(full, doc)
            targets[alias] = (label, doc._.filer if label == "REGISTRANT" and doc._.filer else full)
        pattern = re.compile(rf"(?:{alternation(aliases)})(?![\w&-])")
        for m in pattern.finditer(text):
            if after_word(text, m.start(), "&-"):
                continue
            if not any(s <= m.start() < e for s, e in definitions):
                label, value = targets[m.group()]
                end = _full_name_end(text, m.start(), aliases[m.group()]) or m.end()
                add_mention(doc, m.start(), end, label, value, occupancy)


def _full_name_end(text: str, start: int, full: str) -> int | None:
    """Where the full name ends when it is written out at ``start`` ("Beta Systems Corp." after
    "Beta" was defined): the mention then covers the whole name, not the alias inside it."""
    words = full.split()
    if len(words) < 2:
        return None
    found = re.compile(r"\s+".join(re.escape(w) for w in words)).match(text, start)
    return found.end() if found else None


@Language.factory("legalkg_aliases", assigns=["doc.spans", "doc._.aliases"], default_config={})
def make_alias_finder(nlp: Language, name: str) -> AliasFinder:
    """Factory of ``legalkg_aliases``."""
    return AliasFinder(name=name)
