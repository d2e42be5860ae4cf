"""The one name normaliser and the government-body lexicon."""

from __future__ import annotations

import doctest

import pytest
from legalkg.graph import iris
from legalkg.nlp import agencies, names
from legalkg.nlp.components import parties


@pytest.mark.parametrize("module", [names, agencies])
def test_doctests(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("AT&T Inc.", "AT and T"),
        ("Société Générale S.A.", "SOCIETE GENERALE"),
        ("Winstar Communications, Inc., et al.", "WINSTAR COMMUNICATIONS INC"),
        ("J. P. Morgan Trust Company, N.A.", "J.P. Morgan Trust Company"),
        ("Aaron's, Inc.", "Aarons, Inc."),
    ],
)
def test_one_key_for_iris_extraction_and_resolution(a: str, b: str) -> None:
    """The issue's disagreements: IRIs and the parties component now fold the same way."""
    assert names.name_key(a) == names.name_key(b)
    assert iris.name_key(a) == iris.name_key(b) == names.name_key(a)
    assert parties.name_key(a) == parties.name_key(b) == names.name_key(a)
    assert iris.company_iri(a) == iris.company_iri(b)


def test_legal_forms_compare_by_meaning() -> None:
    assert names.legal_form("Acme Incorporated") == names.legal_form("Acme, Inc.") == "inc"
    assert names.legal_form("Oxide LLC") != names.legal_form("Oxide Inc.")
    assert names.legal_form("Alcoa") is None


def test_person_shape() -> None:
    assert names.looks_like_person("David C. Drummond")
    assert not names.looks_like_person("Bank of New York Mellon Trust Company, N.A.")
    assert not names.looks_like_person("Thomas Group Holdings")


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("SEC", "us-sec"),
        ("the Securities and Exchange Commission's", "us-sec"),
        ("U.S. Securities and Exchange Commission", "us-sec"),
        ("DOJ", "us-doj"),
        ("United States Department of Justice", "us-doj"),
        ("Antitrust Division", "us-doj-atr"),
        ("U.S. Environmental Protection Agency", "us-epa"),
        ("ITC", "us-itc"),
        ("European Commission", "eu-ec"),
    ],
)
def test_government_bodies_by_any_name(name: str, body: str) -> None:
    found = agencies.government_body(name)
    assert found is not None and found.id == body


def test_similar_bodies_stay_apart() -> None:
    ftc, itc = agencies.government_body("FTC"), agencies.government_body("ITC")
    assert ftc is not None and itc is not None and ftc.id != itc.id
    assert agencies.government_body("Sec") is None  # abbreviations compare as written
    assert iris.agency_iri("SEC") == iris.agency_iri("Securities and Exchange Commission")
    assert iris.agency_iri("DOJ") != iris.agency_iri("Department of Labor")


def test_lexicon_ids_unique_and_parents_exist() -> None:
    bodies = agencies.government_bodies()
    assert len(bodies) > 70
    assert all(b.part_of in bodies for b in bodies.values() if b.part_of)
