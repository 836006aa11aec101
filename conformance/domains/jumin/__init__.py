"""住民基本台帳 (``jumin``): the judge's 住民記録 that has moved into its folder, with sub-folders.

- ``checks``: its first checks (records kept, 続柄, 支援措置 on certificates and the 閲覧 list, date styles,
  new numbers, history);
- ``model/``: the model of 住民記録 as a Hypothesis state machine driving the vendor through the driver
  protocol (``model.jumin.state_machine``; docs/model.md), over ``oracles/model/`` (its world, transitions,
  rules and judge);
- ``oracles/kensaku.py``: what a search owes (2.1.2 あいまい検索, 異体字);
- ``scenarios/``: the checks of the administrative functions, logs, searches, prints and lists, each through
  the driver protocol (操作ログ, 認証ログ, エラーログ, 交付履歴, メモ, 認証者, 印刷, 統計, 操作権限, EUC, 抽出,
  抑止, 基本検索, 異体字, あいまい検索);
- ``texts.yaml``: the texts of those checks.

Not moved yet (the next step): ``checks/forms/``, ``checks/files/`` (also read by ``validate`` and
``reconcile``), the rules of ``checks/scenarios.py`` (its machinery is shared by every statute domain),
``conformance/oracles/jumin.py`` (read by the scenario engine). Its tests are ``tests/domains/jumin/``.
"""

#: The modules that register checks (conformance/shipped_checks.py reads this).
CHECK_MODULES = (
    "checks",
    "forms",
    "model.check",
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
