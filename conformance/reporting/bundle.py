"""The evidence bundle: what a vendor hands a municipality, signed so that no edit goes unnoticed.

``evidence.zip`` holds the run's results (``results.json``, ``junit.xml``, ``report.html``), the
profile used with secret-looking values redacted (``profile.yaml``), the recorded requests and
responses with personal data masked (``exchanges.har``, HAR 1.2, each entry tagged with the
requirements it served: :mod:`conformance.recorder`), and ``manifest.json``: the
harness version, the catalog editions with their hashes, the SHA-256 of every input file (profile,
catalog files, the migration file, files fetched from the vendor) and of every file in the zip.

``sign`` adds ``manifest.sig``, an Ed25519 signature over the bytes of ``manifest.json``, into the
zip (one file to hand over). ``verify`` checks the signature with the signer's public key, every
file against the manifest (nothing changed, missing or added), and that the archive is in the
canonical form the harness writes (:mod:`conformance.reporting.ziputil`: entries deflated since
issue 48, stored before, and both verify), so a changed byte anywhere fails it unless it changes
nothing the archive inflates to.

The migration file is hashed but not included: it holds the generated town's names and addresses,
and the bundle carries no personal-looking data at all. The seed in ``results.json`` regenerates
it byte for byte (``conformance.testdata``), and its hash in the manifest proves it is the same.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from conformance import __version__, secrets
from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.yamlmarks import MAX_FILE_BYTES as MAX_YAML_BYTES
from conformance.credentials import credentials_in, masked_strings
from conformance.errors import UsageError
from conformance.inputs import (
    DOCUMENT_DEPTH,
    DOCUMENT_MEMBERS,
    NotRegularFile,
    check_regular,
    read_regular,
    write_private,
)
from conformance.limits import loads_bounded
from conformance.recorder import HAR_NAME, RECORDING_GLOB, finish_recordings, joined_entries
from conformance.reporting.ziputil import (
    DEFAULT_LIMITS,
    ArchiveError,
    Limits,
    canonical_problem,
    read_entries,
    write_zip,
)

BUNDLE_NAME = "evidence.zip"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
#: 2: the recorded exchanges are one HAR file (exchanges.har), no longer JSON lines per worker.
FORMAT = "conformance-evidence/2"
#: Run outputs copied into the bundle when present (results.json must be).
RUN_FILES = ("results.json", "junit.xml", "report.html")
#: Keys whose values are redacted from the profile copy: the profile holds no secret by design,
#: but a vendor may have put one there anyway.
_SECRET_KEY = re.compile(r"token|secret|passw|api[_-]?key|credential|private", re.IGNORECASE)
REDACTED = "[redacted]"


@dataclass
class BundleInputs:
    """What a bundle is built from: a run's output directory and the files the run used."""

    out: Path
    profile: Path
    catalog_root: Path
    export_files: tuple[Path, ...] = field(default=())


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks (a vendor's export can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _file_entry(path: Path, shown_as: str, **extra: Any) -> dict[str, Any]:
    return {"path": shown_as, "sha256": sha256_file(path), "size": path.stat().st_size, **extra}


# -- building -------------------------------------------------------------------------------------


def redact_profile(text: str) -> bytes:
    """The profile YAML with values under secret-looking keys replaced, and the values of
    credential-named query parameters in any of its paths and URLs (comments are dropped)."""
    data = yaml.safe_load(text)
    return yaml.safe_dump(masked_strings(_redacted(data)), allow_unicode=True, sort_keys=False).encode("utf-8")


def _redacted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: REDACTED if _SECRET_KEY.search(str(k)) else _redacted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redacted(item) for item in value]
    return value


def _catalog_inputs(results: Mapping[str, Any], catalog_root: Path) -> list[dict[str, Any]]:
    """Each edition the run used, with its fingerprint and every file's hash; the catalog found
    here must be the one the run used, or the hashes would prove nothing about the run."""
    editions = []
    for edition in results.get("catalog", {}).get("editions", []):
        directory = contained_edition(catalog_root, edition)
        if not directory.is_dir():
            raise UsageError(f"{directory}: the catalog edition the run used is not there (--catalog?)")
        fingerprint = edition_fingerprint(directory)
        if fingerprint != edition.get("sha256"):
            raise UsageError(f"{directory}: this catalog (sha256 {fingerprint[:16]}) is not the one the run used "
                             f"(sha256 {str(edition.get('sha256'))[:16]})")
        files = [_file_entry(path, path.relative_to(catalog_root).as_posix())
                 for path in sorted(directory.rglob("*.yaml"))]
        editions.append({**edition, "files": files})
    return editions


_SLUG = re.compile(r"[a-z][a-z0-9_]{0,63}")
#: Editions are numbered (1.0) or dated by the law revision they quote (2025.12).
_EDITION = re.compile(r"[0-9]{1,4}(?:\.[0-9]{1,3}){0,3}")


def contained_edition(catalog_root: Path, edition: Mapping[str, Any]) -> Path:
    """The edition directory a results file names, inside ``catalog_root`` or a UsageError: a domain
    ``/`` or ``../..`` from a crafted results.json never makes the harness walk another directory."""
    domain, number = edition.get("domain"), edition.get("edition")
    if not (isinstance(domain, str) and _SLUG.fullmatch(domain)
            and isinstance(number, str) and _EDITION.fullmatch(number)):
        raise UsageError(f"results.json: catalog edition {str(domain)[:40]!r}/{str(number)[:40]!r} is not a domain "
                         "slug and edition number: is this results file one the harness wrote?")
    directory = catalog_root / domain / number
    root = catalog_root.resolve()
    if root not in directory.resolve().parents:
        raise UsageError(f"{directory}: outside the catalog root {root}")
    return directory


def _work_inputs(out: Path, export_files: Iterable[Path]) -> list[dict[str, Any]]:
    """Hashes of the test data and of what the vendor's exports gave the checks."""
    work = out / "work"
    inputs: list[dict[str, Any]] = []
    migration = work / "migration.csv"
    if migration.is_file():
        inputs.append(_file_entry(migration, "work/migration.csv", role="test data loaded into the vendor",
                                  included=False))
    for path in sorted(work.glob("*")):
        if path.is_file() and path.name != "migration.csv" and not path.match(RECORDING_GLOB):
            inputs.append(_file_entry(path, f"work/{path.name}", role="file fetched from the vendor",
                                      included=False))
    for path in export_files:
        if path.is_file():
            inputs.append(_file_entry(path, path.name, role="export file read from the vendor's directory",
                                      included=False))
    return inputs


def _contents(inputs: BundleInputs) -> list[tuple[str, bytes]]:
    """The files of the bundle, before the manifest, in bundle order."""
    files: list[tuple[str, bytes]] = []
    for name in RUN_FILES:
        path = inputs.out / name
        if path.is_file():
            files.append((name, path.read_bytes()))
        elif name == "results.json":
            raise UsageError(f"{path}: no results.json: run `conformance run --out {inputs.out}` first")
    files.append(("profile.yaml", redact_profile(_profile_text(inputs.profile))))
    har = _recording(inputs.out)
    if har is not None:
        files.append((HAR_NAME, har.read_bytes()))
    return files


def _profile_text(profile: Path) -> str:
    """The profile's text: a regular file within the YAML size limit (a FIFO named as the profile
    would block the bundle)."""
    try:
        return read_regular(profile, MAX_YAML_BYTES, "profile").decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"profile: {profile}: not UTF-8 ({error.reason} at byte {error.start})") from None


def _recording(out: Path) -> Path | None:
    """The run's ``exchanges.har``. The workers' recordings in ``work/`` are the source: the HAR
    the run joined is used when it is newer than all of them, else they are joined again here (a
    merged run, whose shards' recordings `report merge` copied; a front end that did not join).
    Without recordings there is no HAR, whatever an earlier run left in the directory."""
    recordings = list((out / "work").glob(RECORDING_GLOB))
    if not recordings:
        return None
    har = out / HAR_NAME
    newest = max(path.stat().st_mtime_ns for path in recordings)
    if har.is_file() and har.stat().st_mtime_ns >= newest:
        return har
    return finish_recordings(out / "work", out)


def build_manifest(inputs: BundleInputs, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    """The manifest for the bundle's files and the run's inputs."""
    try:
        results = loads_bounded(dict(files)["results.json"], max_depth=DOCUMENT_DEPTH, max_members=DOCUMENT_MEMBERS)
    except ValueError as error:
        raise UsageError(f"{inputs.out / 'results.json'}: not a results.json the harness wrote ({error})") from None
    if not isinstance(results, dict):
        raise UsageError(f"{inputs.out / 'results.json'}: not a results.json the harness wrote (not an object)")
    return {
        "format": FORMAT,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "harness_version": __version__,
        "run": {
            "verdict": results.get("verdict"),
            # A partial run says so in the signed manifest too, with its selection.
            "scope": {k: v for k, v in (results.get("scope") or {}).items() if k != "not_selected"},
            "error": results.get("error"),
            "harness_version": results.get("harness_version"),
            "profile": results.get("profile"),
            "seed": results.get("seed"),
            "seeds": results.get("seeds"),
            "summary": results.get("summary"),
            "coverage": results.get("coverage"),
        },
        "catalog": _catalog_inputs(results, inputs.catalog_root),
        "inputs": [
            _file_entry(inputs.profile, inputs.profile.name, role="vendor profile (included redacted as profile.yaml)",
                        included=False),
            *_work_inputs(inputs.out, inputs.export_files),
        ],
        "exchanges": _exchanges_summary(dict(files).get(HAR_NAME)),
        "files": [{"path": name, "sha256": sha256_bytes(data), "size": len(data)} for name, data in files],
    }


def _exchanges_summary(har: bytes | None) -> dict[str, Any] | None:
    """What the bundle's HAR holds: entries, how many served a requirement, how many were setup. Read an entry at a
    time (the join's layout: a large HAR parsed whole took eight times its size); another layout is parsed whole."""
    if har is None:
        return None
    try:
        counts = _counted(joined_entries(har))
    except ValueError:
        counts = _counted(json.loads(har)["log"]["entries"])
    return {"path": HAR_NAME, "format": "HAR 1.2", **counts}


def _counted(entries: Iterable[dict[str, Any]]) -> dict[str, int]:
    """The summary's counts over the HAR's entries, taken in one pass."""
    total = serving = setup = 0
    requirements: set[str] = set()
    for entry in entries:
        total += 1
        served = entry.get("_requirements")
        serving += bool(served)
        setup += entry.get("_phase") == "setup"
        requirements.update(served or ())
    return {"entries": total, "serving_requirements": serving, "setup": setup, "requirements": len(requirements)}


def build_bundle(inputs: BundleInputs, target: Path | None = None) -> Path:
    """Write ``evidence.zip`` (unsigned) for a run's output directory; returns its path.

    Every member is scanned for the run's secrets first (those registered in this process and the
    profile's ``auth.env`` value, in every spelling :mod:`conformance.secrets` knows): a bundle that
    would hold one is not written (:class:`SecretInBundle`)."""
    files = _contents(inputs)
    manifest = json.dumps(build_manifest(inputs, files), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    members = [*files, (MANIFEST, manifest)]
    _refuse_secrets(members, secrets.known() | profile_secrets(inputs.profile))
    path = target or inputs.out / BUNDLE_NAME
    write_private(path, write_zip(members))
    return path


class SecretInBundle(UsageError):
    """A member of the bundle would hold a secret of the run: the bundle is not written."""


def profile_secrets(profile: Path) -> frozenset[str]:
    """The secrets a profile leads to: the value of its ``targets.api.auth.env`` variable, any
    password in its ``base_url`` (refused at load, but the bundle does not rely on it), and the
    values of credential-named query parameters in any of its paths and URLs."""
    try:
        data = yaml.safe_load(_profile_text(profile))
    except (UsageError, ValueError, yaml.YAMLError):
        return frozenset()
    found: set[str] = credentials_in(data)  # a path's ?apikey=...
    api = ((data or {}).get("targets") or {}).get("api") if isinstance(data, dict) else None
    if not isinstance(api, dict):
        return frozenset(value for value in found if len(value) >= secrets.MIN_SECRET_LENGTH)
    auth = api.get("auth")
    if isinstance(auth, dict) and isinstance(auth.get("env"), str):
        found.add(os.environ.get(auth["env"], ""))
    if isinstance(api.get("base_url"), str):
        try:
            parts = urlsplit(api["base_url"])
            found.update({parts.password or "", parts.username or ""})
        except ValueError:
            pass
    return frozenset(value for value in found if len(value) >= secrets.MIN_SECRET_LENGTH)


#: Bytes of a member searched for the run's secrets at once: a whole HAR decoded, encoded again and lower-cased for
#: the search took about five times its size (issue 65: a --thorough run's HAR is a gigabyte).
SCAN_WINDOW = 16 * 1024 * 1024


def _refuse_secrets(members: Iterable[tuple[str, bytes]], known: frozenset[str]) -> None:
    if not known:
        return
    finder = secrets.Finder(known)
    for name, data in members:
        if holds_secret(finder, data):
            raise SecretInBundle(f"{name}: holds a secret of the run (an auth token or password, in some "
                                 f"spelling): {BUNDLE_NAME} was not written; report this as a harness bug")


def holds_secret(finder: secrets.Finder, data: bytes, window: int = SCAN_WINDOW) -> bool:
    """Whether ``data`` holds a spelling of ``finder``'s secrets, searched ``window`` bytes at a time. The windows
    overlap by the longest spelling's reach (4 bytes a character in UTF-8), so that every match lies whole in one:
    the answer is the whole text's. A character a window's edge cuts is read as surrogates, as undecodable bytes
    are, only where no match of that window can lie."""
    overlap = 4 * finder.reach
    for start in range(0, max(len(data), 1), window):
        if finder.found(data[start:start + window + overlap].decode("utf-8", "surrogateescape")):
            return True
    return False


# -- keys -----------------------------------------------------------------------------------------


PRIVATE_KEY_NAME = "evidence-signing-key.pem"
PUBLIC_KEY_NAME = "evidence-signing-key.pub.pem"


def generate_keys(directory: Path, passphrase: bytes | None = None) -> tuple[Path, Path]:
    """A new Ed25519 key pair as PEM files in ``directory`` (the private one readable by its owner only)."""
    private, public = directory / PRIVATE_KEY_NAME, directory / PUBLIC_KEY_NAME
    for path in (private, public):
        if path.exists():
            raise UsageError(f"{path} exists; not overwriting a key")
    key = Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        public.write_bytes(key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    except OSError as error:
        with contextlib.suppress(OSError):
            private.unlink(missing_ok=True)  # no half of a pair left behind
        raise UsageError(f"--out {directory}: cannot write the key pair there ({error.strerror}); give a "
                         "directory you can write") from None
    return private, public


def load_private_key(path: Path, passphrase: bytes | None = None) -> Ed25519PrivateKey:
    """An Ed25519 private key from a PEM file; anything else is a UsageError saying what it is."""
    try:
        key = serialization.load_pem_private_key(read_regular(path, MAX_KEY_BYTES), password=passphrase)
    except (OSError, ValueError, TypeError) as error:
        raise UsageError(f"{path}: not a readable PEM private key ({_key_reason(error)})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UsageError(f"{path}: an Ed25519 key is needed, this is {type(key).__name__}")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """An Ed25519 public key from a PEM file."""
    try:
        key = serialization.load_pem_public_key(read_regular(path, MAX_KEY_BYTES))
    except (OSError, ValueError) as error:
        raise UsageError(f"{path}: not a readable PEM public key ({_key_reason(error)})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise UsageError(f"{path}: an Ed25519 public key is needed, this is {type(key).__name__}")
    return key


#: A PEM key file is a few hundred bytes.
MAX_KEY_BYTES = 64 * 1024


def _key_reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error).split(" See https://", 1)[0]


def key_fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, hex: names a key in messages and in the signature file."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sha256_bytes(raw)


# -- signing and verifying ------------------------------------------------------------------------


@dataclass
class Verification:
    """The outcome of verifying a bundle: problems (empty when valid) and what was checked."""

    problems: list[str] = field(default_factory=list)
    files: int = 0
    signer: str | None = None

    @property
    def valid(self) -> bool:
        """No problem found."""
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        """For ``verify --json``."""
        return {"valid": self.valid, "files": self.files, "signer": self.signer, "problems": self.problems}


def _read_bundle(path: Path, limits: Limits) -> tuple[bytes, list[tuple[str, bytes]]]:
    try:
        size = check_regular(path).stat().st_size  # a FIFO or a device is refused by type, not by size
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror})") from None
    if size > limits.archive_bytes:
        raise ArchiveError(f"{path}: {size} bytes; at most {limits.archive_bytes} are accepted")
    data = read_regular(path, limits.archive_bytes)
    return data, read_entries(data, limits)


def _content_problems(entries: list[tuple[str, bytes]]) -> tuple[list[str], int]:
    """Differences between the files and the manifest (changed, missing, unexpected); and the count."""
    files = dict(entries)
    try:
        manifest = loads_bounded(files[MANIFEST], max_depth=DOCUMENT_DEPTH, max_members=DOCUMENT_MEMBERS)
        listed = {str(f["path"]): str(f["sha256"]) for f in manifest["files"]}
    except KeyError:
        return [f"{MANIFEST} is missing or has no file list: this is not an evidence bundle"], 0
    except (ValueError, TypeError) as error:
        return [f"{MANIFEST} is not valid: {error}"], 0
    problems = [f"{name}: missing (listed in the manifest)" for name in listed if name not in files]
    problems += [
        f"{name}: not listed in the manifest (added after the bundle was made)"
        for name in files if name not in listed and name not in (MANIFEST, SIGNATURE)
    ]
    problems += [
        f"{name}: content changed (sha256 {sha256_bytes(files[name])[:16]}…, manifest says {digest[:16]}…)"
        for name, digest in listed.items() if name in files and sha256_bytes(files[name]) != digest
    ]
    return problems, len(listed)


def _canonical_order(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The entries in the order the harness writes them: files, manifest, signature."""
    rank = {MANIFEST: 1, SIGNATURE: 2}
    return sorted(entries, key=lambda entry: rank.get(entry[0], 0))


def sign_bundle(path: Path, key: Ed25519PrivateKey, limits: Limits = DEFAULT_LIMITS) -> str:
    """Add (or replace) ``manifest.sig``; refuses a bundle whose files no longer match its manifest.

    Returns the signer's key fingerprint.
    """
    _, entries = _read_bundle(path, limits)
    problems, _ = _content_problems(entries)
    if problems:
        raise UsageError(f"{path}: not signing a bundle that does not match its manifest:\n" + "\n".join(problems))
    unsigned = [(name, data) for name, data in entries if name != SIGNATURE]
    manifest = dict(unsigned)[MANIFEST]
    fingerprint = key_fingerprint(key.public_key())
    signature = {
        "algorithm": "Ed25519",
        "signed": MANIFEST,
        "public_key_sha256": fingerprint,
        "signature": base64.b64encode(key.sign(manifest)).decode("ascii"),
    }
    document = json.dumps(signature, indent=2).encode("utf-8") + b"\n"
    write_private(path, write_zip(_canonical_order([*unsigned, (SIGNATURE, document)])))
    return fingerprint


def verify_bundle(path: Path, public_key: Ed25519PublicKey, limits: Limits = DEFAULT_LIMITS) -> Verification:
    """Check a bundle file (module docstring); every problem found is listed, not only the first.

    A FIFO, a device or a socket is refused by its type (a UsageError, exit 2), never opened for
    reading: a FIFO would block the command and ``/dev/zero`` would be read until memory runs out."""
    size = check_regular(path, "bundle").stat().st_size
    if size > limits.archive_bytes:
        return Verification(problems=[f"{path}: {size} bytes; at most {limits.archive_bytes} are accepted"])
    try:
        data = read_regular(path, limits.archive_bytes, "bundle")
    except NotRegularFile:
        raise
    except UsageError:  # it grew past the limit since the stat
        return Verification(problems=[f"{path}: more than {limits.archive_bytes} bytes; at most "
                                      f"{limits.archive_bytes} are accepted"])
    return verify_bundle_bytes(data, public_key, limits)


def verify_bundle_bytes(data: bytes, public_key: Ed25519PublicKey, limits: Limits = DEFAULT_LIMITS) -> Verification:
    """Check a bundle's bytes (see :func:`verify_bundle`)."""
    outcome = Verification()
    try:
        entries = read_entries(data, limits)
    except ArchiveError as error:
        outcome.problems.append(str(error))
        return outcome
    files = dict(entries)
    outcome.problems += _signature_problems(files, public_key, outcome)
    problems, outcome.files = _content_problems(entries)
    outcome.problems += problems
    if [name for name, _ in _canonical_order(entries)] != [name for name, _ in entries]:
        outcome.problems.append("the archive's entries are not in the order the harness writes "
                                "(files, then manifest.json, then manifest.sig)")
    try:
        problem = canonical_problem(data, limits)
    except ArchiveError as error:
        problem = str(error)
    if problem:
        outcome.problems.append(problem)
    return outcome


def _signature_problems(files: Mapping[str, bytes], public_key: Ed25519PublicKey, outcome: Verification) -> list[str]:
    if SIGNATURE not in files:
        return [f"{SIGNATURE} is missing: the bundle is not signed (`conformance report sign`)"]
    if MANIFEST not in files:
        return []  # reported with the contents
    try:
        document = loads_bounded(files[SIGNATURE])
        signature = base64.b64decode(document["signature"], validate=True)
        signer = str(document.get("public_key_sha256", ""))
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        return [f"{SIGNATURE} is not valid: {error}"]
    expected = key_fingerprint(public_key)
    try:
        public_key.verify(signature, files[MANIFEST])
    except InvalidSignature:
        if signer and signer != expected:
            return [f"{SIGNATURE}: signed by key {signer[:16]}…, not by the given key {expected[:16]}…"]
        return [f"{SIGNATURE}: the signature does not match {MANIFEST} (the manifest was changed, or another key)"]
    outcome.signer = expected
    return []


def export_file_paths(profile_directory: str | None, files: Mapping[str, str]) -> tuple[Path, ...]:
    """The export files a ``via: directory`` profile names (for their hashes)."""
    if profile_directory is None:
        return ()
    return tuple(Path(profile_directory) / name for name in files.values())

