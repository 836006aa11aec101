"""The forms of the statute domains that the harness asks a vendor for (docs/forms.md, "Forms of the statute
domains"), by the id of the form interface ``POST /forms/{form_id}``.

The 住民記録 forms are entries of their edition (``spec_catalog/jumin/1.0/forms.yaml``): chapter 5 of the
標準仕様書 requires each of them, so a vendor that does not issue one fails its requirements. A statute edition
quotes a law that says what a register or a document holds, never how a system is asked for it: the interface
and these ids are the harness's, one per document whose content a law prescribes. A vendor's profile names
those its form interface issues (``targets.forms.statute``); a check of a form it does not name is
NOT_AUTOMATED for that vendor, with the reason, as a driver operation its adapter lacks is.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: Form id -> the document and the provision it is issued under.
STATUTE_FORMS: Mapping[str, str] = MappingProxyType({
    "fuhyo_utsushi": "戸籍の附票の写し（住民基本台帳法 第20条第1項）",
    "senkyo_shohon": "選挙人名簿抄本（公職選挙法 第19条第4項）",
    "senkyo_zaigai_shohon": "在外選挙人名簿抄本（公職選挙法 第30条の12）",
    "gakureibo": "学齢簿（学校教育法施行令 第1条）",
    "kokuho_shikaku_kakuninsho": "国民健康保険の資格確認書（国民健康保険法 第9条第2項、同施行規則 第6条）",
    "kaigo_hihokenshasho": "介護保険の被保険者証（介護保険法 第12条第3項、同施行規則 第26条第1項）",
    "koki_shikaku_kakuninsho": ("後期高齢者医療の資格確認書"
                                "（高齢者の医療の確保に関する法律 第54条第3項、同施行規則 第16条）"),
})
