"""子ども・子育て支援 (``kodomo_kosodate``): everything the judge knows of this domain.

- ``oracle``: the rules of the text as a public API (what a correct answer is), with the readings taken
  where the text leaves room;
- ``checks``: the scenario checks of the 認定 (the vendor's driver against the oracle), one registered check
  per rule; ``benefits``: those judged through the per-person query (第21条, 第27条第3項);
- ``texts.yaml``: each rule's text in Japanese and English (the check ``scenario.<rule>``, its finding
  ``scenario.<rule>.mismatch``).

The folder is named as the catalog's; the catalog binds the checks to requirements
(``spec_catalog/kodomo_kosodate/<edition>/bindings.yaml``); the tests are
``tests/domains/kodomo_kosodate/``.
"""

#: The modules that register checks (shipped_checks): the driver's rules and the per-person query's.
CHECK_MODULES = ("checks", "benefits")
