"""Reporters: each output format is one writer over the same results document.

- ``json_report``: ``results.json`` (the contract, docs/results.md) and the JUnit annotations;
- ``html`` (with ``charts``, ``fitgap``, ``sources``, ``i18n`` and ``templates/``): ``report.html``,
  Japanese with an English switch; ``validation_html``: the page of ``conformance validate``;
- ``terminal``: the progress bar and the summary of ``conformance run``;
- ``allure_labels``: Allure labels when allure-pytest is active;
- ``bundle`` (with ``ziputil``): the signed evidence bundle; ``diff`` and ``merge``: two runs
  compared, shards joined; ``results_file``: a results.json someone names, read within limits
  (``report diff``, ``merge``, ``xlsx``, and the durations of ``run --shard-durations``).

Reporters read results, never judge: they sit above the run layer (docs/architecture.md). What of a
resident's data they may show is decided in conformance/masking.py; the exchanges come from
conformance/recorder.py.
"""
