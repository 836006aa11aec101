"""児童手当 (``jido_teate``): 児童手当法 from 令和6年10月, judged through the claimant's ``児童手当`` part of the
per-person query (and a 児童手当 record where 住民記録 does not hold the facts: the 第三子以降算定額算定対象者, a
施設入所等児童's place, two who look after the children).

The oracle (``oracle``) gives each 子's 児童 period (第3条第1項), the 三歳 boundary and the monthly amounts (第6条),
the first and last months paid (第8条第2項, 第3項's 15日特例 with its readings), the 支払期月 and the payments read
as a whole (第8条第4項, the ただし書's period of a 消滅), the 施設等受給資格者 (第3条第3項, 第7条第2項) and who is
deemed to look after a child (第4条第2項-第4項). ``checks`` compares each with the vendor, one rule per provision.
第9条 (額の改定) is not among the sources: the provisions.yaml ``inputs`` say what that leaves unjudged.
"""
