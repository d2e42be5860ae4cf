"""legalkg_money on hand-made sentences: amounts, scales, currencies, spelled-out sums."""

from __future__ import annotations

import pytest
import spacy
from legalkg.nlp.components import money  # noqa: F401  (registers the factory)
from legalkg.nlp.components.extensions import SPANS_KEY
from legalkg.nlp.components.money import parse_spelled_number
from legalkg.nlp.components.tokenization import LegalTokenizer


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = LegalTokenizer(nlp.vocab)
    nlp.add_pipe("legalkg_money")
    return nlp


def amounts(nlp: spacy.language.Language, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.value) for s in doc.spans[SPANS_KEY] if s.label_ == "MONEY"]


@pytest.mark.parametrize(
    ("text", "surface", "value", "currency"),
    [
        ("the Company paid $1.5 million to Winstar", "$1.5 million", 1_500_000, "USD"),
        ("a settlement of $85 million payable in two installments", "$85 million", 85_000_000,
         "USD"),
        ("damages of $12,617,867 were awarded", "$12,617,867", 12_617_867, "USD"),
        ("a fine of EUR 3 million", "EUR 3 million", 3_000_000, "EUR"),
        ("USD 3,000,000 was escrowed", "USD 3,000,000", 3_000_000, "USD"),
        ("a penalty of €3 million", "€3 million", 3_000_000, "EUR"),
        ("a charge of $4.7 billion", "$4.7 billion", 4_700_000_000, "USD"),
        ("a payment of 2 million euros", "2 million euros", 2_000_000, "EUR"),
        ("twenty-five million dollars in cash", "twenty-five million dollars", 25_000_000, "USD"),
    ],
)
def test_amount_value_and_currency(nlp, text, surface, value, currency):
    assert amounts(nlp, text) == [(surface, {"value": value, "currency": currency})]


def test_spelled_amount_with_figures_is_one_mention(nlp):
    text = "pay one million five hundred thousand dollars ($1,500,000) to the estate"
    assert amounts(nlp, text) == [
        (
            "one million five hundred thousand dollars ($1,500,000)",
            {"value": 1_500_000, "currency": "USD"},
        )
    ]


def test_fractional_value_stays_float(nlp):
    assert amounts(nlp, "a fee of $2.75")[0][1] == {"value": 2.75, "currency": "USD"}


def test_numbers_without_currency_are_not_money(nlp):
    assert amounts(nlp, "25,000,000 shares and 5 million pounds of aluminum") == []


def test_two_amounts_in_one_sentence(nlp):
    found = amounts(nlp, "$93.5 million in damages and $39.8 million in interest")
    assert [v["value"] for _, v in found] == [93_500_000, 39_800_000]


def test_parse_spelled_number():
    assert parse_spelled_number("one million five hundred thousand") == 1_500_000
    assert parse_spelled_number("two hundred and fifty") == 250
    assert parse_spelled_number("many thousand") is None
