"""戸籍の附票 (``koseki_fuhyo``): everything the judge knows of this domain, in the folder the catalog names
(its bindings: ``spec_catalog/koseki_fuhyo/<edition>/bindings.yaml``; its tests: ``tests/domains/koseki_fuhyo/``).

The 附票 is made from two sources the harness plays both of: the 住民記録 (generated residents) and the 戸籍
(POSTed to the profile's ``targets.load.koseki_path``). ``oracle`` says what a correct 附票 is (the readings taken
where the text leaves room); ``checks`` judges the per-person query's ``戸籍の附票`` against it and ``forms`` the
戸籍の附票の写し as printed, one check ``scenario.<rule>`` per rule; ``texts.yaml`` titles each rule and its finding
``scenario.<rule>.mismatch`` in Japanese and English.
"""
