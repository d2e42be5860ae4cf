"""The legalkg ontology terms (``lkg:``), GENERATED from ``legalkg.ttl``: do not edit.

Regenerate with ``python -m legalkg.ontology.generate``; ``tests/test_ontology.py`` fails when
this module and the Turtle file disagree.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["LKG"]


class LKG(DefinedNamespace):
    """legalkg ontology: filings, parties, courts, signatories and legal events."""

    _fail = True
    _NS = Namespace("https://w3id.org/legalkg/ontology#")

    # Classes
    Agent: URIRef
    """agent: Something with a name that acts in a legal event: a party or a court."""
    AmountDue: URIRef
    """amount due: What one matter finally comes to, in the matters graph: the amount of its
    latest dated settlement, settlement approval or judgment with an amount and a payer (a
    verdict later reduced, then settled, is due once, at its last amount), with the
    canonical payer (lkg:duePayer), the canonical matter (lkg:dueIn; the event itself for an
    event outside any matter), the event it is taken from (prov:wasDerivedFrom) and how many
    amount-bearing event reports the matter has (lkg:reportCount). Computed when matters are
    merged, so that totals read one node per matter.
    """
    AmountDueTotal: URIRef
    """amount due total: The sum of the amounts due (lkg:AmountDue) of one canonical payer
    (lkg:duePayer) in one currency (schema:currency, the sum as schema:value), over its
    matters (lkg:matterCount) and their amount-bearing event reports (lkg:reportCount).
    Computed when matters are merged, so that totals by payer read one node per payer and
    currency.
    """
    Appeal: URIRef
    """appeal: An appeal was filed or decided."""
    BankruptcyPetition: URIRef
    """bankruptcy petition: A bankruptcy, insolvency or receivership petition was filed
    (Chapter 7, 11 or 15).
    """
    CanonicalMatter: URIRef
    """canonical matter: One matter as merged across the filings that report it, in the matters
    graph: derived from (prov:wasDerivedFrom) each per-filing matter, which points back with
    lkg:sameMatterAs; its sides, court and case numbers are the union of theirs.
    """
    Company: URIRef
    """company: A business organisation, such as the registrant of a filing or a company named
    as a party; keyed by its SEC Central Index Key when one is known.
    """
    Court: URIRef
    """court: A court of law, identified by its Free Law Project courts-db identifier (as used
    by CourtListener) when it can be identified.
    """
    CourtOrder: URIRef
    """court order: Any other court order: an injunction, the approval of a sale or plan, a
    subpoena issued by a court.
    """
    Dismissal: URIRef
    """dismissal: A case or claim was dismissed or withdrawn."""
    Exhibit: URIRef
    """exhibit: One row of a filing's exhibit index: the exhibit number and its description."""
    Filing: URIRef
    """filing: A document filed with the U.S. Securities and Exchange Commission (for example a
    Form 8-K), read into one normalised text to which every character offset in the graph
    refers.
    """
    GovernmentAgency: URIRef
    """government agency: A government body that investigates, regulates, orders, fines or
    settles (for example the SEC or the Department of Justice).
    """
    Item: URIRef
    """filing item: A numbered item of a filing ("5", "8.01") with its title and the character
    span of its text.
    """
    Judgment: URIRef
    """judgment: A court, jury or arbitrator decided: a verdict, judgment, award or ruling on
    the merits.
    """
    LawsuitFiled: URIRef
    """lawsuit filed: A lawsuit, complaint, class action or arbitration claim was filed or
    served.
    """
    LegalEvent: URIRef
    """legal event: A legal event that a filing reports: a lawsuit, petition, settlement,
    decision, order or regulatory action.
    """
    Matter: URIRef
    """matter: A lawsuit, class action, arbitration, bankruptcy case, investigation or
    regulatory proceeding: the thing whose legal events (lkg:matter) unfold over time, with
    its kind, caption, court, case numbers and the parties on each side. A filing's matter
    is derived from the filing (prov:wasDerivedFrom); matters that several filings report
    are merged into one lkg:CanonicalMatter.
    """
    MatterMerge: URIRef
    """matter merge: The decision that two per-filing matters (lkg:mergedMatter) are one matter
    (lkg:mergedInto), with the rule that decided it (lkg:mergeReason) and how sure it is
    (lkg:mergeConfidence).
    """
    Mention: URIRef
    """mention: A span of a filing's text, given by character offsets, that names an entity or
    states a value (an organisation, person, court, sum of money, date, case number) or an
    event's evidence.
    """
    MonetaryAmount: URIRef
    """monetary amount: A sum of money: schema:value (xsd:decimal, in units of the currency)
    and schema:currency (an ISO 4217 code).
    """
    Organization: URIRef
    """organization: An organisation that is a party: a company or a government agency."""
    Party: URIRef
    """party: A person or an organisation that takes part in a legal event: litigant, debtor,
    payer, payee, regulator or other participant.
    """
    Person: URIRef
    """person: A natural person, such as an officer who signs a filing or an individual named
    as a party.
    """
    RegulatoryAction: URIRef
    """regulatory action: A government agency investigates, subpoenas, requests information,
    orders, fines, clears or settles.
    """
    RoleMention: URIRef
    """role mention: The qualified statement that one role of one event (lkg:role) was filled
    from one mention (lkg:mention): the trace from a role fact to its character span.
    """
    Settlement: URIRef
    """settlement: Parties entered into or announced a settlement of a dispute."""
    SettlementApproval: URIRef
    """settlement approval: A court approved a settlement."""
    Signatory: URIRef
    """signatory: The membership of a person in the organisation for which the person signed a
    filing, with the title under which the person signed.
    """

    # Object properties
    agency: URIRef
    """agency: The government body acting in the event or conducting the matter."""
    amount: URIRef
    """amount: The sum of money the event is about (paid, awarded, fined or claimed)."""
    attestedBy: URIRef
    """attested by: The person who signed the filing that reports the event (its first
    signatory).
    """
    counterparty: URIRef
    """counterparty: From a registrant to a party that appears with it in one of the events the
    registrant reports (not the registrant itself); the events that carry both
    (lkg:reportedBy and lkg:party) are the evidence.
    """
    court: URIRef
    """court: The court before which the event or matter takes place or which decides it; a
    court is not a party.
    """
    debtor: URIRef
    """debtor: The debtor of a bankruptcy or insolvency proceeding."""
    defendant: URIRef
    """defendant: A party against which the lawsuit or claim was brought."""
    denotes: URIRef
    """denotes: The entity (party, court, monetary amount) that the mention names."""
    dueIn: URIRef
    """due in: The canonical matter (or, outside any matter, the legal event) whose final
    amount this is.
    """
    duePayer: URIRef
    """due payer: The canonical party (its resolved IRI) that pays the amount due."""
    evidenceMention: URIRef
    """evidence mention: The span of the filing's text in which the event is stated."""
    hasExhibit: URIRef
    """has exhibit: An exhibit listed in the filing's exhibit index."""
    hasItem: URIRef
    """has item: An item of the filing."""
    matter: URIRef
    """matter: The matter (in the event's filing) that the event belongs to: the lawsuit a
    verdict decides, the case a settlement ends.
    """
    mention: URIRef
    """mention: The mention from which the role was filled."""
    mergedInto: URIRef
    """merged into: The canonical matter a merge contributed to."""
    mergedMatter: URIRef
    """merged matter: One of the two per-filing matters a merge found to be the same matter."""
    party: URIRef
    """party: A party to the event or matter in any role; the builder states it for every
    party, including those in a more specific role.
    """
    payee: URIRef
    """payee: The party that receives the event's amount."""
    payer: URIRef
    """payer: The party that pays the event's amount."""
    plaintiff: URIRef
    """plaintiff: A party that brought the lawsuit or claim."""
    registrant: URIRef
    """registrant: The company that filed the filing."""
    reportedBy: URIRef
    """reported by: The registrant of the filing that reports the event."""
    reportedIn: URIRef
    """reported in: The filing in which the event is reported."""
    role: URIRef
    """role: The role property (lkg:payer, lkg:court, lkg:amount, lkg:date, ...) that the role
    mention qualifies.
    """
    roleMention: URIRef
    """role mention: A qualified role of the event: which role was filled from which mention."""
    sameMatterAs: URIRef
    """same matter as: From a per-filing matter to the canonical matter it reports (itself
    merged with the other filings' reports of that matter).
    """
    signedBy: URIRef
    """signed by: A signature of the filing: who signed it, for which organisation, under which
    title.
    """
    signer: URIRef
    """signer: The person who signed."""
    signsFor: URIRef
    """signs for: The organisation on whose behalf the signatory signed."""

    # Datatype properties
    accessionNumber: URIRef
    """accession number: The SEC EDGAR accession number of the filing."""
    alias: URIRef
    """alias: Another name under which the filing refers to the entity, such as a defined short
    name ("Winstar") or the SEC conformed name.
    """
    caption: URIRef
    """caption: The matter's caption as the filing writes it ("Smith v. Acme Corp.", "In re
    Winstar Communications, Inc.").
    """
    caseNumber: URIRef
    """case number: The docket or case number of the proceeding ("01-10670 (PJW)")."""
    cik: URIRef
    """CIK: The SEC Central Index Key of the company, as ten digits with leading zeros."""
    contentHash: URIRef
    """content hash: The SHA-256 of the filing's normalised text (hexadecimal); keys a filing
    that has no accession number.
    """
    courtId: URIRef
    """court identifier: The court's identifier in the Free Law Project's courts database
    (courts-db), as CourtListener uses it ("deb", "nysb").
    """
    date: URIRef
    """date: When the event happened, as precisely as the text gives it: xsd:date,
    xsd:gYearMonth or xsd:gYear.
    """
    description: URIRef
    """description: The exhibit's description as the index gives it."""
    evidence: URIRef
    """evidence: The sentence (or its start), verbatim from the filing, in which the event is
    stated.
    """
    exhibitNumber: URIRef
    """exhibit number: The exhibit number as the index prints it ("99.1")."""
    fileName: URIRef
    """file name: The base name of the file the filing was read from."""
    filedDate: URIRef
    """filed date: The date the filing was filed with the SEC."""
    formType: URIRef
    """form type: The SEC form of the filing ("8-K", "8-K/A")."""
    formerName: URIRef
    """former name: A name the company had before, as the SEC header lists it."""
    itemCode: URIRef
    """item code: The 2004+ item number the item corresponds to (legacy Item 5 is 8.01)."""
    itemNumber: URIRef
    """item number: The item number as the filing prints it ("5", "8.01")."""
    itemTitle: URIRef
    """item title: The item's title as printed, else its official meaning."""
    labelOrder: URIRef
    """label order: On an amount due total: a number that orders as the payer's preferred label
    (skos:prefLabel in the resolution graph) does, read from the label's first 15 bytes of
    UTF-8 (0 when the payer has no label), so that a query sorting by label compares numbers
    first and strings only where these are equal. Computed when matters are merged.
    """
    matterCount: URIRef
    """matter count: How many matters (and events outside any matter) an amount due total sums.
    """
    matterKind: URIRef
    """matter kind: What kind of matter it is: lawsuit, class_action, arbitration, bankruptcy,
    investigation, regulatory_proceeding or other.
    """
    mentionLabel: URIRef
    """mention label: What kind of thing the mention names: ORG, PERSON, GOV, COURT, MONEY,
    DATE, CASE, REGISTRANT, ALIAS or EVIDENCE.
    """
    mergeConfidence: URIRef
    """merge confidence: How sure the merge is, from 0 to 1 (xsd:decimal): highest for a shared
    case number and court, lowest for shared parties alone.
    """
    mergeReason: URIRef
    """merge reason: The rule by which two per-filing matters were merged: case-number-court
    (same case number, same court), caption-court (same caption, same court), kind-court-
    parties (same kind and court, most parties shared, within the time window), kind-amount-
    court (same kind and court, a party and the sum of a judgment or settlement shared,
    within the time window), each with -court-unstated when only one of the two names the
    court.
    """
    name: URIRef
    """name: The full name as the filing writes it (for a company its full legal name, not an
    alias).
    """
    nameKey: URIRef
    """name key: The normalised name used to match spellings of one name: case and punctuation
    folded, legal suffixes and "et al" dropped.
    """
    normalizedValue: URIRef
    """normalised value: The mention's value normalised as a literal: an ISO date, a case
    number, a name.
    """
    payerLabel: URIRef
    """payer label: On an amount due total: the payer's preferred label (skos:prefLabel in the
    resolution graph), copied when matters are merged (none when the payer has no label), so
    that totals by payer read the name on the node they already read instead of joining
    every label of the resolution graph.
    """
    reportCount: URIRef
    """report count: How many amount-bearing event reports (settlements, approvals, judgments
    with an amount and a payer, in every filing) stand behind an amount due.
    """
    reportDate: URIRef
    """report date: The date of the report: the date of the earliest event reported, as the
    cover page gives it.
    """
    resolutionInput: URIRef
    """resolution input: On a filing graph's IRI, inside that graph: the facts of the graph
    that entity resolution reads (its parties' names, aliases, name keys, CIKs and types;
    its registrant, filed date, file name and the registrant's names; its courts; its
    counterparty links), as a JSON array of [subject, what, value], written when the filing
    is ingested so that resolving a store reads one literal per filing.
    """
    sic: URIRef
    """SIC code: The company's Standard Industrial Classification code as the SEC records it."""
    signedDate: URIRef
    """signed date: The date next to the signature."""
    stateOfIncorporation: URIRef
    """state of incorporation: The state or country in which the company is incorporated, as
    the SEC header or cover page gives it.
    """
    ticker: URIRef
    """ticker: A stock ticker symbol of the company, from the file names of the research corpus
    or the SEC's company list.
    """
    title: URIRef
    """title: The title under which the signatory signed ("Executive Vice President and CFO").
    """
    trigger: URIRef
    """trigger: The word or phrase of the evidence that signals the event type ("approved",
    "filed").
    """
