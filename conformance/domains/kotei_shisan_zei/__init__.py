"""固定資産税 (``kotei_shisan_zei``): everything the judge knows of this domain.

- ``oracle``: the rules of the text as a public API (what a correct answer is), with the readings taken
  where the text leaves room;
- ``checks``: the scenario checks (the vendor against the oracle), one registered check per rule;
- ``texts.yaml``: each rule's text in Japanese and English (the check ``scenario.<rule>``, its finding
  ``scenario.<rule>.mismatch``).

The folder is named as the catalog's; the catalog binds the checks to requirements
(``spec_catalog/kotei_shisan_zei/<edition>/bindings.yaml``); the tests are
``tests/domains/kotei_shisan_zei/``.

Beside ``checks``, ``provisos``: the optional provisions a product declares (第351条ただし書, 第362条第1項ただし書,
第362条第2項), judged from the 条例 its profile declares, and the 本文's 納期 check reading whether the ただし書 is
declared.
"""

#: The modules that register checks (``shipped_checks``): the rules, and the optional provisions beside them.
CHECK_MODULES = ("checks", "provisos")
