"""Every check shipped with the harness, collected into one registry.

The check modules import :mod:`conformance.checks.registry` (the ``check`` decorator, the context);
this module imports them, never the other way round, so which checks exist is a list written here,
never a side effect of what happened to be imported (no import cycle: docs/architecture.md).
"""

from __future__ import annotations

from conformance.checks.registry import Registry


def default_registry() -> Registry:
    """The registry of every check shipped with the harness (listed here, not found by import)."""
    from conformance.checks import (
        api,
        files,
        forms,
        fuhyo_forms,
        fuhyo_scenarios,
        fuyo_scenarios,
        hojin_scenarios,
        inkan_scenarios,
        jido_scenarios,
        jumin,
        kaigo_forms,
        kaigo_scenarios,
        keiji_scenarios,
        kenko_scenarios,
        kodomo_scenarios,
        koki_forms,
        koki_scenarios,
        kokuho_forms,
        kokuho_scenarios,
        koseki_scenarios,
        kotei_scenarios,
        kyotsu,
        nenkin_scenarios,
        scenarios,
        seikatsu_scenarios,
        senkyo_forms,
        senkyo_scenarios,
        shogaisha_scenarios,
        shugaku_forms,
        shugaku_scenarios,
        tax_scenarios,
    )
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
    # kyotsu: 共通機能, the 住登外者宛名番号付番 API; model_check: the model of 住民記録 (a state machine).
    # The statute editions' scenario checks: 個人住民税 (tax_scenarios), 国民健康保険, 国民年金, 選挙人名簿, 介護保険,
    # 児童手当, 健康管理, 戸籍の附票 (and its 写し as printed: fuhyo_forms); the 選挙人名簿抄本 as printed
    # (senkyo_forms).
    for module in (api, files, forms, jumin, scenarios, tax_scenarios, kokuho_scenarios, nenkin_scenarios,
                   senkyo_scenarios, kaigo_scenarios, jido_scenarios, scenario_check, model_check, kyotsu, search,
                   kenko_scenarios, fuhyo_scenarios, fuhyo_forms, senkyo_forms):
        registry.add_module(module)
    # 就学 (the 学齢簿, and as printed: shugaku_forms), 子ども・子育て支援 (the driver operation kodomo.nintei),
    # 後期高齢者医療 beyond the start by age, 児童扶養手当.
    for module in (shugaku_scenarios, shugaku_forms, kodomo_scenarios, koki_scenarios, fuyo_scenarios):
        registry.add_module(module)
    # 軽自動車税 種別割 (a vehicle as the owner's 軽自動車税 record).
    registry.add_module(keiji_scenarios)
    # 固定資産税 (an asset as the owner's 固定資産税 record).
    registry.add_module(kotei_scenarios)
    # 生活保護 (seikatsu_scenarios).
    registry.add_module(seikatsu_scenarios)
    # 障害者福祉 (shogaisha_scenarios: the person's 障害者福祉 record).
    registry.add_module(shogaisha_scenarios)
    # 法人住民税 (a corporation as its representative's 法人住民税 record).
    registry.add_module(hojin_scenarios)
    # The 資格確認書 of 国民健康保険 and 後期高齢者医療 as printed (kokuho_forms, koki_forms), the 介護保険
    # 被保険者証 as issued (kaigo_forms).
    registry.add_module(kokuho_forms)
    registry.add_module(koki_forms)
    registry.add_module(kaigo_forms)
    # 印鑑登録 (an application as the person's 印鑑登録 record; one municipality's 条例 as the exemplar).
    registry.add_module(inkan_scenarios)
    # 戸籍 (koseki_scenarios: the driver operations koseki.hensei, koseki.todoke, koseki.seikyu).
    registry.add_module(koseki_scenarios)
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
