"""Pages from templates, written atomically; the page chrome every view shares.

Templates (`kg/assets/templates`) are rendered by Jinja2 with autoescaping on, so every string
from a brief (titles, sentences, labels) reaches the page escaped unless a template says
otherwise; data for scripts goes through Jinja's `tojson`, which writes `<`, `>`, `&` and `'` as
`\\u003c`... (Jinja's `htmlsafe_json_dumps`, like Django's `json_script`), so no text can close a
<script> element. Each page carries a Content-Security-Policy of `default-src 'none'`: a page
cannot load anything from anywhere, and only the graph page may run script: its own, inline, and
the parts of its data in the output folder (`'self'`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from kg.views.items import statement_item_html

VIS_NETWORK = "assets/vis-network/vis-network.min.js"
GRAPH_SCRIPT = "assets/graph.js"
STATIC_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
# the graph page's own inline scripts, and the parts of its data beside it (`kg.views.graph_data`)
SCRIPT_POLICY = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:"


@cache
def environment() -> Environment:
    """The one Jinja environment. Its templates are the package's, which do not change while a
    process runs: `auto_reload` off spares a `stat` of the template file on every `get_template`
    (one a page and one a statement item: about 3% of a build's own CPU at 200 briefs)."""
    env = Environment(
        loader=PackageLoader("kg", "assets/templates"),
        auto_reload=False,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    env.globals["STATIC_POLICY"] = STATIC_POLICY
    env.globals["SCRIPT_POLICY"] = SCRIPT_POLICY
    env.filters["plural"] = plural
    env.globals["statement_item_html"] = statement_item_html  # (written in Python: `kg.views.items`)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def render_parts(template: str, **context: object) -> Iterator[str]:
    """The page in the pieces Jinja makes it in, for `write_page` to write as they come."""
    return environment().get_template(template).generate(**context)


def write_page(path: Path, text: str | Iterable[str]) -> Path:
    """Write a page (or its parts, one after the other) through a temporary file and rename, so a
    reader never sees half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8", newline="\n") as stream:
        stream.writelines([text] if isinstance(text, str) else text)
    temporary.replace(path)
    return path


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, ending in an ellipsis when cut (drawings have no room to wrap)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@cache
def inline_script(name: str) -> Markup:
    """A script of the package (`assets/...`) to inline in <script>: `</script` and `<!--` only
    ever occur in strings of vendored code, where `<\\/` and `<\\!` mean the same to JavaScript
    but nothing to the HTML parser."""
    script = (files("kg") / name).read_text(encoding="utf-8")
    return Markup(re.sub(r"</(script)", r"<\\/\1", script, flags=re.I).replace("<!--", "<\\!--"))
