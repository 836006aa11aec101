"""後期高齢者医療 (``koki_korei``): who the 広域連合 insures under 高齢者の医療の確保に関する法律 (第50条-第55条: 75歳,
the 障害認定 of 第50条第2号, the 生活保護 exclusion of 第51条 with its 停止, the 住所地特例 of 第55条), judged
through the person's ``後期高齢者医療`` part of the per-person query, the 資格確認書 and, for a vendor claiming both,
against the 国保 and 介護 parts of the same answer.

``oracle`` says when the 資格 starts and ends under each allowed reading of 「七十五歳に達したとき」; ``checks``
registers one check per rule; ``forms`` reads the 資格確認書 as printed; ``examples`` replays the municipalities'
worked examples; ``texts.yaml`` words each rule in Japanese and English. The catalog binds the checks
(``spec_catalog/koki_korei/<edition>/bindings.yaml``); the tests are ``tests/domains/koki_korei/``.
"""
