"""legalkg_parties on hand-made sentences: organisations, agencies, persons, the filer."""

from __future__ import annotations

import pytest
import spacy
from legalkg.nlp.components import parties  # noqa: F401  (registers the factory)
from legalkg.nlp.components.extensions import SPANS_KEY, register_extensions
from legalkg.nlp.components.parties import filer_aliases, name_before, name_key, short_names
from legalkg.nlp.components.tokenization import LegalTokenizer
from spacy.tokens import Doc


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.tokenizer = LegalTokenizer(nlp.vocab)
    nlp.add_pipe("legalkg_parties")
    return nlp


def run(nlp: spacy.language.Language, text: str, filer: str | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.filer = filer
    return nlp.get_pipe("legalkg_parties")(doc)


def mentions(doc: Doc, label: str | None = None) -> list[tuple[str, object]]:
    return [(s.text, s._.value) for s in doc.spans[SPANS_KEY] if label in (None, s.label_)]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("a suit against Winstar Communications, Inc. in", "Winstar Communications, Inc.",
         "Winstar Communications, Inc."),
        ("On May 1, 2010, Acme Widgets Corp. sued", "Acme Widgets Corp.", "Acme Widgets Corp."),
        ("The Board of Directors of Beta Holdings LLC met", "Beta Holdings LLC",
         "Beta Holdings LLC"),
        ("against Gamma Bank, N.A. and", "Gamma Bank, N.A.", "Gamma Bank, N.A."),
        ("sued Delta Industries, Inc., et al. in", "Delta Industries, Inc., et al.",
         "Delta Industries, Inc."),
        ("Epsilon Corp. and its affiliated debtors filed",
         "Epsilon Corp. and its affiliated debtors", "Epsilon Corp."),
        ("shares of SIGMA DESIGNS INC were", "SIGMA DESIGNS INC", "SIGMA DESIGNS INC"),
        ("sued Omega Fund Limited Partnership and", "Omega Fund Limited Partnership",
         "Omega Fund Limited Partnership"),
    ],
)
def test_organisations(nlp, text, surface, value):
    assert mentions(run(nlp, text), "ORG") == [(surface, value)]


def test_lowercase_company_is_not_an_organisation(nlp):
    assert mentions(run(nlp, "the company and its insurance company agreed"), "ORG") == []


def test_agencies_full_name_as_written_and_abbreviation(nlp):
    doc = run(nlp, "a second request from the U.S. Federal Trade Commission; the FTC review")
    assert mentions(doc, "GOV") == [
        ("U.S. Federal Trade Commission", "U.S. Federal Trade Commission"),
        ("FTC", "U.S. Federal Trade Commission"),
    ]


def test_abbreviation_without_full_name_keeps_its_text(nlp):
    assert mentions(run(nlp, "On October 1 the EPA released a plan"), "GOV") == [("EPA", "EPA")]


def test_agency_shapes(nlp):
    doc = run(nlp, "the Attorney General of the State of New York and the European Commission")
    assert [text for text, _ in mentions(doc, "GOV")] == [
        "Attorney General of the State of New York",
        "European Commission",
    ]


def test_first_person_pronouns_are_the_registrant(nlp):
    filer = "Acme Holdings, Inc."
    doc = run(nlp, "We agreed to pay the fine and the agency fined us; we then paid it.", filer)
    assert mentions(doc, "REGISTRANT") == [("We", filer), ("us", filer), ("we", filer)]


def test_the_commission_refers_back_to_the_agency_named_before(nlp):
    doc = run(
        nlp,
        "The Federal Trade Commission and the Department of Labor met. Then the Commission "
        "wrote, and the Department answered. The Commission of Inquiry is not one.",
    )
    assert mentions(doc, "GOV") == [
        ("Federal Trade Commission", "Federal Trade Commission"),
        ("Department of Labor", "Department of Labor"),
        ("Commission", "Federal Trade Commission"),
        ("Department", "Department of Labor"),
    ]
    assert mentions(run(nlp, "The Commission approved the plan."), "GOV") == []


def test_exchange_of_a_ticker_is_not_an_agency(nlp):
    doc = run(nlp, "Acme Corp. (NYSE: ACM) said the NYSE and the SEC had no comment.")
    assert [text for text, _ in mentions(doc, "GOV")] == ["NYSE", "SEC"]


def test_plan_of_reorganization_of_a_company_names_the_company(nlp):
    doc = run(nlp, "the order confirming the Plan of Reorganization of Sigma Holdings, Inc. was")
    assert mentions(doc, "ORG") == [("Sigma Holdings, Inc.", "Sigma Holdings, Inc.")]


def test_state_officials_are_agencies(nlp):
    doc = run(nlp, "an order of the Texas Insurance Commissioner and the Ohio State Treasurer")
    assert [text for text, _ in mentions(doc, "GOV")] == [
        "Texas Insurance Commissioner",
        "Ohio State Treasurer",
    ]


def test_registrant_phrases_and_short_name(nlp):
    filer = "Agilent Technologies, Inc."
    doc = run(nlp, "the Company said Agilent Technologies, Inc. and Agilent's unit", filer=filer)
    assert mentions(doc, "REGISTRANT") == [
        ("the Company", filer),
        ("Agilent Technologies, Inc.", filer),
        ("Agilent", filer),
    ]
    assert doc._.aliases == {"Agilent": filer}


def test_filer_short_name_with_apostrophe(nlp):
    doc = run(nlp, "Aaron's announced today", filer="Aarons, Inc.")
    assert mentions(doc, "REGISTRANT") == [("Aaron's", "Aarons, Inc.")]


def test_other_organisation_short_name(nlp):
    doc = run(nlp, "each of Acme Corp. and Varian, Inc. agreed; Varian will merge")
    assert ("Varian", "Varian, Inc.") in mentions(doc, "ORG")
    assert doc._.aliases["Varian"] == "Varian, Inc."


def test_persons_title_and_signature(nlp):
    doc = run(nlp, "Mr. David J. Frear said. Later Mr. Frear left.\n/s/ Jane Q. Public\n")
    assert mentions(doc, "PERSON") == [
        ("David J. Frear", "David J. Frear"),
        ("Frear", "David J. Frear"),
        ("Jane Q. Public", "Jane Q. Public"),
    ]


def test_short_names():
    assert short_names("Agilent Technologies, Inc.") == ["Agilent Technologies", "Agilent"]
    assert short_names("Alcoa Inc.") == ["Alcoa"]
    assert short_names("The Southern Company") == ["Southern Company"]
    assert "General" not in short_names("General Motors Corporation")


def test_name_key_folds_suffix_case_and_tail():
    assert name_key("Winstar Communications, Inc., et al.") == name_key("WINSTAR COMMUNICATIONS")


def test_filer_aliases_take_the_usual_form_and_skip_the_full_name():
    text = "Aarons, Inc. said Aarons grew; Aarons and Aaron's stores"
    assert filer_aliases(text, ["Aarons, Inc."], "Aarons, Inc.") == {"Aarons": "Aarons, Inc."}
    assert filer_aliases("Agilent Technologies, Inc. said", ["Agilent Technologies, Inc."],
                         "Agilent Technologies, Inc.") == {}


def test_name_before_stops_at_a_sentence_end():
    text = "Item 8.01 Other Events. The Federal Trade Commission"
    assert text[name_before(text, len(text), allow_and=True) :] == "Federal Trade Commission"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alcoa offered to settle the Alba civil suit by paying Alba", "Alba"),
        ("fees for the proposed Lane's Gift class-action lawsuit settlement", "Lane's Gift"),
    ],
)
def test_party_named_by_its_case(nlp, text, name):
    assert (name, name) in mentions(run(nlp, text), "ORG")


def test_states_months_and_agencies_do_not_name_cases(nlp):
    doc = run(nlp, "the Delaware litigation, the March lawsuit and the FTC matter")
    assert mentions(doc, "ORG") == []


def test_a_name_run_on_after_a_number_is_its_own_token() -> None:
    nlp = spacy.blank("en")
    text = "On May 2, 1999Jane Doe, Jr. sued; No. 3:06cv448, 4:07CV12"
    words = [t.text for t in LegalTokenizer(nlp.vocab)(text)]
    assert words[:8] == ["On", "May", "2", ",", "1999", "Jane", "Doe", ","]
    assert "3:06cv448" in words and "4:07CV12" in words


@pytest.mark.parametrize(
    ("text", "end", "suffix"),
    [("Jane Doe, Jr. and Tom Roe", 8, ", Jr."), ("Jane Doe III sued", 8, " III"),
     ("Jane Doe, Sr.", 8, ", Sr."), ("Jane Doe, Inc.", 8, ""), ("Jane Doe IIIX", 8, "")],
)
def test_a_generational_suffix_belongs_to_the_person(text: str, end: int, suffix: str) -> None:
    from legalkg.nlp.components.parties import _name_suffix_length

    assert text[end : end + _name_suffix_length(text, end)] == suffix
