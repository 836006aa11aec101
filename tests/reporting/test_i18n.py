"""The report's message catalog covers every finding code the checks can emit and every check."""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from conformance.catalog.domain_rules import rule_texts
from conformance.checks.api import NEGATIVE_CHECKS
from conformance.domains.hojin_juminzei.checks import HOJIN_RULES
from conformance.domains.inkan.checks import INKAN_RULES
from conformance.domains.jido_fuyo_teate.checks import FUYO_RULES
from conformance.domains.jido_teate.checks import JIDO_RULES
from conformance.domains.jumin.rules import RULES
from conformance.domains.kaigo.checks import KAIGO_RULES
from conformance.domains.kaigo.forms import FORM_RULES as KAIGO_FORM_RULES
from conformance.domains.keijidosha_zei.checks import KEIJI_RULES
from conformance.domains.kenko_kanri.checks import KENKO_RULES
from conformance.domains.kodomo_kosodate.checks import KODOMO_RULES
from conformance.domains.kojin_juminzei.checks import TAX_RULES
from conformance.domains.koki_korei.checks import KOKI_RULES
from conformance.domains.koki_korei.forms import FORM_RULES as KOKI_FORM_RULES
from conformance.domains.kokuho.checks import KOKUHO_RULES
from conformance.domains.kokuho.forms import FORM_RULES as KOKUHO_FORM_RULES
from conformance.domains.kokumin_nenkin.checks import NENKIN_RULES
from conformance.domains.koseki.checks import KOSEKI_RULES
from conformance.domains.koseki_fuhyo.checks import FUHYO_RULES
from conformance.domains.koseki_fuhyo.forms import FORM_RULES as FUHYO_FORM_RULES
from conformance.domains.kotei_shisan_zei.checks import KOTEI_RULES
from conformance.domains.seikatsu_hogo.checks import SEIKATSU_RULES
from conformance.domains.senkyo.checks import SENKYO_RULES
from conformance.domains.senkyo.forms import FORM_RULES as SENKYO_FORM_RULES
from conformance.domains.shogaisha_fukushi.checks import SHOGAISHA_RULES
from conformance.domains.shugaku.checks import SHUGAKU_RULES
from conformance.domains.shugaku.forms import FORM_RULES as SHUGAKU_FORM_RULES
from conformance.reporting import i18n
from conformance.shipped_checks import default_registry

PACKAGE = Path(__file__).resolve().parents[2] / "conformance"
#: Where findings are made (a check, the columnar engine, the targets, the scenario engine). Every
#: dotted literal of the first three is taken for a code; in the scenario engine, where operation
#: and oracle names are dotted too, only the arguments of the calls that make findings.
SOURCES = ("checks", "columnar", "targets", "scenarios", "domains")
#: The domain folders but 住民記録's, whose checks name driver operations as dotted literals too (as the
#: scenario engine does): there, only the arguments of the calls that make findings.
LITERAL_SOURCES = (*SOURCES[:3], *(f"domains/{path.name}" for path in sorted((PACKAGE / "domains").iterdir())
                                  if path.is_dir() and path.name not in ("jumin", "__pycache__")))
CODE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")
#: Dotted literals in those sources that are not finding codes, and why.
NOT_CODES = {
    "jumin.residents": "a cache key of conformance/domains/jumin/checks.py",
    "forms.scrubber": "a cache key of conformance/domains/jumin/forms/common.py",
    "re._parser": "a module of the standard library (conformance/columnar/kernel.py)",
    "kodomo.nintei": "a driver operation id of conformance/domains/kodomo_kosodate/checks.py",
    "linkage.feed": "a driver operation id of conformance/domains/feed.py",
    "koseki.hensei": "a driver operation id of conformance/domains/koseki/driver.py",
    "koseki.todoke": "a driver operation id of conformance/domains/koseki/driver.py",
    "koseki.seikyu": "a driver operation id of conformance/domains/koseki/driver.py",
    **{f"wsgi.{key}": "a key of the WSGI environ (PEP 3333) of conformance/targets/wsgi.py" for key in (
        "version", "url_scheme", "input", "errors", "multithread", "multiprocess", "run_once")},
}
#: Dotted literals that are module or file names, never codes.
NAMES = re.compile(r"conformance\..*|.*\.(?:py|json|yaml|yml|csv|tsv|txt|xml|pdf|har|jsonl|zip)")
#: Calls whose string arguments are finding codes.
MAKERS = {"finding", "Finding", "Problem", "RecordProblem", "Breach"}

#: The rules of every scenario check module (their names are no finding codes themselves).
ALL_RULES = (*RULES, *TAX_RULES, *NENKIN_RULES, *JIDO_RULES, *SENKYO_RULES, *KAIGO_RULES, *KOKUHO_RULES,
             *SHUGAKU_RULES, *KODOMO_RULES, *KOKI_RULES, *FUYO_RULES, *KENKO_RULES, *FUHYO_RULES, *FUHYO_FORM_RULES,
             *SENKYO_FORM_RULES, *SHUGAKU_FORM_RULES, *KEIJI_RULES, *KOTEI_RULES, *SEIKATSU_RULES, *KOSEKI_RULES,
             *SHOGAISHA_RULES, *HOJIN_RULES, *INKAN_RULES, *KOKUHO_FORM_RULES, *KOKI_FORM_RULES,
             *KAIGO_FORM_RULES, *rule_texts())


def _trees(folders: tuple[str, ...] = SOURCES) -> Iterator[tuple[Path, ast.Module]]:
    for folder in folders:
        if not (PACKAGE / folder).is_dir():
            continue
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            yield path, _parsed(path)


@functools.cache  # each scan walks the same sources: parsed once a process (seconds of the quick loop)
def _parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"), filename=str(path))


def _name(call: ast.Call) -> str:
    function = call.func
    return function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")


def literal_codes() -> dict[str, str]:
    """Every dotted string literal of the sources (code -> where), f-strings apart."""
    found: dict[str, str] = {}
    for path, tree in _trees(LITERAL_SOURCES):
        formatted = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for node in ast.walk(tree):
            if id(node) in formatted:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value) \
                    and not NAMES.fullmatch(node.value):
                found.setdefault(node.value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def maker_codes() -> dict[str, str]:
    """String arguments of the calls that make findings: these are codes for sure."""
    found: dict[str, str] = {}
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) in MAKERS:
                for argument in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str) \
                            and CODE.fullmatch(argument.value):
                        found.setdefault(argument.value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def formatted_codes() -> set[str]:
    """f-strings that look like codes (``f"api.{name}"``), as their constant parts joined by ``{}``."""
    found = set()
    for _, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                shape = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
                if "{}" in shape and re.fullmatch(r"[a-z_]+(?:\.[a-z0-9_{}]+)+", shape):
                    found.add(shape)
    return found


def test_the_scan_finds_codes() -> None:
    assert {"file.encoding_not_allowed", "jumin.dv.certificate_issued", "file.record_length"} <= set(maker_codes())
    assert len(maker_codes()) > 30


def test_every_code_a_check_can_emit_has_both_texts() -> None:
    registered = set(default_registry())
    candidates = {code: where for code, where in literal_codes().items()
                  if code not in registered and code not in {*ALL_RULES, *NOT_CODES}}
    candidates.update(maker_codes())
    missing = {code: where for code, where in candidates.items() if code not in i18n.FINDINGS}
    assert missing == {}


def test_the_scan_finds_formatted_codes() -> None:
    assert {"api.{}", "scenario.{}.mismatch"} <= formatted_codes()


def test_every_formatted_code_is_one_the_catalog_expands() -> None:
    # Each f-string shape in the sources, and the codes it makes.
    expansions = {
        "api.{}": {f"api.{name}" for name in NEGATIVE_CHECKS},
        "scenario.{}.mismatch": {f"scenario.{rule}.mismatch" for rule in ALL_RULES},
        "scenario.no_{}": {"scenario.no_error", "scenario.no_alert"},  # the matchers error and alert
        "model.no_{}": {"model.no_error", "model.no_alert"},  # the model's refusals (oracles/model/judge.py)
    }
    # Shapes that make names, not finding codes: a rule's name (its findings are scenario.<rule>.mismatch, above)
    # and the check registered for a rule (its description is a check text).
    pensions = {rule for rule in ALL_RULES if rule.startswith("jido_fuyo_teate.public_pension_")}
    offers = {rule for rule in ALL_RULES if rule.startswith("fuhyo_form.offer_")}  # 法 第20条第3項's three 号
    notices = {rule for rule in ALL_RULES if rule.startswith("shugaku.notice_item_")}  # 施行令 第6条's 号
    corporations = {rule for rule in ALL_RULES if rule.startswith("senkyo.corporation_application_")}  # 第28条の2⑦
    # 第28条の2第2項, 第28条の3第2項: the rules of the 申出's items, named by the 号 (checks.py ``f"senkyo.{name}"``).
    applications = {rule for rule in ALL_RULES
                    if rule.startswith(("senkyo.political_application_", "senkyo.research_application_"))}
    names = {
        "jido_fuyo_teate.public_pension_{}": (pensions, set(ALL_RULES)),
        "fuhyo_form.offer_{}": (offers, set(ALL_RULES)),
        "shugaku.notice_item_{}": (notices, set(ALL_RULES)),
        "senkyo.corporation_application_{}": (corporations, set(ALL_RULES)),
        "senkyo.{}": (applications, set(ALL_RULES)),
        "scenario.{}": ({f"scenario.{rule}" for rule in ALL_RULES} & set(default_registry()), set(i18n.CHECKS)),
    }
    assert formatted_codes() - set(expansions) - set(names) == set()
    for codes in expansions.values():
        assert codes <= set(i18n.FINDINGS)
    for made, known in names.values():
        assert made and made <= known


def test_every_registered_check_has_a_description_in_both_languages() -> None:
    missing = [name for name in default_registry() if name not in i18n.CHECKS]
    assert missing == []


@pytest.mark.parametrize("table", [i18n.FINDINGS, i18n.CHECKS, i18n.LABELS, i18n.STATES, i18n.VERDICTS,
                                   i18n.VERDICT_RULES, i18n.LEVELS, i18n.STATE_REASONS])
def test_every_text_has_japanese_and_english(table: Mapping[str, i18n.Text]) -> None:
    # The language button names the other language; a URL is a URL in both.
    for key, (ja, en) in table.items():
        if key in {"switch", "url"}:
            continue
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja), key
        assert re.search(r"[A-Za-z]", en), key
        assert not re.search(r"\b(?:the|is|a|an|not|of|and)\b", ja), (key, ja)


def test_counts_in_both_languages() -> None:
    assert i18n.count(17, "findings") == ("17 件の指摘", "17 findings")
    assert i18n.count(1, "findings") == ("1 件の指摘", "1 finding")


def test_an_unknown_code_gets_a_family_text_never_the_code_alone() -> None:
    assert i18n.finding_text("file.something_new")[0] == "ファイルの検証で指摘がありました"
    assert i18n.finding_text("zzz.new") == ("検証で指摘がありました", "A finding")


def test_every_label_the_template_uses_is_in_the_catalog() -> None:
    template = (PACKAGE / "reporting" / "templates" / "report.html.j2").read_text("utf-8")
    used = set(re.findall(r"""\bL\("([a-z_]+)"\)""", template))
    used |= set(re.findall(r"""t\.label\(['"]([a-z_]+)['"]\)""", template))
    assert used and used - set(i18n.LABELS) == set()


def test_the_run_problems_the_harness_words_are_in_japanese() -> None:
    assert i18n.problem_text("waiver for jumin-1.0-9.5-R001 expired on 2020-03-31 (ticket VEN-9)") == (
        "要件 jumin-1.0-9.5-R001 の免除は 2020-03-31 に期限切れです（チケット VEN-9）",
        "waiver for jumin-1.0-9.5-R001 expired on 2020-03-31 (ticket VEN-9)")
    unknown = "waiver for unknown requirement 'jumin-1.0-3.14-R001'; did you mean 'jumin-1.0-3.4-R001'?"
    assert i18n.problem_text(unknown) == (
        "存在しない要件 jumin-1.0-3.14-R001 に免除があります（jumin-1.0-3.4-R001 ではありませんか）", unknown)
    assert i18n.problem_text("waiver for unknown requirement 'x'") == ("存在しない要件 x に免除があります",
                                                                       "waiver for unknown requirement 'x'")
    stale = "waiver for jumin-1.0-3.4-R001 is no longer needed: the requirement passes"
    assert i18n.problem_text(stale)[0].startswith("要件 jumin-1.0-3.4-R001 は合格している")  # type: ignore[index]
    assert i18n.problem_text("something new") is None


def test_an_unknown_check_gets_a_placeholder_never_english_on_the_japanese_page() -> None:
    ja, en = i18n.check_text("zzz.new_check")
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja) and "zzz" not in ja and en


#: f-strings of ``expected=`` / ``actual=`` that are data (a code point, a printed label and date,
#: a page number, a 職名, a range of times, statuses and codes), not the check's words: shown as they are.
DATA_VALUES = {"U+{}", "{} {}", "/{}", "{}/{}", "{}…長 …", "{} .. {}"}
#: Literals that are data: JSON's true, the name of a check digit's method, a date's format, nothing.
DATA_LITERALS = {"true", "M11W2-7", "YYYY-MM-DD", ""}


def value_literals() -> tuple[dict[str, str], dict[str, str]]:
    """The ``expected=`` / ``actual=`` texts of the checks: literals, and f-strings as their constant
    parts with ``{}`` for each value (text -> where)."""
    literals: dict[str, str] = {}
    shapes: dict[str, str] = {}
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            values = [keyword.value for keyword in node.keywords if keyword.arg in ("expected", "actual")]
            if isinstance(node.func, ast.Name) and node.func.id == "Breach":  # the model's (..., expected, actual)
                values += node.args[4:6]
            if isinstance(node.func, ast.Name) and node.func.id == "Problem":  # a file rule's (code, message, ...)
                values += node.args[2:4]
            for value in values:
                for text in _branches(value):
                    if isinstance(text, ast.Constant) and isinstance(text.value, str):
                        literals.setdefault(text.value, where)
                    elif isinstance(text, ast.JoinedStr):
                        shape = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in text.values)
                        shapes.setdefault(shape, where)
    return literals, shapes


def _branches(node: ast.expr) -> Iterator[ast.expr]:
    """``node``, or each branch of a conditional expression (``"a" if x else "b"``) and of an ``or``."""
    if isinstance(node, ast.IfExp):
        yield from _branches(node.body)
        yield from _branches(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _branches(value)
    else:
        yield node


def test_every_word_a_check_writes_as_expected_or_actual_is_in_both_languages() -> None:
    literals, shapes = value_literals()
    assert {"printed", "absent", "refused (an error)", "200 with them", "unreadable"} <= set(literals)
    assert {"on page {} only", "{} members", "a valid {} number"} <= set(shapes)  # keywords, Breach, Problem
    # A number (an HTTP status) is data.
    unworded = {text: where for text, where in literals.items()
                if not text.isdigit() and text not in DATA_LITERALS and i18n.value_text(text) is None}
    assert unworded == {}
    # Each formatted text, with a number for each value, is one the catalog words.
    untranslated = {shape: where for shape, where in shapes.items() if shape not in DATA_VALUES
                    and i18n.value_text(shape.replace("{}", "7").replace("U+7", "U+3007")) is None}
    assert untranslated == {}


def test_the_checks_words_in_japanese_and_data_as_it_is() -> None:
    assert i18n.value_text("printed") == ("印字あり", "printed")
    assert i18n.value_text("absent") == ("なし", "absent")
    assert i18n.value_text("on page 3 only") == ("3 ページ目にのみ", "on page 3 only")
    assert i18n.value_text("3 rows, the first 2 unchanged") == ("3 行（最初の 2 行は変更なし）",
                                                                 "3 rows, the first 2 unchanged")
    assert i18n.value_text("1000000015") is None and i18n.value_text(None) is None
    for ja, en in i18n.VALUES.values():
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja) or ja == en, ja


def test_the_models_codes_and_its_family_have_both_texts() -> None:
    """The model's breaches are made as ``Breach`` (a maker the scan reads, so a code without a text fails
    ``test_every_code_a_check_can_emit_has_both_texts``): each is worded in Japanese, and a model code not known
    yet gets the family's text, never English on the Japanese page."""
    codes = {code for code in maker_codes() if code.startswith("model.")}
    assert {"model.export_missing", "model.dv_issued", "model.path_differs"} <= codes
    for code in codes:
        ja, en = i18n.finding_text(code)
        assert code in i18n.FINDINGS and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja) and en, code
    ja, _ = i18n.finding_text("model.something_new")
    assert ja == "住民記録のモデル（オラクル）との比較で指摘がありました"


#: The functions of the zip reader and the bundle verifier whose strings are problems a reader sees.
_BUNDLE_MESSAGES = {
    "ziputil.py": ("_checked_size", "_assemble", "canonical_problem", "_stream_problem", "_checked_name",
                   "open_checked", "read_entry", "_check_directory", "_check_entry", "_read"),
    "bundle.py": ("verify_bundle", "verify_bundle_bytes", "_signature_problems", "_content_problems"),
}


def bundle_messages() -> dict[str, str]:
    """Every problem the zip reader and the bundle verifier word, as text with ``X`` for each value
    (a string raised, returned, listed or appended in :data:`_BUNDLE_MESSAGES`' functions) -> where."""
    root = Path(i18n.__file__).parent
    found: dict[str, str] = {}
    for name, functions in _BUNDLE_MESSAGES.items():
        tree = ast.parse((root / name).read_text("utf-8"))
        defined = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        assert set(functions) <= set(defined), f"{name}: {set(functions) - set(defined)} no longer exist"
        for function in functions:
            for node in ast.walk(defined[function]):
                for text in _message_strings(node):
                    found[text] = f"{name}:{function}"
    return found


def _message_strings(node: ast.AST) -> Iterator[str]:
    """The strings ``node`` raises (``ArchiveError(...)``), returns, lists or appends."""
    candidates: list[ast.expr] = []
    if isinstance(node, ast.Call) and (getattr(node.func, "id", "") == "ArchiveError"
                                       or getattr(node.func, "attr", "") == "append"):
        candidates += node.args
    elif isinstance(node, ast.Return) and node.value is not None:
        candidates.append(node.value)
    elif isinstance(node, ast.List):
        candidates += node.elts
    elif isinstance(node, ast.ListComp):
        candidates.append(node.elt)
    for candidate in candidates:
        if isinstance(candidate, ast.Constant) and isinstance(candidate.value, str):
            yield candidate.value
        elif isinstance(candidate, ast.JoinedStr):
            yield "".join(part.value if isinstance(part, ast.Constant) else "X" for part in candidate.values)


def test_the_scan_finds_the_bundle_messages() -> None:
    messages = bundle_messages()
    assert "X: encrypted entries are not accepted" in messages and "X: missing (listed in the manifest)" in messages
    assert len(messages) >= 30, sorted(messages)


def test_every_problem_of_the_zip_reader_and_the_bundle_verifier_is_in_japanese() -> None:
    """Issue 48: the portal's Japanese refusals quote these; none stays English."""
    untranslated = {text: where for text, where in bundle_messages().items()
                    if i18n.bundle_problem_text(text)[0] == text}
    assert untranslated == {}
    ja, en = i18n.bundle_problem_text("not a zip archive: File is not a zip file")
    assert (ja, en) == ("zip アーカイブではありません（zip 形式のファイルではありません）",
                        "not a zip archive: File is not a zip file")
    assert i18n.bundle_problem_text("results.json: content changed (sha256 0123456789abcdef…, manifest says "
                                    "fedcba9876543210…)")[0] == (
        "results.json: 内容が変更されています（sha256 0123456789abcdef…、目録では fedcba9876543210…）")
    assert i18n.bundle_problem_text("something new") == ("something new", "something new")
