"""Every check shipped with the harness, collected into one registry.

The check modules import :mod:`conformance.checks.registry` (the ``check`` decorator, the context);
this module imports them, never the other way round, so which checks exist is a list written here (and,
for the domain folders, the registry of domains), never a side effect of what happened to be imported (no
import cycle: docs/architecture.md).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from conformance.catalog.domain_rules import DOMAINS_DIR, domain_folders
from conformance.checks.registry import Registry

#: The modules of a domain folder that register checks.
CHECK_MODULES = ("checks", "forms")


def domain_check_modules() -> list[ModuleType]:
    """The check modules of every domain folder, in the registry's order of domains."""
    return [importlib.import_module(f"conformance.domains.{slug}.{name}")
            for slug in domain_folders() for name in CHECK_MODULES if (DOMAINS_DIR / slug / f"{name}.py").is_file()]


def default_registry() -> Registry:
    """The registry of every check shipped with the harness (listed here, not found by import)."""
    from conformance.checks import api, files, forms, jumin, scenarios
    from conformance.scenarios import (
        access_log,
        auth_log,
        basic_search,
        certifier,
        error_log,
        euc,
        extraction,
        issuance,
        issuance_inquiry,
        itaiji,
        memo,
        permissions,
        printing,
        search,
        statistics,
        suppressed,
        user_controls,
    )
    from conformance.scenarios import check as scenario_check
    from conformance.scenarios.model import check as model_check

    registry = Registry()
    # model_check: the model of 住民記録 (a state machine).
    for module in (api, files, forms, jumin, scenarios, scenario_check, model_check, search):
        registry.add_module(module)
    # Every domain folder's checks (conformance/domains/<slug>/checks.py, and forms.py where its forms are judged
    # as printed): the folders of the registry of domains (catalog/domain_rules.py), never a list written here.
    for module in domain_check_modules():
        registry.add_module(module)
    # 住民記録 10.2 操作ログ (the driver operation logs.operations).
    registry.add_module(access_log)
    # 10.2 認証ログ and エラーログ, and ログの分析 (logs.auth, logs.errors, logs.analysis).
    registry.add_module(auth_log)
    registry.add_module(error_log)
    registry.add_module(issuance)
    # 住民記録 1.1.15 メモ (memos.*) and 1.3.9 認証者 (certifiers.*).
    registry.add_module(memo)
    registry.add_module(certifier)
    # 2.2.2 交付履歴照会 (logs.issuances with conditions).
    registry.add_module(issuance_inquiry)
    # 10.7 印刷 and 5.8 文字溢れ (prints.issue, prints.printers).
    registry.add_module(printing)
    # 6.1 統計 (stats.annual).
    registry.add_module(statistics)
    # 10.3 操作権限管理 (users.*, edits.*).
    registry.add_module(permissions)
    # 10.3 R004-R014 and 10.4 (組織単位, 一覧表, バッチ, スケジューラー, 表示・非表示), 10.2 R024, R027 分析.
    registry.add_module(user_controls)
    # 住民記録 9.6 無作為抽出 (the driver operation extract.random).
    registry.add_module(extraction)
    # 住民記録 9.2 抑止対象者一覧 (the driver operation lists.suppressed).
    registry.add_module(suppressed)
    # 住民記録 10.1 EUC機能 (the driver operations euc.items, euc.extract).
    registry.add_module(euc)
    # 住民記録 2.1.3 基本検索 (the driver operation search.basic).
    registry.add_module(basic_search)
    # 住民記録 2.1.2 異体字を包含した検索 (the driver operation search.kanji).
    registry.add_module(itaiji)
    return registry
