"""Template tags: ``{% t "key" %}`` and the label filters, in the page's language."""

from __future__ import annotations

from typing import Any

from django import template

from conformance.portal.i18n import label as text_of

register = template.Library()


@register.simple_tag(takes_context=True)
def t(context: template.Context, key: str) -> str:
    """A portal text in the page's language."""
    return text_of("text", key, str(context.get("lang", "ja")))


@register.simple_tag(takes_context=True)
def label(context: template.Context, kind: str, key: str) -> str:
    """A verdict's, state's or level's name (``kind``) in the page's language."""
    return text_of(kind, key, str(context.get("lang", "ja")))


@register.simple_tag(takes_context=True)
def declared(context: template.Context, reason: str) -> str:
    """What a run's reason says the profile declares not to apply (a column declared absent), in the page's
    language; '' for any other reason."""
    from conformance.results import declared_languages

    found = declared_languages(str(reason or ""))
    if found is None:
        return ""
    return found[1] if str(context.get("lang", "ja")) == "en" else found[0]


@register.filter
def get(mapping: dict[Any, Any], key: Any) -> Any:
    """``mapping[key]`` or None."""
    return mapping.get(key)


@register.filter
def domain(slug: str) -> str:
    """The 業務's name of a domain slug (住民基本台帳 for jumin), from the registry of domains."""
    from conformance.catalog.domains import domain_name

    return domain_name(str(slug))


@register.filter
def may_manage(user: Any) -> bool:
    """Whether the account does onboarding (the access rule's :func:`may_manage`)."""
    from conformance.portal.access import may_manage as rule

    return rule(user)
