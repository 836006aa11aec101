"""The domain folders: everything the judge knows of one domain in one place, named as its catalog folder.

``conformance/domains/<slug>/`` holds a domain's rule oracle (``oracle.py``: a public API), its checks
(``checks.py``, ``forms.py`` for its printed forms), the typed parameters of its checks where they take any
(``params.py``) and their texts (``texts.yaml``); 住民記録 (``jumin``) and 共通機能 (``kyotsu``) take the same
shape, 住民記録 with sub-folders (its package docstring maps them). The registries are
derived from the registry of domains (``conformance/catalog/data/domains.yaml``): every slug with a folder.
Adding a rule edits the folder, the edition's bindings and the tests; no file every domain shares.

Domains do not import each other, except through the parts they declare shared (``conformance.oracles``:
dates, identifiers, municipalities, a person's residence, the 資格確認書 of the health insurances;
``conformance.checks.scenarios``: generated residents and the per-person query) and the edges the import
contract lists, where one law reads another (pyproject ``[tool.importlinter]``).

Folders: ``inkan`` (印鑑登録), ``shugaku`` (就学), ``kotei_shisan_zei`` (固定資産税), ``kojin_juminzei`` (個人住民税),
``hojin_juminzei`` (法人住民税), ``keijidosha_zei`` (軽自動車税), ``kaigo`` (介護保険), ``shogaisha_fukushi``
(障害者福祉), ``koseki`` (戸籍), ``kokuho`` (国民健康保険), ``koki_korei`` (後期高齢者医療), ``kokumin_nenkin``
(国民年金), ``seikatsu_hogo`` (生活保護), ``kenko_kanri`` (健康管理), ``jido_teate`` (児童手当), ``jido_fuyo_teate``
(児童扶養手当), ``kodomo_kosodate`` (子ども・子育て支援), ``senkyo`` (選挙人名簿管理), ``koseki_fuhyo`` (戸籍の附票)."""
