"""戸籍 (``koseki``): everything the judge knows of this domain.

- ``oracle``: the rules of the text as a public API (what a correct answer is), with the readings taken
  where the text leaves room;
- ``checks``: the scenario checks (the vendor against the oracle), one registered check per rule; the cases
  they are judged on in ``cases``, how one is sent through the driver and judged in ``driver``;
- ``texts.yaml``: each rule's text in Japanese and English (the check ``scenario.<rule>``, its finding
  ``scenario.<rule>.mismatch``).

The folder is named as the catalog's; the catalog binds the checks to requirements
(``spec_catalog/koseki/<edition>/bindings.yaml``); the tests are
``tests/domains/koseki/``.
"""
