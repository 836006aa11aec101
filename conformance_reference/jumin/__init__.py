"""住民記録 in the reference vendor (住民記録システム標準仕様書 第1.0版).

- ``linkage`` (the linkage API: residents, changes since, history, households, the per-person query, 転入届 and
  corrections), ``exports`` (residents.csv, residents.dat, households.csv; ``fixed_export``: the fixed-length
  export in CP932) and ``certificates`` (住民票の写し, the inspection list, the forms endpoints), over
  ``presentation`` (the shared reads, and where defects change what is shown);
- ``driver`` (the service and its routes; its handlers' mixins ``driver_moves``, ``driver_corrections``,
  ``driver_queries`` over ``driver_base``; ``driver_rules``, its small rules; ``driver_logs``; ``search``,
  ``basic_search``): the driver protocol's operations (docs/driver.md);
- ``forms``: forms (帳票) as PDFs and their data; ``notices``: the 通知 it prints;
- the administrative functions: ``users``, ``user_admin``, ``terminals``, ``oplog``, ``log_analysis``,
  ``issuance``, ``memos``, ``certifiers``, ``printing``, ``statistics``, ``euc``, ``extraction``,
  ``suppression``, ``codes`` (the 住民票コード stock), ``cs`` (住基ネット CS), ``csv_import``, ``batch``,
  ``joshuhyo`` (the 除票用データベース);
- ``storage``: the sqlite3 store of history rows, which every domain of the reference reads a person by.
"""
