"""The 住民票の写し as the vendor's form interface gives it, one more read path of the model (docs/model.md).

After a committed step the form's data (``POST /forms/juminhyo_kojin/data``, the JSON the form checks read) of a
person the step changed is compared with the model's latest row: each item of the catalog's form the person has
is there with the value the record holds (a code or its label; dates as j90 and j80 want them: the expected
values are the form checks' own, :mod:`conformance.domains.jumin.forms.common`). At the end of an example the
printed PDF of one person is read and compared the same way (reading a PDF after every step would cost seconds a
run). A 支援対象者 protected today is asked for on the forms every way they give them out: their own form and, after a
転出, their 除票's (3.4 R001, R009: refused), and the 世帯全員 form asked through each other member and by the
世帯番号 (refused, or without them).

A vendor that offers no form data (404, 405, 406 or 501 for a 住民 no 支援措置 names) is judged on the print at the
end of each example only, and its refusals are not asked: a refusal says nothing where no data is given at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from conformance import clock
from conformance.catalog.models import AppliesTo, Form, FormItem
from conformance.domains.jumin.forms.common import (
    BRACKETS,
    KANA,
    PERIOD_LABEL,
    SHEET_MARKER,
    applies,
    expected_date,
    expected_values,
    name_of,
    own_block,
    period_text,
    printed_period,
    recorded_period,
    squeeze,
    without_furigana,
)
from conformance.domains.jumin.forms.member_order import order_problem, rank
from conformance.domains.jumin.oracles.model import Breach, World
from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.params import CERTIFICATION_MARKERS
from conformance.oracles.wareki import parse_wareki, to_wareki
from conformance.targets.base import HttpClient, Target
from conformance.targets.forms import DATA_PATH, FORMS_PATH, PdfProblem, PrintedForm, read_pdf

#: The forms the model reads (forms.yaml): a person's 住民票の写し, the 世帯全員 one, a 除票's.
PERSON_FORM, HOUSEHOLD_FORM, REMOVED_FORM = "juminhyo_kojin", "juminhyo_setai", "joshuhyo"
#: The 記載事項証明書 of a 住民 and of a 除票 (forms.yaml: the 写し's items), read beside the 写し (issue 50).
ITEMS_FORM, REMOVED_ITEMS_FORM = "kisai_jiko", "joshuhyo_kisai_jiko"
#: The 転出証明書 (forms.yaml), read beside the 除票の写し of a 除票 of a 転出 (issue 67's blind round, 01).
MOVED_OUT_FORM = "tenshutsu"
#: Answers of a vendor that offers no form data (interfaces.yaml issue_form_data: 404 for none).
NO_DATA = frozenset({404, 405, 406, 501})
#: Printed items the model does not compare: which 届出 the 写し's 届出年月日 names (the latest 異動's, or the one
#: the 住所 was set by) is the 様式's of chapter 4, which is not in the repository (interpretation dv-read-paths).
NOT_COMPARED = frozenset({"届出年月日"})


@dataclass
class CertificateForms:
    """The 住民票の写し of the model's persons, as data after a step and as printed at the end of an example."""

    http: HttpClient
    #: The run's target: the catalog's code labels the printed values may take (性別 1 or 男).
    target: Target
    form: Form
    #: Whether the vendor offers the form's data at all (asked once, for a 住民 no 支援措置 names); None: not yet.
    offered: bool | None = None
    #: The 住民票の除票の写し (None: the catalog has no such form): a 除票's data is read as a 住民's.
    removed: Form | None = None
    #: The 住民票の写し（世帯連記式） (None: the catalog has no such form): its switches are asked as the person's are.
    household: Form | None = None
    #: The 記載事項証明書 of a 住民 and of a 除票 (None: the catalog has no such form).
    certified_items: dict[bool, Form] = field(default_factory=dict)
    #: The 転出証明書 (None: the catalog has no such form), read for a 除票 of a 転出 where the vendor issues it.
    moved_out: Form | None = None
    #: The requirements the reads with the フリガナ and 公用 switches have judged (``_switched``).
    switches_judged: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, target: Target) -> CertificateForms | None:
        """The reader of the target's 住民票の写し (None: no API, or the catalog has no such form)."""
        form = next((form for form in target.catalog.forms if form.id == PERSON_FORM), None)
        if target.http is None or form is None or not target.serves("issue_form"):
            return None  # no form interface, or the profile says the vendor has none (targets.api.operations)
        removed = next((form for form in target.catalog.forms if form.id == REMOVED_FORM), None)
        household = next((form for form in target.catalog.forms if form.id == HOUSEHOLD_FORM), None)
        items = {form.id: form for form in target.catalog.forms if form.id in (ITEMS_FORM, REMOVED_ITEMS_FORM)}
        certified = {current: items[form_id] for current, form_id in ((True, ITEMS_FORM), (False, REMOVED_ITEMS_FORM))
                     if form_id in items}
        moved_out = next((form for form in target.catalog.forms if form.id == MOVED_OUT_FORM), None)
        return cls(target.http, target, form, removed=removed, household=household, certified_items=certified,
                   moved_out=moved_out)

    def offers(self, world: World) -> bool:
        """Whether the vendor gives the form's data: asked once a run, for a 住民 of ``world`` no 支援措置 names."""
        if self.offered is None and not self.target.serves("issue_form_data"):
            self.offered = False  # the profile says the vendor gives no form's data: the printed form is read
        if self.offered is None:
            free = next((atena for atena in sorted(world.current()) if world.protected(atena) is False), None)
            if free is None:
                return False  # asked again at a later step
            self.offered = self._data(PERSON_FORM, {"宛名番号": free})[0] not in NO_DATA
        return bool(self.offered)

    def compare_data(self, world: World, atena: str) -> Iterator[Breach]:
        """The form's data of a person no 支援措置 names shows the model's latest row (5.1 R003): a 住民's
        住民票の写し, a 除票's 除票の写し (a person moved out, dead or 消除: issue 50). Asked again with every 省略
        switch that concerns the person set, it prints none of the items they cover (5.1 R001)."""
        if world.protected(atena) is not False or not self.offers(world):
            return
        form = self.form if world.is_current(atena) else self.removed
        if form is None:
            return
        where = f"POST {DATA_PATH.replace('{form_id}', form.id)}"
        issued = {clock.today()}
        status, document = self._data(form.id, {"宛名番号": atena})
        issued.add(clock.today())
        if status != 200:
            whose = "住民票の写し of a 住民" if form is self.form else "除票の写し of a 除票"
            yield Breach(r.FORM_ITEMS, "model.form_missing", f"the {whose} was not issued", where,
                         "200 and the form's data", str(status))
            return
        row = world.latest(atena)
        yield from self._same(row, _data_items(document), where, form)
        yield from _sheet_holds(form, row, document, where)
        yield from _certified_on(document, issued, where)
        yield from self._omitted(form, row, where)
        yield from self._switched(form, row, where)
        if form is self.form:
            yield from self._household_switched(world, row)
        yield from self._certified_items(world.is_current(atena), row)
        if not world.is_current(atena):
            yield from self._moved_out_certificate(row)

    def _moved_out_certificate(self, row: Mapping[str, str]) -> Iterator[Breach]:
        """The 転出証明書 of a 除票 of a 転出 (its 転出予定年月日 recorded), where the vendor issues it for the
        除票: each item of the form the person has, as the record holds it (5.1 R003 as the 写し's, forms.yaml: a
        不詳 生年月日 as recorded; issue 67's blind round, 01). Not issued is not judged: when a 転出証明書 is given (at
        the 転出届, or for the 除票 after it) the text leaves to the vendor (interpretation blind-forms)."""
        form = self.moved_out
        if form is None or not row.get("転出予定年月日"):
            return
        where = f"POST {DATA_PATH.replace('{form_id}', form.id)}"
        status, document = self._data(form.id, {"宛名番号": row.get("宛名番号", "")})
        if status == 200:
            yield from self._same(row, _data_items(document), where, form)

    def _certified_items(self, current: bool, row: Mapping[str, str]) -> Iterator[Breach]:
        """The 住民票記載事項証明書 (a 除票's 住民票除票記載事項証明書) of the person, asked with no switch, shows the
        model's latest row as the 写し does (issue 50: a vendor whose 記載事項証明書 left the 通称 out; 5.1 R003 as
        forms.yaml reads it: each item printed with the recorded value, the 通称 wherever the name is printed)."""
        form = self.certified_items.get(current)
        if form is None:
            return
        where = f"POST {DATA_PATH.replace('{form_id}', form.id)}"
        status, document = self._data(form.id, {"宛名番号": row.get("宛名番号", "")})
        if status != 200:
            yield Breach(r.FORM_ITEMS, "model.form_missing", f"the {form.name} was not issued", where,
                         "200 and the form's data", str(status))
            return
        yield from self._same(row, _data_items(document), where, form)

    def _household_switched(self, world: World, row: Mapping[str, str]) -> Iterator[Breach]:
        """The 世帯全員 写し (世帯連記式) of the person's 世帯, asked with every 省略 switch of the form and 公用 (issue
        50: a vendor honouring the switches on the 個人票 only): no item a switch covers is printed for any member
        (5.1 R001: 世帯全員分又は一部の世帯員について選択でき…省略の指定…ができ), and 「公用」 is printed (5.7 R001).
        Not asked while a member of the 世帯 is under a 支援措置 (the form is refused: 3.4)."""
        form, setai = self.household, row.get("世帯番号", "")
        if form is None or not setai or any(world.protected(member) is not False for member in world.members(setai)):
            return
        switches = sorted(omission.id for omission in form.omissions)
        where = f"POST {DATA_PATH.replace('{form_id}', form.id)}"
        status, document = self._data(form.id, {"宛名番号": row.get("宛名番号", ""), "省略": switches, "公用": True})
        if status != 200:
            yield _not_issued(r.FORM_OMISSION, form, "its 省略 switches and 公用", where, status)
            return
        lines = list(_lines(document))
        for item in form.items:
            if item.omission in switches and any(label == item.label and value for label, value in lines):
                yield Breach(r.FORM_OMISSION, "model.form_omission_ignored", f"{item.label} is printed on the "
                             f"{form.name} although its 省略 switch ({item.omission}) is set", f"{where}#/{item.label}",
                             "left out", "printed")
        yield from _official_use(form, lines, where)

    def _switched(self, form: Form, row: Mapping[str, str], where: str) -> Iterator[Breach]:
        """The form asked with its フリガナ and 公用 switches: 「公用」 printed where the form has the switch (5.7
        R001); where a reading is printed after the 氏名, it is the record's latest 氏名_フリガナ (5.3 O001: an
        optional function, so a form that prints no reading is not judged)."""
        status, document = self._data(form.id, {"宛名番号": row.get("宛名番号", ""), "フリガナ": True, "公用": True})
        if status != 200:
            yield _not_issued(r.FORM_OFFICIAL, form, "フリガナ and 公用", where, status)
            return
        lines = list(_lines(document))
        self.switches_judged |= {r.FORM_OFFICIAL} if form.official_use else set()
        yield from _official_use(form, lines, where)
        items = _data_items(document)
        readings = [text for text in BRACKETS.findall(items.get("氏名", "")) if KANA.search(text)]
        kana = row.get("氏名_フリガナ", "")
        self.switches_judged |= {r.FORM_FURIGANA} if readings and kana else set()
        if readings and kana and squeeze(readings[-1]) != squeeze(kana):
            yield Breach(r.FORM_FURIGANA, "model.form_furigana_differs", f"the reading after the 氏名 on the "
                         f"{form.name} is not the record's フリガナ", f"{where}#/氏名/フリガナ", squeeze(kana),
                         squeeze(readings[-1]))
        yield from _tsusho_reading(form, row, items, bool(readings), where)

    def _omitted(self, form: Form, row: Mapping[str, str], where: str) -> Iterator[Breach]:
        """The form asked with every 省略 switch that concerns the person: no item a switch covers is printed (5.1
        R001: 省略の指定…ができ; forms.yaml's interpretation: an item whose switch is set is not printed)."""
        foreign = row.get("住民種別") == "2"
        switches = sorted(omission.id for omission in form.omissions if omission.applies_to is AppliesTo.ALL
                          or (omission.applies_to is AppliesTo.FOREIGN) == foreign)
        if not switches:
            return
        status, document = self._data(form.id, {"宛名番号": row.get("宛名番号", ""), "省略": switches})
        if status != 200:
            yield Breach(r.FORM_OMISSION, "model.form_missing", f"{form.id} asked with its 省略 switches was not "
                         "issued", where, "200 and the form's data", str(status))
            return
        shown = _data_items(document)
        for item in form.items:
            if item.omission in switches and shown.get(item.label):
                yield Breach(r.FORM_OMISSION, "model.form_omission_ignored", f"{item.label} is printed although "
                             f"its 省略 switch ({item.omission}) is set", f"{where}#/{item.label}", "left out",
                             "printed")

    def compare_printed(self, world: World, atena: str) -> Iterator[Breach]:
        """The printed 住民票の写し of a 住民 no 支援措置 names shows the model's latest row (5.1 R003)."""
        if not world.is_current(atena) or world.protected(atena) is not False:
            return
        path = FORMS_PATH.replace("{form_id}", PERSON_FORM)
        printed = print_of(self.http, path, {"宛名番号": atena}, r.FORM_ITEMS, "the 住民票の写し of a 住民")
        if isinstance(printed, Breach):
            yield printed
            return
        row = world.latest(atena)
        shown: dict[str, str] = {}
        for entry in own_block(self.target, self.form, printed, row):
            shown.setdefault(entry.label, entry.value)
        yield from self._same(row, shown, f"POST {path}")

    def compare_sheet(self, world: World, setai: str) -> Iterator[Breach]:
        """The printed 世帯全員 写し of ``setai`` (5.1 R005; interpretation long-sheet-model): its 別紙 holds the
        通称 of every 外国人住民 member who has one, however many pages it takes, and the 認証文 is on the last page,
        not before the 別紙's first one. How many lines a page takes is the vendor's."""
        path = FORMS_PATH.replace("{form_id}", HOUSEHOLD_FORM)
        where = f"POST {path}"
        printed = print_of(self.http, path, {"世帯番号": setai}, r.FORM_SHEET,
                           "the 世帯全員 写し of a 世帯 with a long 別紙")
        if isinstance(printed, Breach):
            yield printed
            return
        lines = printed.lines
        start = next((index for index, line in enumerate(lines) if line.text.strip().startswith(SHEET_MARKER)), None)
        names = [squeeze(row.get("通称", "")) for atena in world.members(setai)
                 if (row := world.latest(atena)).get("住民種別") == "2" and row.get("通称")]
        sheet = {squeeze(line.text) for line in lines[start:]} if start is not None else set()
        missing = [name for name in names if not any(name in text for text in sheet)]
        if missing:
            yield Breach(r.FORM_SHEET, "model.form_sheet_incomplete", "the 別紙 of the 世帯全員 写し does not hold "
                         "every member's 通称", f"{where}#/別紙/通称", str(len(names)),
                         str(len(names) - len(missing)))
            return
        first = lines[start].page if start is not None else 1
        certified = [line.page for line in lines if any(marker in line.text for marker in CERTIFICATION_MARKERS)]
        if not certified or min(certified) < first or max(certified) != len(printed.pages):
            yield Breach(r.FORM_SHEET, "model.form_certification_before_sheet", "the 認証文 of the 世帯全員 写し "
                         "should be on its last page, after the 別紙", f"{where}#/認証文", "on the last page",
                         "absent" if not certified else "on another page")

    def copy_items(self, row: Mapping[str, str], document: Any, where: str) -> Iterator[Breach]:
        """The linkage API's 住民票の写し (``POST /certificates``: its 記載者' 記載事項) of the person shows the model's
        latest row as the form's data does: each item of the 住民票の写し the person has, a 省略 switch's item
        either way (5.1 R003 as forms.yaml reads it; interpretation certificate-copy; issue 50 item 4: a 写し whose
        性別 or 第30条45規定区分 was dropped)."""
        atena = row.get("宛名番号", "")
        people = document.get("記載者") if isinstance(document, dict) else None
        person = next((entry for entry in people if isinstance(entry, dict) and str(entry.get("宛名番号")) == atena),
                      None) if isinstance(people, list) else None
        lines = person.get("記載事項") if person is not None else None
        if not isinstance(lines, list):
            yield Breach(r.FORM_ITEMS, "model.form_missing", "the 住民票の写し does not list the person",
                         f"{where}#/記載者", "the person's 記載事項", "absent")
            return
        shown: dict[str, str] = {}
        for line in lines:
            if isinstance(line, dict) and line.get("項目"):
                shown.setdefault(str(line["項目"]), str(line.get("値") or ""))
        yield from self._same(row, shown, where)

    def household_copy(self, world: World, setai: str, document: Any, where: str) -> Iterator[Breach]:
        """The linkage API's 世帯全員 住民票の写し (``POST /certificates`` with 世帯全員) lists the 世帯's 住民
        and no one else: a 除票 of a member who died or left beside them breaks 5.1 P001, anyone else 5.1 R001
        (世帯全員分); each 住民 listed shows their latest row (``copy_items``, 5.1 R003; blind round 35, 09: the 写し
        read the 世帯 by its 世帯番号 alone, 除票 included); the 記載者 are in 5.2's order (interfaces.yaml
        issue_certificate: 記載者は5.2の並び順; the second blind round, 03: a 写し listing them by 宛名番号)."""
        members = world.members(setai)
        people = document.get("記載者") if isinstance(document, dict) else None
        listed = [str(entry.get("宛名番号", "")) for entry in people if isinstance(entry, dict)] \
            if isinstance(people, list) else []
        for index, atena in enumerate(listed):
            if atena in members:
                continue
            removed = atena in world.persons and not world.is_current(atena)
            yield Breach(r.HOUSEHOLD_CURRENT if removed else r.FORM_OMISSION, "model.household_copy_other",
                         "the 世帯全員 写し lists " + ("a 除票 beside the 世帯's 住民" if removed else
                                                       "a person who is not a 住民 of the 世帯"),
                         f"{where}#/記載者/{index}", "the 世帯's 住民 only",
                         "a 除票" if removed else "not a 住民 of the 世帯")
        for atena in members:
            yield from self.copy_items(world.latest(atena), document, where)
        yield from _certificate_order(world, setai, listed, where)

    def _same(self, row: Mapping[str, str], shown: Mapping[str, str], where: str,
              form: Form | None = None) -> Iterator[Breach]:
        form = form or self.form
        for item in form.items:
            if item.label in NOT_COMPARED or not item.values or not applies(item, row) \
                    or not any(row.get(name) for name in item.values):
                continue
            value = shown.get(item.label)
            place = f"{where}#/{item.label}" + ("" if item.label in item.values else f"/{item.values[-1]}")
            if value is None:
                if item.omission is None:  # an item no 省略 switch leaves out (5.1 R001)
                    yield Breach(r.FORM_ITEMS, "model.form_differs", f"{item.label} is not on the {form.name}",
                                 place, "printed", "absent")
                continue
            if item.label == PERIOD_LABEL:
                yield from _period_differs(form, row, value, place)
                continue
            wanted = _wanted(self.target, item, row)
            got = squeeze(without_furigana(value) if item.furigana else value)
            if wanted and got not in wanted:
                yield Breach(r.FORM_ITEMS, "model.form_differs", f"{item.label} on the {form.name} differs from the "
                             "record", place, " | ".join(wanted), got)

    def protection(self, world: World, atena: str, requirement: str) -> Iterator[Breach]:
        """A 支援対象者's forms: their own (a 除票's after a 転出: R009) refused; the 世帯全員 form asked through each
        other member and by the 世帯番号 refused or without them (R001, under a 仮支援措置 R008; interpretation
        dv-model)."""
        if not self.offers(world):
            return
        row = world.latest(atena)
        own = REMOVED_FORM if requirement == r.DV_MOVED_OUT else PERSON_FORM
        if self._data(own, {"宛名番号": atena})[0] == 200:
            yield Breach(requirement, "model.dv_form_issued", "a form of a 支援対象者 was issued (3.4: an エラー)",
                         f"POST {DATA_PATH.replace('{form_id}', own)}", "refused (an エラー)", "200 issued")
        if requirement == r.DV_MOVED_OUT:
            return
        setai = row.get("世帯番号", "")
        asked = [{"宛名番号": member, "請求者": member} for member in world.members(setai) if member != atena]
        for body in [*asked, {"世帯番号": setai}]:
            status, document = self._data(HOUSEHOLD_FORM, body)
            if status == 200 and self._lists(document, row):
                how = "世帯番号" if "世帯番号" in body else "another member"
                yield Breach(requirement, "model.dv_form_leak", f"a 世帯全員 form asked by {how} shows a 支援対象者",
                             f"POST {DATA_PATH.replace('{form_id}', HOUSEHOLD_FORM)}#/氏名",
                             "refused, or the 支援対象者 left out", "listed")
                return

    def _lists(self, document: Any, row: Mapping[str, str]) -> bool:
        """Whether a form's data prints the person: a 氏名 line with their name as printed."""
        name = name_of(self.target, self.form, row)
        return any(label == "氏名" and squeeze(without_furigana(value)) == name
                   for label, value in _lines(document))

    def _data(self, form_id: str, body: Mapping[str, Any]) -> tuple[int, Any]:
        response = self.http.request("post", DATA_PATH.replace("{form_id}", form_id), json=dict(body))
        if response.status != 200:
            return response.status, None
        return 200, response.json()


def founders_out_of_order(world: World, setai: str, listed: Sequence[str]) -> tuple[int, str, str, str] | None:
    """Whether an answer listing the 宛名番号 ``listed`` (in its order) gives the members ``setai`` was made with in
    the order of 5.2 (interpretation member-order): by 続柄 first (世帯主, 配偶者, 子 and their families, ...)
    whatever their ages, then by 生年月日 and 宛名番号 within one 続柄 (``forms.member_order``'s rule). A member who
    joined later may be listed last (5.2 R002): only the founders' order is judged. None when it holds; else the
    index in ``listed`` of the first founder out of place, why, and the founders' 続柄 in an order 5.2 allows and
    as listed (the finding's expected and actual)."""
    founders = world.founders.get(setai, frozenset())
    rows = [world.latest(atena) for atena in listed if atena in founders]
    problem = order_problem(rows) if len(rows) >= 2 else None
    if problem is None:
        return None
    index, why = problem
    wanted = sorted(rows, key=lambda row: (rank(row.get("続柄", "")), row.get("生年月日", ""), row.get("宛名番号", "")))
    return (listed.index(rows[index].get("宛名番号", "")), why,
            "続柄 " + " > ".join(row.get("続柄", "") for row in wanted),
            "続柄 " + " > ".join(row.get("続柄", "") for row in rows))


def _certificate_order(world: World, setai: str, listed: Sequence[str], where: str) -> Iterator[Breach]:
    """The 世帯全員 写し's 記載者 in 5.2's order (``founders_out_of_order``), under 5.2 R004 (第１順位)."""
    found = founders_out_of_order(world, setai, listed)
    if found is None:
        return
    index, why, wanted, shown = found
    yield Breach(r.MEMBER_ORDER, "model.certificate_order", f"the 世帯全員 写し's 記載者 are not in the order of "
                 f"5.2: {why}", f"{where}#/記載者/{index}", wanted, shown)


def print_of(http: HttpClient, path: str, body: Mapping[str, Any], requirement: str,
             whose: str) -> PrintedForm | Breach:
    """A form printed (``POST path`` with ``body``) and read: its text, or the breach of ``requirement`` saying why
    not (not a PDF, or no readable, static one); ``whose`` names the form in the breach's message."""
    where = f"POST {path}"
    response = http.request("post", path, json=dict(body))
    if response.status != 200 or "pdf" not in response.content_type:
        return Breach(requirement, "model.form_missing", f"{whose} was not issued as a PDF", where, "200 and a PDF",
                      f"{response.status} {response.content_type or 'no type'}")
    try:
        return read_pdf(response.body)
    except PdfProblem as problem:
        return Breach(requirement, "model.form_missing", f"{whose} cannot be read ({problem.code})", where,
                      "a readable, static PDF", problem.code)


def _sheet_holds(form: Form, row: Mapping[str, str], document: Any, where: str) -> Iterator[Breach]:
    """A 外国人住民 with a 通称 has it on the form's 別紙 (通称の記載及び削除に関する事項), which only its 省略 switch
    leaves out (5.1 R001; forms.yaml ``tsusho_sheet``; issue 50, written blind: a 除票の写し without the 別紙). Judged
    on the data already read (no request of its own)."""
    name = squeeze(row.get("通称", ""))
    if not form.tsusho_sheet or row.get("住民種別") != "2" or not name:
        return
    values = [squeeze(value) for label, value in _lines(document)]
    start = next((index for index, value in enumerate(values) if value.startswith(SHEET_MARKER)), None)
    if start is None or not any(name in value for value in values[start:]):
        yield Breach(r.FORM_SHEET, "model.form_sheet_incomplete", f"the 別紙 of the {form.name} does not hold the "
                     "person's 通称", f"{where}#/別紙/通称", name, "no 別紙" if start is None else "absent")


def _tsusho_reading(form: Form, row: Mapping[str, str], items: Mapping[str, str], offered: bool,
                    where: str) -> Iterator[Breach]:
    """A vendor that prints readings when asked (the 氏名's is printed: 5.3 O001 offered) prints the 通称's as well,
    the record's 通称_フリガナ (O001: 氏名…、旧氏及び通称の項目は、…フリガナを記載するかどうかを選択でき、記載することを
    選択した場合…記載すること; issue 50, written blind: a vendor printing the 氏名's reading only)."""
    kana, tsusho = row.get("通称_フリガナ", ""), items.get("通称", "")
    if not offered or not kana or not tsusho or not any(item.label == "通称" and item.furigana for item in form.items):
        return
    readings = [text for text in BRACKETS.findall(tsusho) if KANA.search(text)]
    if not readings or squeeze(readings[-1]) != squeeze(kana):
        yield Breach(r.FORM_FURIGANA, "model.form_furigana_differs", f"the reading after the 通称 on the {form.name} "
                     "is not the record's 通称のフリガナ", f"{where}#/通称/フリガナ", squeeze(kana),
                     squeeze(readings[-1]) if readings else "absent")


def _certified_on(document: Any, issued: set[date], where: str) -> Iterator[Breach]:
    """The day under the 認証文 (5.1 R002: 認証文（第４章に記載のもの）; interpretation certification-date): where the
    form's data has a line of the 認証文 (``CERTIFICATION_MARKERS``) and a 年月日 on one of the two lines after it,
    that day is the day of issue, the vendor's today when the form was asked (``issued``: the days before and after
    the request, should it straddle midnight), in 和暦 or 西暦. A 認証文 without a date after it is not judged
    here (the 様式 of chapter 4 is not in our source)."""
    values = [squeeze(value) for _, value in _lines(document)]
    index = next((i for i, value in enumerate(values) if any(m in value for m in CERTIFICATION_MARKERS)), None)
    if index is None:
        return
    for value in values[index + 1:index + 3]:
        day = _day_in(value)
        if day is None:
            continue
        if day not in issued:
            yield Breach(r.FORM_CERTIFICATION, "model.form_certification_date", "the day under the 認証文 should be "
                         "the day of issue", f"{where}#/認証文/年月日", " | ".join(sorted(map(to_wareki, (
                             d.isoformat() for d in issued)))), to_wareki(day.isoformat()))
        return


#: A 和暦 date (令和8年11月27日) or a 西暦 one (2026年11月27日, 2026-11-27), full-width digits read as digits.
_WAREKI_DAY = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日")
_SEIREKI_DAY = re.compile(r"(\d{4})(?:年|-|/)(\d{1,2})(?:月|-|/)(\d{1,2})日?")


def _day_in(text: str) -> date | None:
    """The first 年月日 a line holds, or None."""
    plain = unicodedata.normalize("NFKC", text)
    try:
        match = _WAREKI_DAY.search(plain)
        if match is not None:
            return date(*parse_wareki(match.group(0)))
        match = _SEIREKI_DAY.search(plain)
        return date(*(int(part) for part in match.groups())) if match is not None else None
    except ValueError:
        return None


def _period_differs(form: Form, row: Mapping[str, str], value: str, place: str) -> Iterator[Breach]:
    """A 在留期間等 printed states the record's years, months and days (interpretation residence-period, as
    ``forms.items`` reads it: a part of 0 printed or left out, 月 in any of its units)."""
    recorded = recorded_period(row)
    if printed_period(value) != recorded:
        yield Breach(r.FORM_ITEMS, "model.form_differs", f"{PERIOD_LABEL} on the {form.name} differs from the record",
                     place, period_text(recorded), squeeze(value))


def _wanted(target: Target, item: FormItem, row: Mapping[str, str]) -> list[str]:
    """The printed forms the item's value may take, squeezed ([]: any)."""
    if item.date is not None:
        expected = expected_date(item, row)
        return [squeeze(expected)] if expected else []
    return expected_values(target, item, row)


def _lines(document: Any) -> Iterator[tuple[str, str]]:
    """The (項目, 値) lines of a form's data, page after page."""
    pages = document.get("ページ") if isinstance(document, dict) else None
    for page in pages if isinstance(pages, list) else ():
        lines = page.get("行") if isinstance(page, dict) else None
        for line in lines if isinstance(lines, list) else ():
            if isinstance(line, dict):
                yield str(line.get("項目") or ""), str(line.get("値") or "")


def _data_items(document: Any) -> dict[str, str]:
    """A one-person form's data as label -> value (the first line of each label), up to its 別紙: the 通称 the 別紙
    lists is not the person's item (issue 50: a 記載事項証明書 without the 通称 had it on its 別紙 only)."""
    shown: dict[str, str] = {}
    for label, value in _lines(document):
        if not label and value.strip().startswith(SHEET_MARKER):
            break
        if label:
            shown.setdefault(label, value)
    return shown


def _official_use(form: Form, lines: list[tuple[str, str]], where: str) -> Iterator[Breach]:
    """「公用」 printed on a form asked for as 公用, where the form has the switch (5.7 R001)."""
    if form.official_use and not any("公用" in label or "公用" in value for label, value in lines):
        yield Breach(r.FORM_OFFICIAL, "model.form_official_use_missing", f"「公用」 is not printed on the "
                     f"{form.name} asked for as 公用", f"{where}#/公用", "公用", "absent")


def _not_issued(requirement: str, form: Form, switches: str, where: str, status: int) -> Breach:
    """A form asked with its ``switches`` answered without its data."""
    return Breach(requirement, "model.form_missing", f"{form.id} asked with {switches} was not issued", where,
                  "200 and the form's data", str(status))
