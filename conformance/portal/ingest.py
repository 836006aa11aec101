"""Bundles in: verify a signed evidence.zip against its vendor's registered keys, then index it.

The reader and verifier are the harness's own (:mod:`conformance.reporting.bundle`, with the
zip reader's limits), so the portal accepts exactly what ``conformance report verify`` accepts.
Nothing is stored unless every check passed, and then in one transaction: an invalid bundle leaves
no row behind.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.models import User as Account
from django.db import IntegrityError, connection, transaction
from django.db.models import Field, Q
from django.utils import timezone
from pydantic import ValidationError

from conformance import __version__
from conformance.catalog.domains import domain_name, domain_order
from conformance.errors import ConformanceError
from conformance.inputs import DOCUMENT_DEPTH, DOCUMENT_MEMBERS
from conformance.limits import loads_bounded
from conformance.portal import access, recompute
from conformance.portal.models import (
    Bundle,
    BundleFile,
    CatalogRequirement,
    Installation,
    Municipality,
    Origin,
    Product,
    RequirementState,
    SystemResult,
    Vendor,
    VendorKey,
)
from conformance.portal.verdicts import refresh_verdict
from conformance.reporting.bundle import (
    MANIFEST,
    PRIVATE_KEY_NAME,
    PUBLIC_KEY_NAME,
    SIGNATURE,
    generate_keys,
    key_fingerprint,
    sha256_bytes,
)
from conformance.reporting.i18n import Text, bundle_problem_text
from conformance.reporting.ziputil import (
    DEFAULT_LIMITS,
    ArchiveError,
    Limits,
    canonical_problem,
    open_checked,
    read_entry,
)
from conformance.results_schema import ResultsDocument

User = AbstractBaseUser | AnonymousUser


class BundleRefused(ConformanceError):
    """The bundle was not indexed; the message says why, in terms the uploader can act on, in Japanese
    and English (``str()`` is the English: the API's default and the logs'; :meth:`text` picks)."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.ja, self.en = ja, en

    def text(self, lang: str) -> str:
        """The refusal in ``lang`` (Japanese unless "en")."""
        return self.en if lang == "en" else self.ja

    @classmethod
    def listing(cls, heading: Text, problems: Sequence[Text]) -> BundleRefused:
        """A refusal with every problem found, one a line, under ``heading``."""
        return cls("\n".join([heading[0], *(p[0] for p in problems)]),
                   "\n".join([heading[1], *(p[1] for p in problems)]))


#: Headings of the refusals that list problems.
DOES_NOT_VERIFY: Text = ("バンドルの検証に失敗しました（`conformance report verify` と同じ検査）:",
                         "the bundle does not verify:")
NOT_SIGNED: Text = ("バンドルに署名がありません（`conformance report sign` で署名してください）",
                    "the bundle is not signed (`conformance report sign`)")


def limits() -> Limits:
    """The bundle reader's limits, the archive's size capped by the portal's upload limit."""
    return Limits(archive_bytes=min(DEFAULT_LIMITS.archive_bytes, settings.MAX_UPLOAD_BYTES),
                  entries=DEFAULT_LIMITS.entries, entry_bytes=DEFAULT_LIMITS.entry_bytes,
                  total_bytes=DEFAULT_LIMITS.total_bytes, ratio=DEFAULT_LIMITS.ratio)


@dataclass(frozen=True)
class Contents:
    """What a verified bundle says: its manifest and results, and the export layouts its profile declares
    columns of absent (``absent_columns``: a requirement judged by them may be NOT_APPLICABLE)."""

    manifest: Mapping[str, Any]
    results: Mapping[str, Any]
    absent_layouts: frozenset[str] = frozenset()


def signer_key(entries: Mapping[str, bytes]) -> VendorKey:
    """The registered key the signature names (its fingerprint): a bundle signed by a key no
    vendor registered is refused before anything else is read."""
    if SIGNATURE not in entries:
        raise BundleRefused(f"{SIGNATURE} がありません: {NOT_SIGNED[0]}", f"{SIGNATURE} is missing: {NOT_SIGNED[1]}")
    try:
        fingerprint = str(loads_bounded(entries[SIGNATURE])["public_key_sha256"])
    except (ValueError, KeyError, TypeError) as error:
        raise BundleRefused(f"{SIGNATURE} が正しくありません（{reading_ja(error)}）",
                            f"{SIGNATURE} is not valid: {error}") from None
    key = VendorKey.objects.select_related("vendor").filter(fingerprint=fingerprint, revoked=False).first()
    if key is None:
        raise BundleRefused(f"{SIGNATURE}: 署名した鍵 {fingerprint[:16]}… はこのポータルでどのベンダーにも"
                            "登録されていないか、失効しています。管理者にベンダーの公開鍵の登録を依頼してください。",
                            f"{SIGNATURE}: signed by key {fingerprint[:16]}…, which no vendor registered here "
                            "(or it was revoked): ask the administrator to register the vendor's public key")
    return key


def public_key(pem: str) -> Ed25519PublicKey:
    """A registered key's PEM as a key object."""
    key = serialization.load_pem_public_key(pem.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        raise BundleRefused("登録された鍵が Ed25519 の公開鍵ではありません",
                            "the registered key is not an Ed25519 public key")
    return key


#: The most a signature or a manifest may take (a manifest lists at most ``Limits.entries`` files).
SIGNATURE_BYTES, MANIFEST_BYTES = 64 * 1024, 16 * 1024 * 1024
#: Entries are hashed in pieces of this size, never held whole (results.json apart).
CHUNK = 1024 * 1024


def verified(data: bytes, trusted: VendorKey | None = None) -> tuple[VendorKey, Contents]:
    """The signing key and contents of a bundle that passes every check, else BundleRefused listing
    every problem found. The key is the registered one the signature names, or ``trusted`` (the
    portal's own, for the runs it made).

    Work follows trust: the zip's directory is checked (names, counts, declared sizes, the
    compression ratio); then only the signature and the manifest are read (each capped) and the
    signature verified; only then is each entry inflated and streamed through SHA-256 against the
    manifest in pieces, every inflated byte counted against the entry's declared size and a running
    budget (a stream that inflates past either is refused at that piece), keeping results.json alone.
    A bundle that passes all this is finally checked whole by the harness's verifier (``conformance
    report verify``'s: the canonical form, deflated or, for bundles made before issue 48, stored)."""
    try:
        archive, infos = open_checked(data, limits())
        with archive:
            key, manifest = _signed_manifest(archive, infos, trusted)
            entries = _streamed(archive, infos, manifest)
        problems = _form_problems(data, [info.filename for info in infos])
    except ArchiveError as error:
        ja, en = bundle_problem_text(str(error))
        raise BundleRefused(f"証拠バンドルとして読めません（{ja}）", f"not a readable evidence bundle: {en}") from None
    if problems:
        # The harness verifier's own words (`conformance report verify` prints the English), one a line.
        raise BundleRefused.listing(DOES_NOT_VERIFY, [bundle_problem_text(p) for p in problems])
    return key, Contents(_json(entries, MANIFEST), _results(entries), absent_layouts(entries.get(PROFILE)))


def _form_problems(data: bytes, names: list[str]) -> list[str]:
    """What ``conformance report verify`` adds to the checks above, without holding the entries
    inflated (its reader keeps every entry whole: a signed 24 MiB bundle of entries deflated 20:1
    cost 0.8 GB, issue 68): the harness's order of entries, and its canonical form, whose deflate
    streams are inflated in pieces (:func:`conformance.reporting.ziputil.canonical_problem`)."""
    rank = {MANIFEST: 1, SIGNATURE: 2}
    problems = [] if names == sorted(names, key=lambda name: rank.get(name, 0)) else [
        "the archive's entries are not in the order the harness writes (files, then manifest.json, then manifest.sig)"]
    problem = canonical_problem(data, limits())
    return [*problems, problem] if problem else problems


#: The profile a bundle carries (secrets removed), and the most of it read.
PROFILE, PROFILE_BYTES = "profile.yaml", 1024 * 1024


def absent_layouts(profile: bytes | None) -> frozenset[str]:
    """The layouts of which the bundle's profile declares columns absent (``targets.exports.absent_columns``);
    none when the profile is missing, too large or unreadable (a NOT_APPLICABLE resting on them is then refused)."""
    if profile is None or len(profile) > PROFILE_BYTES:
        return frozenset()
    try:
        document = yaml.safe_load(profile.decode("utf-8"))
        declared = document["targets"]["exports"]["absent_columns"]
        return frozenset(str(layout) for layout, columns in declared.items() if columns)
    except (yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError, AttributeError):
        return frozenset()


def _signed_manifest(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                     trusted: VendorKey | None) -> tuple[VendorKey, bytes]:
    """The key and the manifest's bytes, the signature verified, before any other entry is read."""
    named = {info.filename: info for info in infos}
    signature = _small_entry(archive, named, SIGNATURE, SIGNATURE_BYTES, NOT_SIGNED)
    manifest = _small_entry(archive, named, MANIFEST, MANIFEST_BYTES,
                            ("証拠バンドルではありません", "this is not an evidence bundle"))
    key = trusted or signer_key({SIGNATURE: signature})
    try:
        document = loads_bounded(signature)
        public_key(key.public_pem).verify(base64.b64decode(document["signature"], validate=True), manifest)
    except (ValueError, KeyError, TypeError, binascii.Error, InvalidSignature):
        raise BundleRefused(f"{SIGNATURE}: 署名が {MANIFEST} と一致しません（目録が変更されたか、別の鍵の署名です）",
                            f"{SIGNATURE}: the signature does not match {MANIFEST} (the manifest was changed, "
                            "or another key)") from None
    return key, manifest


def _small_entry(archive: zipfile.ZipFile, named: Mapping[str, zipfile.ZipInfo], name: str, most: int,
                 missing: Text) -> bytes:
    info = named.get(name)
    if info is None:
        raise BundleRefused(f"{name} がありません: {missing[0]}", f"{name} is missing: {missing[1]}")
    if info.file_size > most:
        raise BundleRefused(f"{name}: {info.file_size} バイトです。受け付けるのは {most} バイトまでです",
                            f"{name}: {info.file_size} bytes; at most {most} are accepted")
    return read_entry(archive, info)


def _streamed(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], manifest: bytes) -> dict[str, bytes]:
    """Every entry hashed against the signed manifest in pieces, the bytes read counted against the
    total budget; returns the manifest and results.json (the only entries kept)."""
    try:
        listed = {str(f["path"]): str(f["sha256"]) for f in loads_bounded(
            manifest, max_depth=DOCUMENT_DEPTH, max_members=DOCUMENT_MEMBERS)["files"]}
    except (ValueError, KeyError, TypeError) as error:
        raise BundleRefused(f"{MANIFEST} が正しくありません（{reading_ja(error)}）",
                            f"{MANIFEST} is not valid: {error}") from None
    names = {info.filename for info in infos} - {MANIFEST, SIGNATURE}
    problems: list[Text] = [(f"{name}: 目録にあるのにバンドルにありません", f"{name}: missing (listed in the manifest)")
                            for name in sorted(set(listed) - names)]
    problems += [(f"{name}: 目録にありません（バンドルの作成後に追加されたもの）",
                  f"{name}: not listed in the manifest (added after the bundle was made)")
                 for name in sorted(names - set(listed))]
    kept, budget = {MANIFEST: manifest}, limits().total_bytes
    for info in infos:
        if info.filename not in listed:
            continue
        digest, content, budget = _hashed(archive, info, budget,
                                          keep=info.filename == "results.json" or info.filename == PROFILE)
        if digest != listed[info.filename]:
            problems.append((f"{info.filename}: 内容が変更されています（sha256 {digest[:16]}…、目録では "
                             f"{listed[info.filename][:16]}…）", f"{info.filename}: content changed (sha256 "
                             f"{digest[:16]}…, manifest says {listed[info.filename][:16]}…)"))
        if content is not None:
            kept[info.filename] = content
    if problems:
        raise BundleRefused.listing(DOES_NOT_VERIFY, problems)
    return kept


def _hashed(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int,
            keep: bool) -> tuple[str, bytes | None, int]:
    """The entry's SHA-256 (and its bytes when ``keep``), and what is left of the budget."""
    digest, pieces, size = hashlib.sha256(), [], 0
    try:
        with archive.open(info) as handle:
            while piece := handle.read(min(CHUNK, info.file_size - size + 1)):
                size, budget = size + len(piece), budget - len(piece)
                if size > info.file_size or budget < 0:
                    raise BundleRefused(f"{info.filename}: アーカイブの記載より大きいか、展開後の上限を超えます",
                                        f"{info.filename}: holds more than the archive says, or the bundle "
                                        "unpacks past its limit")
                digest.update(piece)
                if keep:
                    pieces.append(piece)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as error:
        raise BundleRefused(f"{info.filename}: 読めません（{reading_ja(error)}）",
                            f"{info.filename}: unreadable ({error})") from None
    return digest.hexdigest(), b"".join(pieces) if keep else None, budget


#: What Python's JSON reader and the portal's JSON limits say (the start of the message), in Japanese: a Japanese
#: refusal quotes no English sentence (issue 69 item 4).
_JSON_WORDS: tuple[tuple[str, str], ...] = (
    ("Expecting value", "値がありません"),
    ("Expecting property name enclosed in double quotes", "二重引用符で囲んだ名前がありません"),
    ("Expecting ',' delimiter", "区切りの「,」がありません"),
    ("Expecting ':' delimiter", "区切りの「:」がありません"),
    ("Unterminated string starting at", "文字列が閉じていません"),
    ("Invalid control character at", "文字列に制御文字があります"),
    ("Invalid \\escape", "不正なエスケープがあります"),
    ("Extra data", "JSON の後に余分なデータがあります"),
    ("JSON with more than", "値の数が上限を超えています"),
    ("JSON nested deeper than", "入れ子が上限より深くなっています"),
)


def reading_ja(error: BaseException) -> str:
    """Why a signature, manifest or JSON entry could not be read, in Japanese (where in the text, for the JSON
    reader's errors); a library message nobody worded is named by its kind, not quoted in English."""
    if isinstance(error, json.JSONDecodeError):
        where = f"{error.lineno} 行 {error.colno} 列: "
        return where + next((ja for en, ja in _JSON_WORDS if error.msg.startswith(en)), "構文が正しくありません")
    text = str(error)
    limit = next((ja for en, ja in _JSON_WORDS if text.startswith(en)), None)
    if limit is not None:
        return limit
    if isinstance(error, KeyError):
        return f"項目 {text} がありません"
    if isinstance(error, zlib.error | zipfile.BadZipFile | EOFError):
        return "圧縮データが壊れています"
    return f"読み取りエラー（{type(error).__name__}）"


#: A schema error's kind (pydantic's ``type``) in Japanese; an unlisted kind is named by its code.
_SCHEMA_WORDS: Mapping[str, str] = {
    "missing": "必須の項目がありません",
    "extra_forbidden": "定義されていない項目です",
    "string_type": "文字列ではありません",
    "int_type": "整数ではありません",
    "int_parsing": "整数ではありません",
    "float_type": "数値ではありません",
    "bool_type": "真偽値ではありません",
    "list_type": "配列ではありません",
    "dict_type": "オブジェクトではありません",
    "model_type": "オブジェクトではありません",
    "literal_error": "許される値ではありません",
    "enum": "許される値ではありません",
    "string_pattern_mismatch": "形式が正しくありません",
    "string_too_short": "短すぎます",
    "string_too_long": "長すぎます",
    "date_from_datetime_parsing": "日付の形式ではありません",
    "date_parsing": "日付の形式ではありません",
    "datetime_parsing": "日時の形式ではありません",
    "datetime_from_date_parsing": "日時の形式ではありません",
}


def schema_ja(error: Mapping[str, Any]) -> str:
    """One schema error of results.json in Japanese (its kind; the allowed values when it lists them)."""
    said = _SCHEMA_WORDS.get(str(error.get("type")), f"形式が正しくありません（{error.get('type')}）")
    expected = (error.get("ctx") or {}).get("expected")
    return f"{said}（許される値: {expected}）" if expected and error.get("type") in ("literal_error", "enum") else said


def _json(entries: Mapping[str, bytes], name: str) -> Mapping[str, Any]:
    try:
        document = loads_bounded(entries[name], max_depth=DOCUMENT_DEPTH, max_members=DOCUMENT_MEMBERS)
    except KeyError:
        raise BundleRefused(f"{name} がバンドルにありません", f"{name} is missing from the bundle") from None
    except ValueError as error:
        raise BundleRefused(f"{name}: JSON として正しくありません（{reading_ja(error)}）",
                            f"{name}: not valid JSON ({error})") from None
    if not isinstance(document, dict):
        raise BundleRefused(f"{name}: JSON のオブジェクトではありません", f"{name}: not a JSON object")
    return document


def _results(entries: Mapping[str, bytes]) -> Mapping[str, Any]:
    document = _json(entries, "results.json")
    try:
        ResultsDocument.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise BundleRefused(f"results.json: {where}: {schema_ja(first)}"
                            "（ハーネスが書く形式 2 の results.json ではありません）",
                            f"results.json: {where}: {first['msg']} (not a results.json of format 2 the "
                            "harness writes)") from None
    return document


def recomputed(contents: Contents) -> recompute.Scope:
    """The results checked against the catalog edition this portal holds (:mod:`recompute`)."""
    try:
        run_day = timezone.localtime(_created(contents.manifest)).date()  # the portal's day, as expiries are read
        return recompute.check(contents.results, contents.absent_layouts, run_day)
    except recompute.ResultsRejected as error:
        raise BundleRefused.listing(("results.json がこのポータルのカタログと合いません:",
                                     "results.json does not agree with the catalog this portal holds:"),
                                    error.shown()) from None


def product_name(results: Mapping[str, Any]) -> str:
    """The product a results document names (the profile's)."""
    profile = results.get("profile") or {}
    return str(profile.get("product") or profile.get("name") or "?")[:200]


def check_release(vendor: Vendor, municipality: Municipality, contents: Contents) -> None:
    """The signer's vendor supplies the municipality and owns the product the bundle names: a bundle
    never lands on another vendor's release (its attestations, evidence and history)."""
    if not municipality.vendors.filter(pk=vendor.pk).exists():
        raise BundleRefused(f"{vendor} は {municipality} の納入ベンダーとして登録されていません。管理者がベンダーの"
                            "取引先に市区町村を追加します。",
                            f"{vendor} is not registered as a supplier of {municipality}: an administrator "
                            "adds the municipality to the vendor's customers")
    product = product_name(contents.results)
    if not Product.objects.filter(vendor=vendor, name=product).exists():
        raise BundleRefused(f"製品 {product!r} は {vendor}（バンドルの署名者）の製品として登録されていません。"
                            "管理者がベンダーの製品を登録します。",
                            f"product {product!r} is not registered for {vendor} (the bundle's signer): an "
                            "administrator registers a vendor's products")
    check_installed(vendor, municipality, contents)


def bundle_systems(results: Mapping[str, Any]) -> list[str]:
    """The systems (catalog domains) a results document judges requirements of, in its order: a
    `-k` run of one system of a profile claiming many puts results on that one only."""
    entries = results.get("results") or []
    return list(dict.fromkeys(str(e.get("domain")) for e in entries if isinstance(e, Mapping)))


def check_installed(vendor: Vendor, municipality: Municipality, contents: Contents) -> None:
    """Every system of the bundle is one the municipality installed from this vendor (issue 68: a
    vendor supplying one system must not put its product's result on a system bought elsewhere)."""
    installed = dict(Installation.objects.filter(municipality=municipality).values_list("domain", "product__vendor_id"))
    foreign = [system for system in bundle_systems(contents.results) if installed.get(system) != vendor.pk]
    if foreign:
        # The systems by their 業務 names (issue 69: every list by 業務), in 業務ID order.
        names = [domain_name(system) for system in sorted(foreign, key=domain_order)[:20]]
        raise BundleRefused(f"{municipality} は業務 {'、'.join(names)} を {vendor} の製品として導入登録していません。"
                            "市区町村の担当者（又は管理者）が市区町村のページの「導入製品」で業務ごとに登録します。",
                            f"{municipality} has not recorded {vendor}'s product as installed for {', '.join(names)}: "
                            "the municipality's officers (or an administrator) record it per system under "
                            "\"Installed products\" on the municipality's page")


def index(data: bytes, municipality: Municipality, user: User) -> Bundle:
    """Verify and index one bundle for ``municipality``, uploaded by ``user`` (who must be allowed to)."""
    if not access.can_upload(user, municipality):
        raise BundleRefused(f"{municipality} のバンドルをアップロードする権限がありません",
                            f"you may not upload bundles for {municipality}")
    if already_indexed(municipality, sha256_bytes(data)):
        raise duplicate(data, municipality)  # found by its hash, before the zip is opened (issue 68)
    key, contents = verified(data)
    if not access.may_sign_for(user, key.vendor):
        raise BundleRefused(f"バンドルは {key.vendor} の鍵で署名されています。"
                            "あなたのアカウントは別のベンダーのものです",
                            f"the bundle is signed by {key.vendor}'s key; your account belongs to another vendor")
    scope = recomputed(contents)
    check_release(key.vendor, municipality, contents)
    if already_indexed(municipality, sha256_bytes(data)):
        raise duplicate(data, municipality)
    try:
        with transaction.atomic():
            bundle = _store(data, municipality, user, key, contents, scope)
            refresh_verdict(bundle)
    except IntegrityError:
        # The same bundle uploaded twice at once: both passed the check above, the database's unique
        # constraint let one in; the other gets the refusal a later duplicate gets, not a 500.
        raise duplicate(data, municipality) from None
    return bundle


def already_indexed(municipality: Municipality, digest: str) -> bool:
    """Whether the bundle with this SHA-256 is indexed for the municipality."""
    return Bundle.objects.filter(municipality=municipality, sha256=digest).exists()


def duplicate(data: bytes, municipality: Municipality) -> BundleRefused:
    """The refusal of a bundle indexed already (one wording, however the duplicate was found)."""
    digest = sha256_bytes(data)[:16]
    return BundleRefused(f"このバンドル（sha256 {digest}…）は {municipality} に登録済みです",
                         f"this bundle (sha256 {digest}…) is already indexed for {municipality}")


def index_portal_run(data: bytes, municipality: Municipality, vendor: Vendor, user: User | None) -> Bundle:
    """Index a bundle of a run the portal made (signed with the portal's own key, verified with it)."""
    trusted = VendorKey(vendor=vendor, public_pem=portal_public_pem(), fingerprint="")
    trusted.fingerprint = key_fingerprint(public_key(trusted.public_pem))
    _, contents = verified(data, trusted)
    scope = recomputed(contents)
    check_release(vendor, municipality, contents)
    with transaction.atomic():
        bundle = _store(data, municipality, user, trusted, contents, scope, Origin.WITNESSED)
        refresh_verdict(bundle)
    return bundle


def portal_key_paths() -> tuple[Path, Path]:
    """The portal's own signing key pair (made on first use, in the portal's home)."""
    directory = Path(settings.HOME) / "keys"
    private, public = directory / PRIVATE_KEY_NAME, directory / PUBLIC_KEY_NAME
    if not private.is_file():
        generate_keys(directory)
    return private, public


def portal_public_pem() -> str:
    """The portal's public key, PEM."""
    return portal_key_paths()[1].read_text("ascii")


def _store(data: bytes, municipality: Municipality, user: User | None, key: VendorKey,
           contents: Contents, scope: recompute.Scope, origin: Origin = Origin.SELF_DECLARED) -> Bundle:
    results, manifest = contents.results, contents.manifest
    profile = results.get("profile") or {}
    bundle = Bundle.objects.create(
        sha256=sha256_bytes(data), municipality=municipality, vendor=key.vendor, signer=key.fingerprint,
        origin=origin, product=product_name(results),
        version=str(profile.get("version") or "?")[:100], profile_name=str(profile.get("name") or "")[:200],
        harness_version=str(results.get("harness_version"))[:50],
        harness_outdated=str(results.get("harness_version")) != __version__,
        verdict=str(results["verdict"]), partial=scope.partial,
        problems=list(results.get("problems") or []), gaps=list(results.get("gaps") or []),
        created=_created(manifest), uploaded_by=user if isinstance(user, Account) else None)
    BundleFile.objects.create(bundle=bundle, data=data)
    counted: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in results["results"]:
        counted[(str(r["domain"]), str(r["edition"]))][str(r["status"])] += 1
    SystemResult.objects.bulk_create([
        SystemResult(bundle=bundle, municipality=municipality, domain=str(e["domain"]), edition=str(e["edition"]),
                     catalog_sha256=str(e.get("sha256")), catalog_outdated=False,  # recompute: the same
                     counts=dict(counted[(str(e["domain"]), str(e["edition"]))]),
                     judged=sum(counted[(str(e["domain"]), str(e["edition"]))].values()))
        for e in (results.get("catalog") or {}).get("editions", [])])
    insert_states(bundle.pk, results["results"])
    return bundle


#: The columns of a requirement's state, in the order :func:`insert_states` writes them.
STATE_COLUMNS = ("bundle", "item", "status", "reason", "findings", "attestation")
#: Rows per INSERT: 6 parameters each stays under every backend's limit on parameters.
STATE_BATCH = 150
#: A requirement as a state names it: id, system, edition, level (:class:`CatalogRequirement`).
ItemKey = tuple[str, str, str, str]


def item_key(entry: Mapping[str, Any]) -> ItemKey:
    return str(entry["requirement"]), str(entry["domain"]), str(entry["edition"]), str(entry["level"])


def item_ids(entries: Sequence[Mapping[str, Any]]) -> dict[ItemKey, int]:
    """The :class:`CatalogRequirement` of each entry, made for those not stored yet (a new edition's):
    one query for the editions' requirements, an insert and a second query only when some are new. A
    concurrent indexing of the same new edition inserts the same rows: the unique constraint keeps one
    (``ignore_conflicts``) and both read it back."""
    wanted = {item_key(entry) for entry in entries}
    editions = Q()
    for domain, edition in {(key[1], key[2]) for key in wanted}:
        editions |= Q(domain=domain, edition=edition)

    def stored() -> dict[ItemKey, int]:
        return {(r, d, e, lv): pk for pk, r, d, e, lv in CatalogRequirement.objects.filter(editions).values_list(
            "pk", "requirement", "domain", "edition", "level")}

    found = stored() if wanted else {}
    missing = sorted(wanted - found.keys())  # sorted: concurrent inserts take the rows' locks in one order
    if missing:
        CatalogRequirement.objects.bulk_create(
            [CatalogRequirement(requirement=r, domain=d, edition=e, level=lv) for r, d, e, lv in missing],
            ignore_conflicts=True, batch_size=STATE_BATCH)
        found = stored()
    return found


def insert_states(bundle_id: int, entries: Sequence[Mapping[str, Any]]) -> None:
    """One row per requirement (the bundle's results), copied in one COPY on PostgreSQL, elsewhere
    inserted in multi-row statements written here: the ORM's ``bulk_create`` compiled each of the
    18,000 values of a whole-catalog bundle on its own and took most of the indexing time (issue 51).
    The values are prepared by the model's own fields (the state's code, NULL for an empty reason or
    findings, the JSON as the backend stores it), so the rows are those ``bulk_create`` wrote."""
    fields = [field for name in STATE_COLUMNS if isinstance(field := RequirementState._meta.get_field(name), Field)]
    status, reason, findings, attestation = fields[2:]
    table = connection.ops.quote_name(RequirementState._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    items = item_ids(entries)
    rows = [(bundle_id, items[item_key(r)], status.get_db_prep_save(str(r["status"]), connection),
             reason.get_db_prep_save(str(r.get("reason") or ""), connection),
             findings.get_db_prep_save(list(r.get("findings") or []), connection),
             attestation.get_db_prep_save(r.get("attestation"), connection)) for r in entries]
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: one statement for the bundle's 1,993 rows, the values sent without SQL to parse
            # (issue 51: the national load is 28 million rows).
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for values in rows:
                    copy.write_row(values)
            return
        for first in range(0, len(rows), STATE_BATCH):
            batch = rows[first:first + STATE_BATCH]
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([row] * len(batch)),
                           [value for values in batch for value in values])


def _created(manifest: Mapping[str, Any]) -> dt.datetime:
    try:
        created = dt.datetime.fromisoformat(str(manifest.get("created")))
    except ValueError:
        shown = repr(str(manifest.get("created"))[:40])
        raise BundleRefused(f"{MANIFEST}: created {shown} は ISO 形式の日時ではありません",
                            f"{MANIFEST}: created {shown} is not an ISO date") from None
    return created if created.tzinfo is not None else created.replace(tzinfo=dt.UTC)
