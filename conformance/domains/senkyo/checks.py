"""Scenario checks of 選挙人名簿管理 (公職選挙法; the statute edition ``senkyo 2025.12``): every rule registered as a
check. The rules are written by family, each in a module of its own: ``registration``, ``disqualification``,
``elections``, ``inspection``, ``overseas``, ``districts``, ``indication``, on what they share (``people``). The
rules of the printed 抄本 are ``forms``' (with ``shohon_register``'s).

The machinery of :mod:`conformance.checks.scenarios`, compared with :mod:`conformance.domains.senkyo.oracle`.
Every scenario asks about one day (``as_of``); each check judges one field of the answer's ``選挙人名簿``
part on the persons its provision is about:

- ``選挙権_国政`` (第9条第1項) and ``選挙権_地方`` (第9条第2項): persons around eighteen, foreign
  residents, persons who moved in around three months before (the 転入届 made some days after the move);
- ``被登録資格`` (第21条第1項): the same, judged on three months counted from the 転入届;
- ``登録基準日`` (第19条第2項, 第22条第1項): the 登録月の一日 a new resident is registered on;
- ``登録`` (第21条第2項): a person who moved out after three months, before being registered;
- ``表示`` (第27条第1項, 第2項): on a registered person's move-out, and on a registration after it;
- ``抹消事由`` (第28条第1号, 第2号): death, and four months after the move-out;
- ``年齢満十七年調査`` (施行令 第13条第1項第1号, 第2号): whether the person is among those aged seventeen surveyed as
  of the 登録月の一日 on or before the day asked about;
- ``選挙権_国政`` and ``選挙権_地方`` again (第11条第1項第2号〜第5号): a sentence sent as the person's 選挙人名簿 record
  (``targets.load.records_path``: 刑_確定年月日, 刑_種類 拘禁刑/罰金, 罪_区分 公職収賄/選挙犯罪/その他,
  刑_執行猶予期間満了日 (the period's last day), 刑_執行終了年月日, 刑_執行免除年月日);
- ``選挙権_都道府県`` (第9条第3項): the day the address in the municipality moved from was taken, sent as the
  選挙人名簿 record (転入前住所_住所を定めた年月日);
- ``在外_被登録資格`` (第30条の4第1項), ``在外_被登録移転資格`` (第30条の4第2項), ``抹消事由`` again (第28条第1項
  第3号) and ``在外_抹消事由`` with ``在外_登録`` (第30条の11第1項第2号: struck off, no longer on it) of the town's
  在外選挙人名簿: the 申請 and registrations sent as
  the 選挙人名簿 record (在外_申請年月日, 在外_管轄区域住所年月日, 在外_移転申請年月日, 在外_登録年月日,
  在外_国内住所年月日);
- ``異議申出期間`` (第24条第1項第1号, 第2号: ``{"開始", "終了"}`` of the registration that registered the person)
  and ``抄本閲覧_可否`` (第28条の2第1項, 第28条の3第1項: whether the 抄本 may be inspected for 政治活動 or 調査研究
  on the day) and ``抄本閲覧_登録確認`` (第28条の2第1項 後段: for a 選挙人 confirming a registration), with or
  without an election in the 選挙人名簿 record;
- ``在外_登録停止`` (第30条の6第3項: whether no 在外 registration nor 移転 may be made on the day) and
  ``在外_異議申出期間`` (第30条の8第1項第1号, 第2号, of the person's 在外 registration), with the election's
  選挙_種類 (衆議院, 参議院 or 地方) in the record;
- ``在外_表示`` (第30条の10第1項) and ``在外_抹消事由`` again (第30条の11第1項第1号: 在外_死亡年月日,
  在外_国籍喪失年月日 in the record);
- ``在外_抄本閲覧_可否`` and ``在外_抄本閲覧_登録確認`` (第30条の12: 第28条の2第1項 and 第28条の3第1項 applied to
  the 在外選挙人名簿's 抄本, with 第30条の8第1項各号's periods read in for a 選挙人's 確認), with a 衆議院 or 参議院
  election in the record;
- ``選挙権_地方`` and ``被登録資格`` again (第9条第4項・第5項, 第21条第3項・第4項): a 廃置分合 or 境界変更 of the
  area of the address sent as the 選挙人名簿 record (区域変更_種類 廃置分合/境界変更, 区域変更_年月日,
  区域変更_前の廃置分合_年月日); the 住民票 carried over keeps its days and the three months run on across it;
- ``抄本閲覧_閲覧者可否`` (第28条の2第1項・第2項・第9項, 第28条の3第1項・第2項): whether the person may inspect the
  抄本 as the 閲覧者 an 申出 names (閲覧_活動, 閲覧_申出者区分, 閲覧_閲覧者区分, 閲覧_承認法人 and the items it states,
  each 記載, in the 選挙人名簿 record), with no election held;
- ``登録`` again (第24条第2項): the 委員会's decision of an 異議 (異議_決定年月日, 異議_決定 正当/正当でない, 異議_求め
  登録/抹消 in the record);
- ``異議_通知先`` (第24条第2項): whom the decision of an 異議 is notified to (judged on a decision 正当でない: the
  異議申出人 from the day of the decision);
- ``在外異議_通知先`` (第30条の8第2項): the same, of an 異議 about the 在外選挙人名簿 (judged on a decision 正当でない);
- ``在外_登録`` again (第30条の2第2項): a person on the 在外選挙人名簿 for years stays on it through a 衆議院 or
  参議院 election;
- ``登録根拠`` again (第19条第1項): a voter registered years ago keeps that registration (第22条第1項) through an
  election of any kind (one 名簿, kept for good);
- ``在外_外務大臣意見照会`` (第30条の5第5項): whether the 外務大臣's opinion is to be asked about the person, an
  applicant for the 移転 (在外_移転申請年月日) not struck off the 名簿;
- ``選挙権喪失通知`` (第11条第3項): the notices owed to the municipality a person moved to whose 本籍 is in the
  town (the record's 本籍地: 当市町村/他市町村) when a 事由 of 第11条第1項 arises or ceases there;
- ``登録``, ``抹消事由`` and ``在外_抹消事由`` again (第28条第1項第4号, 第30条の11第1項第3号): the day it was learnt
  that the registration should not have been made (誤登録_判明年月日, 在外_誤登録_判明年月日 in the record);
- ``登録`` and ``登録根拠`` again (第26条): a registration the person was left off and the day it was learnt
  (登録漏れ_登録月の一日, 登録漏れ_判明年月日 in the record): ``第26条`` once registered by it;
- ``在外_登録`` (whether the person is on the 在外選挙人名簿) and ``登録`` (第30条の8第2項): the 委員会's decision of an
  異議 about the 在外選挙人名簿 (在外異議_決定年月日, 在外異議_決定, 在外異議_求め
  在外登録/在外抹消/移転/在外抹消と名簿登録);
- ``登録基準日`` and ``登録根拠`` (第22条第2項〜第4項: ``第22条第1項``, ``第22条第2項`` or ``第22条第3項``, the
  provision the registration was made under): an election sent as the 選挙人名簿 record (選挙_公示日, 選挙_期日,
  選挙時登録基準日).
"""

from __future__ import annotations

from conformance.checks.scenarios import Rule
from conformance.checks.statute_rules import rule_checks
from conformance.domains.senkyo.disqualification import DISQUALIFICATION_RULES
from conformance.domains.senkyo.districts import DISTRICT_RULES
from conformance.domains.senkyo.elections import ELECTIONS_RULES
from conformance.domains.senkyo.indication import INDICATION_RULES
from conformance.domains.senkyo.inspection import INSPECTION_RULES
from conformance.domains.senkyo.overseas import OVERSEAS_RULES
from conformance.domains.senkyo.registration import REGISTRATION_RULES
from conformance.domains.senkyo.roll import ROLL_RULES

#: Every rule of the domain, by name, family by family.
SENKYO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    *REGISTRATION_RULES, *DISQUALIFICATION_RULES, *ELECTIONS_RULES, *INSPECTION_RULES, *OVERSEAS_RULES,
    *DISTRICT_RULES, *INDICATION_RULES, *ROLL_RULES)}


#: Every rule's check (``scenario.<rule name>``), registered with the module's other checks.
RULE_CHECKS = rule_checks(SENKYO_RULES.values())
