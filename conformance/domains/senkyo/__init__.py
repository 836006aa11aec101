"""選挙人名簿管理 (``senkyo``): the 選挙人名簿 and the 在外選挙人名簿 of 公職選挙法 and its 施行令, judged through the
person's ``選挙人名簿`` part of the per-person query and the two 抄本 forms.

The oracle (``oracle``) says who has the 選挙権 (第9条, 第11条), who is registered and on which 登録月の一日 (第21条,
第22条, with the national holidays of :mod:`conformance.oracles.holidays` for 第22条第1項's shift and 第24条's
periods), the 表示 and the 抹消 (第27条, 第28条), who may see the 抄本 (第28条の2, 第28条の3) and the 在外 registration
(第30条の2-第30条の11). Its rules are written by family: ``registration`` (定時登録, 選挙時登録, 登録漏れ),
``disqualification`` (第11条's sentences), ``elections`` (the elections held in the town), ``inspection`` (the 閲覧),
``overseas`` (the 在外選挙人名簿), ``indication`` (第27条第1項's 表示 on a bar of 第11条第1項), on the persons of
``people``; ``checks`` registers them. ``forms`` reads the 抄本 of one elector as printed (第20条第1項's items, 第27条
第3項's correction), with ``shohon_register``'s rules (who is on the 名簿 on the day: 第22条, 第28条; the 表示; the
投票区) on what they share (``shohon``); ``districts`` the 投票区 of each registered person (第20条第2項, from
the 投票区 the profile declares by 町字); ``roll`` the 名簿 of each 投票区 read whole around a 登録日 through the
contract's list read (who is on it, on no other, nobody twice, the 表示).
"""
