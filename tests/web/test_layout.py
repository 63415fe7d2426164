"""The layout: navigation by role, acronyms explained, the glossary."""

from __future__ import annotations

from collections.abc import Callable

from django.template import Context, Template
from django.test import Client

from corparent.accounts.roles import Role


def test_navigation_shows_each_role_only_what_it_may_open(client_for: Callable[[Role], Client]) -> None:
    html = {role: client_for(role).get("/").content.decode() for role in Role}
    assert 'href="/returns/"' in html[Role.ANALYST]
    assert 'href="/audit-log/"' not in html[Role.ANALYST]
    assert 'href="/accounts/audit-log/"' in html[Role.ADMIN]
    for role in (Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON):
        assert 'href="/returns/"' not in html[role]
        assert 'href="/scorecard/"' in html[role]


def test_acronyms_are_wrapped_in_abbr_with_their_meaning() -> None:
    rendered = Template("{% load corparent %}{{ text|explain_acronyms }}").render(
        Context({"text": "CLA placed by the LA, <b>SDQ</b> & UASC"})
    )
    assert '<abbr title="children looked after: children in the council&#x27;s care">CLA</abbr>' in rendered
    assert '<abbr title="local authority: a council">LA</abbr>' in rendered
    assert "&lt;b&gt;" in rendered  # the text is escaped, only abbr tags are added
    assert rendered.count("<abbr") == 4


def test_the_glossary_lists_every_term(client_for: Callable[[Role], Client]) -> None:
    from corparent.web.glossary import GLOSSARY

    html = client_for(Role.YOUNG_PERSON).get("/glossary/").content.decode()
    for term in GLOSSARY:
        assert f">{term}</dt>" in html, term
