"""共通機能 (``kyotsu``): everything the judge knows of it.

- ``checks``: the checks of the 住登外者宛名番号付番 API (共通機能標準仕様書 第2.1版, its API仕様書) against the
  vendor's answers;
- ``params``: their parameters' models (the catalog validates a binding's params when it loads);
- ``texts.yaml``: the texts of its checks (by name) and of its findings (by code), Japanese and English.

The folder is named as the catalog's; the catalog binds the checks to requirements
(``spec_catalog/kyotsu/<edition>/bindings.yaml``); the tests are ``tests/domains/kyotsu/``.
"""
