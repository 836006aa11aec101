"""障害者福祉 (``shogaisha_fukushi``): 障害者総合支援法 (第19条, 第21条, 第23条) and 身体障害者福祉法 (第4条, 第15条),
judged through the person's ``障害者福祉`` part of the per-person query, the facts 住民記録 does not hold sent as a
障害者福祉 record.

The oracle (``oracle``) gives the 市町村 of the 支給決定 (居住地, 現在地, the 特定施設入所等障害者 of 第19条第3項),
the 障害支援区分 the 市町村審査会 判定した (第21条), the 支給決定's 有効期間 (第23条), who is a 身体障害者 (身体障害者
福祉法 第4条) and the 手帳's 申請, 交付 and holder (第15条); ``checks`` compares each with the vendor, one rule per
provision.
"""
