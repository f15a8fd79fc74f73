"""A statement item of the pages' lists, written in Python (`kg.views.items.statement_item_html`),
is the item the Jinja macro wrote before it, byte for byte, escaping included."""

from __future__ import annotations

from itertools import product

from markupsafe import Markup

from kg.views.items import Party, StatementItem, statement_item_html
from kg.views.render import environment

# the macro as `macros.html` had it (its `party` is still there), with the views' settings
ITEM = (
    '{% from "macros.html" import party %}'
    "{% macro statement_item(s) %}\n"
    "  <li class=\"{{ 'hedged' if s.hedged else '' }}\" style=\"--tone: {{ s.colour }}\">\n"
    '    <div class="claim">{{ party(s.subject) }} <span class="relation">{{ s.relation }}</span> '
    "{{ party(s.object) }}</div>\n"
    '    <div class="meta">{{ s.date or "undated" }} · {{ s.polarity }}, {{ s.modality }}'
    '{% if s.source %} · <span class="source">according to {{ s.source }}</span>{% endif %}'
    "{% if s.event %} · event {{ s.event }}{% endif %}</div>\n"
    '    <blockquote class="evidence">“{{ s.evidence }}”</blockquote>\n'
    '    <div class="meta">Brief: {{ s.brief }}</div>\n'
    "  </li>\n"
    "{% endmacro %}\n"
)


def test_a_statement_item_is_written_as_the_macro_wrote_it() -> None:
    macro = environment().from_string(ITEM).module.statement_item  # type: ignore[attr-defined]
    parties = [Party("Belarus", "../actors/belarus.html"), Party("<b>\"Q\" & 'A'</b>", ""), Party("x", 'a"b&<')]
    texts = ["", "warned", "<script>alert(\"1\")</script> & 'co'"]
    evidence = Markup("<mark>Russia</mark> warned &lt;them&gt; “again”.")
    checked = 0
    for subject, obj, text, hedged, date in product(parties, parties, texts, (True, False), ("", "2024-02")):
        item = StatementItem(
            date, subject, text or "support", obj, "positive", "reported", hedged, "#2b8a3e", text, text, evidence, text
        )
        assert str(statement_item_html(item)) == str(macro(item))
        checked += 1
    assert checked == 108
