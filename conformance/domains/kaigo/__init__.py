"""介護保険 (``kaigo``): the 第1号 and 第2号被保険者 of 介護保険法 (第9条-第13条), the 保険料's months and 段階 inputs,
and the 被保険者証, judged through the person's ``介護保険`` part of the per-person query and the statute forms.

``oracle`` holds the rules as a public API with the readings taken where the text leaves room (65歳に達した日,
the 住所地特例 of 第13条 seen from both towns, the 第2号's 医療保険加入者 of 第9条第2号); ``checks`` registers one check
per rule; ``forms`` reads the 被保険者証 as printed (規則 第26条); ``examples`` replays the municipalities' worked
examples; ``texts.yaml`` words each rule in Japanese and English. The catalog binds the checks
(``spec_catalog/kaigo/<edition>/bindings.yaml``); the tests are ``tests/domains/kaigo/``.
"""
