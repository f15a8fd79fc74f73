"""A page's digest (`kg.views.reuse.PageContent`) depends on what it shows, never on how the
values were made: a rebuild links a page whose digest the previous build recorded."""

import sys

from kg.views.data import Brief, EventCode, Node, Statement, ViewData
from kg.views.reuse import PageContent


def data(sentence: str, code: EventCode | None) -> ViewData:
    statement = Statement("s/1", "a", "b", "meet", "positive", "asserted", "2016", sentence, "brief", code)
    nodes = {iri: Node(iri, iri.upper(), "Country", (iri.upper(),)) for iri in ("a", "b")}
    return ViewData([statement], nodes, {"brief": Brief("brief", "Title", "2016", 1)})


def digest(view: ViewData) -> str:
    return PageContent(view, {}).digest("head", view.statements)


def test_a_digest_depends_on_the_values_shown_only() -> None:
    code = EventCode("040", "Consult", 1.0, 1, "CONSULT")
    made = "".join(["They ", "met."])  # an equal string, made otherwise (not interned, another object)
    again = EventCode("".join(["04", "0"]), "Consult", 1.0, 1, sys.intern("CONSULT"))
    assert digest(data("They met.", code)) == digest(data(made, again))
    assert digest(data("They met.", code)) != digest(data("They met!", code))
    assert digest(data("They met.", code)) != digest(data("They met.", None))
    assert digest(data("They met.", code)) != digest(data("They met.", EventCode("040", "Consult", 2.0, 1, "CONSULT")))
