"""住民基本台帳 (``jumin``): everything the judge knows of 住民記録, with sub-folders where it is big.

- ``checks``: its first checks (records kept, 続柄, 支援措置 on certificates and the 閲覧 list, date styles,
  new numbers, history);
- ``rules``: its scenario rules (支援措置's dates, j440; the 除票's date, 1.1.5) on the shared machinery of
  generated residents (conformance/checks/scenarios.py);
- ``forms/``: its printed forms read as printed (chapter 5, 3.4, 9.5; docs/forms.md);
- ``params``: the typed parameters of its checks (the catalog validates a binding's params when it loads);
- ``model/``: the model of 住民記録 as a Hypothesis state machine driving the vendor through the driver
  protocol (``model.jumin.state_machine``; docs/model.md), over ``oracles/model/`` (its world, transitions,
  rules and judge);
- ``oracles/kensaku.py``: what a search owes (2.1.2 あいまい検索, 異体字);
- ``scenarios/``: the checks of the administrative functions, logs, searches, prints and lists, each through
  the driver protocol (操作ログ, 認証ログ, エラーログ, 交付履歴, メモ, 認証者, 印刷, 統計, 操作権限, EUC, 抽出,
  抑止, 基本検索, 異体字, あいまい検索);
- ``texts.yaml``: the texts of its rules, its checks and their findings.

Shared with the other domains, so not here: the judge of export files (``conformance/checks/files``: every
domain's file layouts are catalog data, read by ``validate`` and ``reconcile`` too), the generated residents
(``conformance/checks/scenarios.py``) and the dates of a person's stay (``conformance/oracles``: residence,
支援措置, the 除票's date the scenario engine reads), the counterpart the other domains read 住民記録 by. Its
tests are ``tests/domains/jumin/``.
"""

#: The modules that register checks (conformance/shipped_checks.py reads this).
CHECK_MODULES = (
    "checks",
    "fixed_persons",
    "fixed_values",
    "forms",
    "households_file",
    "model.check",
    "model.token_life",
    "rules",
    "scenarios.access_log",
    "scenarios.auth_log",
    "scenarios.basic_search",
    "scenarios.certifier",
    "scenarios.error_log",
    "scenarios.euc",
    "scenarios.extraction",
    "scenarios.issuance",
    "scenarios.issuance_inquiry",
    "scenarios.itaiji",
    "scenarios.memo",
    "scenarios.permissions",
    "scenarios.printing",
    "scenarios.search",
    "scenarios.statistics",
    "scenarios.suppressed",
    "scenarios.user_controls",
)
