"""Onboarding from the portal's own pages (issue 48 item 2): an administrator adds municipalities
from the shipped 全国地方公共団体コード list, vendors with their keys, products and customers, and
accounts with their roles. The command line (`conformance portal municipalities`) uses the same
functions. Every refusal is a sentence in the page's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conformance.portal.i18n import one_language
from conformance.portal.models import (
    Installation,
    Membership,
    Municipality,
    PasswordChangeRequired,
    Product,
    Role,
    Vendor,
    VendorKey,
    role_conflict,
)


class OnboardingError(ValueError):
    """What was asked cannot be done; the message says why (Japanese, English)."""

    def __init__(self, japanese: str, english: str) -> None:
        super().__init__(japanese)
        self.texts = (japanese, english)

    def text(self, lang: str) -> str:
        return self.texts[1] if lang == "en" else self.texts[0]


def _code_problem_ja(code: str) -> str:
    """Why ``code`` adds no municipality, in Japanese (``municipality_problem``'s cases; a name that is no
    prefecture's too: issue 69 item 4, the refusal quoted the English)."""
    from conformance.oracles.identifiers import is_valid_lg_code
    from conformance.oracles.municipalities import LIST_AS_OF, local_government

    if not code.isascii() or not code.isdigit():
        return f"「{code}」は市区町村コードでも都道府県名でもありません"
    if not is_valid_lg_code(code):
        return f"{code} は全国地方公共団体コードではありません（6桁の半角数字で、末尾が検査数字）"
    found = local_government(code)
    if found is None:
        return f"{code} は検査数字は正しいものの、{LIST_AS_OF} 時点の一覧にありません"
    return f"{code} は都道府県（{found.name}）のコードで、市区町村のコードではありません"


def add_municipalities(codes: list[str]) -> list[Municipality]:
    """The municipalities of ``codes`` (6-digit 市区町村コード or a prefecture's name for all of it),
    from the code list the harness ships, added or updated."""
    from conformance.oracles.municipalities import municipalities, municipality_problem

    wanted = [c.strip() for c in codes if c.strip()]
    if not wanted:
        raise OnboardingError("市区町村コード（6桁）か都道府県名を入力してください。",
                              "Give a 6-digit municipality code or a prefecture's name.")
    listed = [m for m in municipalities() if m.code in wanted or m.prefecture in wanted]
    unknown = [c for c in wanted if not any(c in (m.code, m.prefecture) for m in listed)]
    if unknown:
        found = "、".join(_code_problem_ja(c) for c in unknown)
        raise OnboardingError(f"全国地方公共団体コードの一覧にありません: {found}",
                              f"Not in the 全国地方公共団体コード list: "
                              f"{'; '.join(municipality_problem(c) or c for c in unknown)}")
    return [Municipality.objects.update_or_create(code=m.code, defaults={"name": m.name,
                                                                         "prefecture": m.prefecture})[0]
            for m in listed]


def add_vendor(name: str) -> Vendor:
    """A new vendor of that name."""
    name = name.strip()
    if not name:
        raise OnboardingError("ベンダー名を入力してください。", "Give the vendor's name.")
    if Vendor.objects.filter(name=name).exists():
        raise OnboardingError(f"ベンダー「{name}」は登録済みです。", f"The vendor {name!r} exists already.")
    return Vendor.objects.create(name=name)


def add_key(vendor: Vendor, pem: str) -> VendorKey:
    """The vendor's Ed25519 public key (PEM, `conformance report keygen`), registered."""
    key = VendorKey(vendor=vendor, public_pem=pem.strip())
    try:
        key.clean()
    except ValidationError:
        raise OnboardingError("Ed25519 の公開鍵（PEM、conformance report keygen が作る .pub.pem）を"
                              "貼り付けてください。",
                              "Paste an Ed25519 public key as PEM (the .pub.pem `conformance report keygen` "
                              "writes).") from None
    if VendorKey.objects.filter(fingerprint=key.fingerprint).exists():
        raise OnboardingError("この公開鍵は登録済みです。", "This key is registered already.")
    key.save()
    return key


def add_product(vendor: Vendor, name: str) -> Product:
    """A product (package) of the vendor: its bundles must name it."""
    name = name.strip()
    if not name:
        raise OnboardingError("製品名を入力してください。", "Give the product's name.")
    product, _ = Product.objects.get_or_create(vendor=vendor, name=name)
    return product


def add_customer(vendor: Vendor, code: str, system: str = "", product: str = "") -> Municipality:
    """A municipality the vendor supplies, and with ``system`` (one or more catalog domains,
    separated by spaces or commas) and ``product`` the product of the vendor it installed for those
    systems (業務): only then are the vendor's bundles of a system taken there, and their result is
    the system's (issue 68, item 2). A system recorded again with another product (the municipality
    changed package) is recorded anew."""
    found = Municipality.objects.filter(code=code.strip()).first()
    if found is None:
        raise OnboardingError(f"市区町村コード {code} は本ポータルに登録されていません（先に市区町村を追加）。",
                              f"No municipality {code} here (add the municipality first).")
    systems, product = system.replace("、", " ").replace(",", " ").split(), product.strip()
    if systems or product:
        installed = vendor.products.filter(name=product).first()
        if installed is None:
            raise OnboardingError(f"製品 {product!r} は {vendor} の製品として登録されていません。",
                                  f"{product!r} is not a product of {vendor}.")
        with transaction.atomic():
            vendor.customers.add(found)
            for one in systems or [""]:
                try:
                    Installation(municipality=found, domain=one, product=installed).clean()
                except ValidationError as error:
                    raise OnboardingError(*(" ".join(one_language(m, lang) for m in error.messages)
                                            for lang in ("ja", "en"))) from None
                Installation.objects.update_or_create(municipality=found, domain=one, defaults={"product": installed})
        return found
    vendor.customers.add(found)
    return found


def remove_role(membership: int, by: Any) -> None:
    """Take one role from an account (before: the administration site only, issue 69 item 2); the account keeps
    its others, and with none it sees nothing. An administrator never takes its own administrator role here:
    the last one would lock the portal's onboarding out."""
    found = Membership.objects.filter(pk=membership).select_related("user").first()
    if found is None:
        raise OnboardingError("その役割は見つかりません（既に外されています）。", "No such role (removed already).")
    if found.user_id == getattr(by, "pk", None) and found.role == Role.ADMIN:
        raise OnboardingError("自分の管理者の役割は外せません（別の管理者が外します）。",
                              "You cannot remove your own administrator role (another administrator can).")
    found.delete()


@dataclass(frozen=True)
class RoleRequest:
    """An account and one role over a municipality, a vendor or a prefecture."""

    username: str
    password: str
    role: str
    municipality: str = ""
    vendor: int | None = None
    prefecture: str = ""
    #: The administrator said the role is for an account that exists already (never assumed).
    existing: bool = False


def add_account(request: RoleRequest) -> Membership:
    """The account (made with the password when new) and its role."""
    username = request.username.strip()
    if not username:
        raise OnboardingError("ユーザー名を入力してください。", "Give the user name.")
    if request.role not in Role.values:
        raise OnboardingError("役割を選んでください。", "Choose a role.")
    target: dict[str, Any] = {}
    if request.role in (Role.TESTER, Role.REVIEWER):
        found = Municipality.objects.filter(code=request.municipality.strip()).first()
        if found is None:
            raise OnboardingError("市区町村の役割には本ポータルに登録された市区町村コードが必要です。",
                                  "A municipal role needs the code of a municipality registered here.")
        target["municipality"] = found
    elif request.role == Role.VENDOR:
        vendor = Vendor.objects.filter(pk=request.vendor or 0).first()
        if vendor is None:
            raise OnboardingError("ベンダーの役割にはベンダーを選んでください。", "A vendor role needs a vendor.")
        target["vendor"] = vendor
    elif request.role == Role.PREFECTURE:
        if not Municipality.objects.filter(prefecture=request.prefecture.strip()).exists():
            raise OnboardingError("都道府県の閲覧には、市区町村が登録済みの都道府県名が必要です。",
                                  "A prefecture viewer needs a prefecture with registered municipalities.")
        target["prefecture"] = request.prefecture.strip()
    with transaction.atomic():
        account = User.objects.filter(username=username).first()
        if account is None:
            account = _new_account(username, request.password)
        elif not request.existing or request.password:
            raise OnboardingError(
                "このユーザー名のアカウントは既にあります。既存のアカウントに役割を加えるときは「既存のアカウントに追加」を"
                "選び、パスワードは空にしてください（既存のアカウントのパスワードは変えません）。",
                "An account of this user name exists. To give it a role, choose 'add to the existing account' and "
                "leave the password empty (an existing account's password is never changed here).")
        conflict = role_conflict(account.pk, request.role)
        if conflict is not None:
            raise OnboardingError(*conflict)
        membership, _ = Membership.objects.get_or_create(user=account, role=request.role, **target)
    return membership


def _new_account(username: str, password: str) -> User:
    """A new account with the administrator's initial password, which it must replace before it
    does anything (issue 68: an administrator must not act through an account whose password it chose)."""
    try:
        validate_password(password, User(username=username))
    except ValidationError as error:
        raise OnboardingError("パスワードが条件を満たしません（12文字以上、推測されにくいもの）: "
                              + " ".join(error.messages), " ".join(error.messages)) from None
    try:
        with transaction.atomic():
            account = User.objects.create_user(username, password=password)
    except IntegrityError:
        raise OnboardingError("このユーザー名は使われています。", "This user name is taken.") from None
    PasswordChangeRequired.objects.create(user=account)
    return account
