"""就学 (``shugaku``): everything the judge knows of this domain.

- ``oracle``: the rules of the text as a public API (what a correct answer is), with the readings taken
  where the text leaves room;
- ``checks``: the scenario checks (the vendor against the oracle), one registered check per rule; the rules of the
  就学 record's events in ``events``, what both draw on in ``people``;
- ``forms``: the checks of the forms as printed;
- ``texts.yaml``: each rule's text in Japanese and English (the check ``scenario.<rule>``, its finding
  ``scenario.<rule>.mismatch``).

The folder is named as the catalog's; the catalog binds the checks to requirements
(``spec_catalog/shugaku/<edition>/bindings.yaml``); the tests are
``tests/domains/shugaku/``.
"""
