"""Template tags: ``{% t "key" %}`` and the label filters, in the page's language."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from conformance.portal.i18n import label as text_of

register = template.Library()


#: A run of Japanese (kana, kanji, full-width forms) inside an English text.
_JAPANESE_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]+")


def _in_language(text: str, lang: str) -> str:
    """``text`` for a page in ``lang``: on an English page the law's terms it keeps in Japanese (経過措置, 届出)
    are marked as Japanese, as the report marks them (:func:`conformance.reporting.html.terms`)."""
    if lang != "en" or not _JAPANESE_RUN.search(text):
        return text
    return mark_safe(_JAPANESE_RUN.sub(lambda m: f'<span lang="ja">{m.group()}</span>', str(escape(text))))


@register.simple_tag(takes_context=True)
def t(context: template.Context, key: str) -> str:
    """A portal text in the page's language."""
    lang = str(context.get("lang", "ja"))
    return _in_language(text_of("text", key, lang), lang)


@register.simple_tag(takes_context=True)
def label(context: template.Context, kind: str, key: str) -> str:
    """A verdict's, state's or level's name (``kind``) in the page's language."""
    lang = str(context.get("lang", "ja"))
    return _in_language(text_of(kind, key, lang), lang)


@register.simple_tag(takes_context=True)
def declared(context: template.Context, reason: str) -> str:
    """What a run's reason says the profile declares not to apply (a column declared absent), in the page's
    language; '' for any other reason."""
    from conformance.reporting.html import identifiers
    from conformance.results import declared_languages

    found = declared_languages(str(reason or ""))
    if found is None:
        return ""
    lang = str(context.get("lang", "ja"))
    # The profile's and the catalog's identifiers as code on a Japanese page, the law's terms marked on an English one.
    return _in_language(found[1], lang) if lang == "en" else identifiers(found[0])


@register.simple_tag(takes_context=True)
def form_errors(context: template.Context, form: Any) -> str:
    """``form``'s refusals as a list, each after its field's label in the page's language (never a field's name)."""
    from conformance.portal.forms import labelled_errors

    lines = labelled_errors(form, str(context.get("lang", "ja"))).splitlines()
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines)))


@register.filter
def get(mapping: dict[Any, Any], key: Any) -> Any:
    """``mapping[key]`` or None."""
    return mapping.get(key)


@register.filter
def domain(slug: str) -> str:
    """The 業務's name of a domain slug (住民基本台帳 for jumin), from the registry of domains, marked as
    Japanese: a name the law gives, which has no English."""
    from conformance.catalog.domains import domain_name

    return format_html('<span lang="ja">{}</span>', domain_name(str(slug)))


@register.filter
def may_manage(user: Any) -> bool:
    """Whether the account does onboarding (the access rule's :func:`may_manage`)."""
    from conformance.portal.access import may_manage as rule

    return rule(user)
