"""What a test environment's profile may make a portal run reach (issue 68, item 1).

A portal run executes a vendor's profile on the portal's host. Left alone, a profile could name any
file the portal's user can read (``targets.exports.directory: /proc/self/cwd/portal-data`` brought
the portal's secret key back in a finding's text) or any variable of the portal's environment (an
``auth.env`` naming one sent its value to the vendor's ``base_url``). So a run is sealed:

- its files are only the environment's own uploaded data, written into the run's work directory,
  which is the child's working directory; every path the profile names is relative to it, with no
  absolute path, no ``..``, no hidden component, no backslash (:func:`path_problem`);
- its variables are only the environment's own secrets, stored in the portal: every ``env`` and
  ``*_env`` the profile names must be one of them, never a variable of the portal's environment;
- it runs no program of the profile (``targets.load.via: command``) and reaches no address of the
  portal's host or its cloud's metadata service (loopback, link-local, unspecified addresses).

:func:`profile_problems` is the one check: ``Environment.clean()`` refuses a registration with its
reasons, and a worker checks again before it starts a run (a row saved without ``clean()``).
"""

from __future__ import annotations

import ipaddress
import re
import tempfile
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit

import yaml

from conformance.errors import ProfileError
from conformance.profiles import load_profile
from conformance.reporting.i18n import Text

#: Where the worker writes the environment's profile, among its files (a hidden name, which no
#: uploaded file may take: :func:`path_problem` refuses hidden components).
PROFILE_NAME = ".profile.yaml"
#: A variable name an environment's secret may have (what a profile's ``env`` fields accept).
SECRET_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")
#: Names a secret never takes: the portal's own settings (a run must not be told them, even as
#: the environment's values, lest a page that shows the names mislead) and the child's own setup.
RESERVED = re.compile(r"^(CONFORMANCE_|DJANGO_|OIDC_|PYTHON|LD_|PATH$|HOME$|TMPDIR$)")
#: Host names that are the portal's own host.
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
#: A file name's components: what an export, an attestations file or evidence can be called.
COMPONENT = re.compile(r"^[^\x00-\x1f/\\]{1,255}$")


def path_problem(path: object) -> str | None:
    """Why ``path`` cannot name a file of the environment's own data, or None when it can: a
    relative POSIX path, no ``..``, no component beginning with a dot, no backslash or control
    character, not absolute in POSIX or Windows terms (``C:`` and ``\\\\host`` too)."""
    if not isinstance(path, str) or not path.strip():
        return "is not a file name"
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).drive or path.startswith(("~", "\\")):
        return "is an absolute path: only the environment's uploaded files can be named, relative to them"
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if ".." in parts:
        return "goes up with '..': only the environment's uploaded files can be named"
    if not parts:
        return "names the data directory itself, not a file" if path.strip(". /") else None
    for part in parts:
        if part.startswith("."):
            return f"has a hidden component {part!r} (names beginning with '.' are the portal's own)"
        if not COMPONENT.match(part):
            return "has a backslash or a control character"
    return None


def normalised(path: str) -> str:
    """``path`` as the portal stores an uploaded file's name (``./a//b`` is ``a/b``)."""
    return "/".join(part for part in path.split("/") if part not in ("", "."))


def secret_problems(secrets: object) -> list[Text]:
    """Why the environment's secrets (variable name -> value) cannot be given to a run."""
    if not isinstance(secrets, Mapping):
        return [("秘密は「変数名: 値」の対応で指定してください。", "secrets must map variable names to values")]
    problems: list[Text] = []
    for name, value in secrets.items():
        if not isinstance(name, str) or not SECRET_NAME.match(name):
            problems.append((f"秘密の変数名 {name!r} は英大文字・数字・_ で指定してください。",
                             f"secret name {name!r}: expected capital letters, digits and '_'"))
        elif RESERVED.match(name):
            problems.append((f"秘密の変数名 {name} はポータル又は実行環境が使う名前です。",
                             f"secret name {name}: the portal or the run's setup uses this name"))
        if not isinstance(value, str) or not value or "\x00" in value:
            problems.append((f"秘密 {name!s} の値は空でない文字列にしてください。",
                             f"secret {name!s}: the value must be a non-empty string"))
    return problems


def profile_problems(text: str, files: Collection[str] = (), secrets: Collection[str] = ()) -> list[Text]:
    """Why the environment's profile cannot be run sealed, each as (Japanese, English); empty
    when it can. ``files`` are the names of the environment's uploaded files, ``secrets`` the
    names of its secrets. An empty profile is the bundled reference vendor: nothing to check."""
    if not text.strip():
        return []
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return [("プロファイルが YAML として読めません。", f"the profile is not YAML: {str(error)[:300]}")]
    if not isinstance(document, Mapping):
        return [("プロファイルは YAML の対応（mapping）にしてください。", "the profile must be a YAML mapping")]
    problems = [*_reach(document, files, secrets)]
    return problems or _validity(text)


def _reach(document: Mapping[Any, Any], files: Collection[str], secrets: Collection[str]) -> Iterator[Text]:
    """Everything the profile names outside the environment's files, secrets and the vendor's network."""
    for field, path in _paths(document):
        problem = path_problem(path)
        if problem is not None:
            yield (f"{field}: {str(path)[:200]!r} は使えません（登録されたファイルの相対パスのみ）。",
                   f"{field}: {str(path)[:200]!r} {problem}")
    load = _at(document, "targets", "load")
    if isinstance(load, Mapping) and load.get("via") == "command":
        yield ("targets.load.via: command はポータルの実行では使えません（プロファイルのプログラムは実行しません）。",
               "targets.load.via: command: a portal run never runs a profile's program")
    for field, name in _variables(document):
        if name not in secrets:
            yield (f"{field}: 変数 {name!s} はこのテスト環境の秘密として登録されていません。",
                   f"{field}: {name!s} is not one of this environment's secrets (a run reads no other variable)")
    url = _at(document, "targets", "api", "base_url")
    reference = _at(document, "targets", "reference") is True
    if isinstance(url, str) and not reference and _portal_host(url):
        yield ("targets.api.base_url: ポータル自身のホスト又はリンクローカルのアドレスは指定できません。",
               "targets.api.base_url: a loopback, link-local or unspecified address reaches the portal's own host")
    if isinstance(_at(document, "attestations_file"), str) and files:
        yield from _attestations_file_reach(document, files)


def named_files(text: str) -> list[tuple[str, str]]:
    """Each (field, normalised path) the profile names among the environment's files: what removing an
    uploaded file would leave the profile without (nothing for a profile that is not a YAML mapping: its own
    problems say why)."""
    try:
        document = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError:
        return []
    if not isinstance(document, Mapping):
        return []
    named = [(field, normalised(path)) for field, path in _paths(document)
             if isinstance(path, str) and path_problem(path) is None]
    directory = next((path for field, path in named if field == "targets.exports.directory"), "")
    # An export file is named relative to the exports directory; the directory itself is no file.
    return [(field, "/".join(p for p in (directory, path) if p) if field.startswith("targets.exports.files.")
             else path) for field, path in named if field != "targets.exports.directory" and path]


def _paths(document: Mapping[Any, Any]) -> Iterator[tuple[str, object]]:
    """Each file or directory the profile names, with its field."""
    exports = _at(document, "targets", "exports")
    if isinstance(exports, Mapping):
        if "directory" in exports and exports["directory"] is not None:
            yield "targets.exports.directory", exports["directory"]
        named = exports.get("files")
        if exports.get("via") == "directory" and isinstance(named, Mapping):
            for layout, name in named.items():
                yield f"targets.exports.files.{layout}", name
    if "attestations_file" in document and document["attestations_file"] is not None:
        yield "attestations_file", document["attestations_file"]
    yield from _evidence(document.get("attestations"), "attestations")


def _evidence(attestations: object, field: str) -> Iterator[tuple[str, object]]:
    if not isinstance(attestations, list):
        return
    for index, attestation in enumerate(attestations):
        evidence = attestation.get("evidence") if isinstance(attestation, Mapping) else None
        for number, name in enumerate(evidence if isinstance(evidence, list) else ()):
            yield f"{field}[{index}].evidence[{number}]", name


def _attestations_file_reach(document: Mapping[Any, Any], files: Collection[str]) -> Iterator[Text]:
    """The evidence an uploaded attestations file names (relative to that file) stays inside too.
    ``files`` maps names to bytes when the worker checks before a run; names only at registration,
    when the file's content is not at hand (the worker's check covers it)."""
    name = normalised(str(document["attestations_file"]))
    content = files.get(name) if isinstance(files, Mapping) else None
    if not isinstance(content, bytes):
        return
    try:
        attestations = yaml.safe_load(content.decode("utf-8", "replace"))
    except yaml.YAMLError:
        return  # the run says what is wrong with it
    base = PurePosixPath(name).parent
    listed = attestations.get("attestations") if isinstance(attestations, Mapping) else None
    for field, evidence in _evidence(listed, f"{name}: attestations"):
        problem = path_problem(evidence) or path_problem(str(base / str(evidence)))
        if problem is not None:
            yield (f"{field}: {str(evidence)[:200]!r} は使えません（登録されたファイルの相対パスのみ）。",
                   f"{field}: {str(evidence)[:200]!r} {problem}")


def _variables(document: Mapping[Any, Any]) -> Iterator[tuple[str, str]]:
    """Each environment variable the profile names (``env`` and ``*_env`` keys, anywhere)."""
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        field, node = stack.pop()
        if isinstance(node, Mapping):
            for key, value in node.items():
                here = f"{field}.{key}" if field else str(key)
                if (key == "env" or str(key).endswith("_env")) and isinstance(value, str):
                    yield here, value
                stack.append((here, value))
        elif isinstance(node, list):
            stack.extend((f"{field}[{index}]", item) for index, item in enumerate(node))


def _portal_host(url: str) -> bool:
    """Whether ``url``'s host is the portal's own host (loopback, unspecified) or link-local (a
    cloud's metadata service). A name that resolves there is not caught: docs/security.md says so."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return False  # the profile's own validation says what is wrong with the URL
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_link_local or address.is_unspecified


def _at(document: Mapping[Any, Any], *keys: str) -> object:
    node: object = document
    for key in keys:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _validity(text: str) -> list[Text]:
    """The harness's own validation of the profile (what `conformance run` would refuse), its
    messages naming the profile instead of the temporary file it was read from."""
    with tempfile.TemporaryDirectory(prefix="portal-profile-") as directory:
        path = Path(directory) / PROFILE_NAME
        path.write_text(text, "utf-8")
        try:
            load_profile(path)
        except ProfileError as error:
            message = str(error).replace(str(path), "profile")
            return [("プロファイルの内容に誤りがあります。", message[:2000])]
    return []
