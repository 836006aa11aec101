"""The in-process transport (conformance/targets/wsgi.py) hands a request to the reference as a WSGI server would."""

from __future__ import annotations

import requests

from conformance.embedded import api_prefix, reference_in_process
from conformance.targets.wsgi import IN_PROCESS, environ_of, in_process


def test_a_path_with_japanese_reaches_the_app_as_a_wsgi_server_gives_it() -> None:
    """PEP 3333: PATH_INFO is the path's bytes read as ISO-8859-1 (wsgiref, waitress). The 投票区's roll
    (/senkyo/voting-districts/第一投票区/roll) was refused 400 ("the path is not valid UTF-8") in process and
    answered over HTTP: the defect groups' runs, in process, were ERROR where the README's run passed."""
    prepared = requests.Request("GET", f"{IN_PROCESS}/senkyo/voting-districts/第一投票区/roll",
                                params={"as_of": "2025-09-01"}).prepare()
    environ = environ_of(prepared)
    assert environ["PATH_INFO"].encode("iso-8859-1").decode("utf-8") == "/senkyo/voting-districts/第一投票区/roll"
    assert environ["QUERY_STRING"] == "as_of=2025-09-01"
    with reference_in_process() as app:
        session = requests.Session()
        for prefix, adapter in in_process(app).items():
            session.mount(prefix, adapter)
        answer = session.get(f"{IN_PROCESS}{api_prefix()}/senkyo/voting-districts/第一投票区/roll",
                             params={"as_of": "2025-09-01", "limit": "2"})
    assert answer.status_code == 200 and len(answer.json()["選挙人"]) == 2
