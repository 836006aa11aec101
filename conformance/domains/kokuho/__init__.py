"""国民健康保険 (``kokuho``): everything the judge knows of this domain.

- ``oracle``: the rules of the text as a public API (what a correct answer is), with the readings taken
  where the text leaves room;
- ``checks``: the scenario checks (the vendor against the oracle), one registered check per rule;
- ``forms``: the checks of the forms as printed;
- ``household``: the checks that read several persons or parts of an answer (the 納付義務者; the 介護納付金分
  agreeing with the 介護保険 part);
- ``texts.yaml``: each rule's text in Japanese and English (the check ``scenario.<rule>``, its finding
  ``scenario.<rule>.mismatch``).

The folder is named as the catalog's; the catalog binds the checks to requirements
(``spec_catalog/kokuho/<edition>/bindings.yaml``); the tests are
``tests/domains/kokuho/``.
"""

CHECK_MODULES = ("checks", "forms", "household")
