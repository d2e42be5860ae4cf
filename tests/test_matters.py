"""Matter linking on made-up events: a matter introduced is not an earlier one."""

from __future__ import annotations

from legalkg.nlp.components.matters import introduces_matter, link_matters
from legalkg.nlp.model import Event

FILER = "Acme Corp."


def _events(*sentences: tuple[str, str, dict[str, list[str]]]) -> tuple[list[Event], str]:
    text, events = "", []
    for kind, sentence, sides in sentences:
        start = len(text)
        text += sentence + " "
        events.append(Event(kind, sentence, start, start + len(sentence), **sides))
    return events, text


def test_a_settlement_of_a_suit_introduced_anew_keeps_no_earlier_sides() -> None:
    events, text = _events(
        ("LawsuitFiled", "Beta Inc. sued Gamma LLC over the plant.",
         {"plaintiffs": ["Beta Inc."], "defendants": ["Gamma LLC"]}),
        ("Settlement", "In 2004, Acme settled a coverage suit with its insurer and reserved "
         "for the remaining claims.", {}),
    )
    matters = link_matters(events, text, filer=FILER)
    assert len(matters) == 2
    assert events[1].plaintiffs == [] and events[1].defendants == []


def test_a_suit_identified_by_its_own_clause_is_a_new_matter() -> None:
    events, text = _events(
        ("LawsuitFiled", "Beta Inc. sued Gamma LLC over the plant.",
         {"plaintiffs": ["Beta Inc."], "defendants": ["Gamma LLC"]}),
        ("Judgment", "The suit filed against the sellers of the metal was tried in 2006.", {}),
        ("Settlement", "The parties then agreed to a settlement of the matter.", {}),
    )
    link_matters(events, text, filer=FILER)
    assert [e.matter for e in events] == ["m1", "m2", "m2"]
    assert events[2].plaintiffs == [] and events[1].defendants == []


def test_a_plain_reference_still_continues_the_matter() -> None:
    events, text = _events(
        ("LawsuitFiled", "Beta Inc. sued Gamma LLC over the plant.",
         {"plaintiffs": ["Beta Inc."], "defendants": ["Gamma LLC"]}),
        ("Settlement", "The suit was settled in 2006.", {}),
    )
    link_matters(events, text, filer=FILER)
    assert events[1].matter == "m1" and events[1].plaintiffs == ["Beta Inc."]


def test_an_introduced_suit_with_the_matters_sides_still_joins() -> None:
    events, text = _events(
        ("LawsuitFiled", "Beta Inc. sued Gamma LLC over the plant.",
         {"plaintiffs": ["Beta Inc."], "defendants": ["Gamma LLC"]}),
        ("Settlement", "Gamma LLC settled a claim of Beta Inc. in 2006.",
         {"plaintiffs": ["Beta Inc."], "defendants": ["Gamma LLC"]}),
    )
    link_matters(events, text, filer=FILER)
    assert events[1].matter == "m1"


def test_which_descriptions_introduce_a_matter() -> None:
    assert introduces_matter("Acme settled an action brought by a former employee.")
    assert introduces_matter("The action brought by Beta Inc. was dismissed.")
    assert not introduces_matter("The court dismissed the action.")
    assert not introduces_matter("The action, filed in 2004, was dismissed; a claim remains.")


def test_a_bankruptcy_courts_order_joins_its_case_at_any_distance() -> None:
    from legalkg.nlp.model import Court

    petition = "Acme Corp. filed a voluntary petition under chapter 11 in the Bankruptcy Court."
    filler = "\n\nThe Company continues to operate its business as debtor in possession."
    order = "The Bankruptcy Court entered an interim order approving financing from Lumen LLC."
    text = petition + filler * 4 + "\n\n" + order
    at = text.index(order)
    events = [
        Event("BankruptcyPetition", petition, 0, len(petition), debtor=FILER,
              court=Court("deb", "the Bankruptcy Court")),
        Event("CourtOrder", order, at, at + len(order), parties=["Lumen LLC"],
              court=Court("deb", "The Bankruptcy Court")),
    ]
    link_matters(events, text, filer=FILER)
    assert events[0].matter == events[1].matter
    assert events[1].debtor == FILER
    other = Event("CourtOrder", order, at, at + len(order),
                  court=Court("nysb", "The Bankruptcy Court"))
    events = [events[0], other]
    link_matters(events, text, filer=FILER)
    assert events[0].matter != events[1].matter  # another bankruptcy court: another case
