"""就学 (``shugaku``): the 学齢簿 of 学校教育法, 同施行令 and 同施行規則, judged through the 保護者's ``就学`` part of
the per-person query and the 学齢簿 form.

The oracle (``oracle``) gives, per child of the 世帯, the 就学義務 of 小学校 and 中学校 (法第17条, the 4月1日/4月2日
boundary, the ただし書 of a 課程 completed late), the 学齢簿 on a day and the 就学予定者's 学齢簿 made for the next 学年
(令第1条, 第2条), and what the 教育委員会 is told of a move (令第4条). ``checks`` holds the rules on the children,
``events`` those of the 就学 record's events (the 入学期日 notice of 令第5条, 第6条; 規則第30条第1項第4号, 第5号), on
the persons of ``people``; ``forms`` reads the 学齢簿 as printed (規則第30条第1項第1号, 第2号).
"""
