"""Hypothesis strategies for sentences of every shape a brief has, not only "X did Y to Z.":
dates, numbers and names in verbless, copular, passive, interrogative and fragment sentences,
headlines, bullet lists, quotations, parentheses and very long sentences.

Random characters rarely make a parse that walks reach in an odd way (a date in a sentence whose
root is a noun hung the extractor, and random text never held one); these shapes do, because
spaCy parses them into the trees a brief gives it: roots that are nouns, adjectives or
auxiliaries, dates under nouns, clauses nested deep, subjects far from their verbs. The
sentences are written for the tests, from parts, none taken from a brief.
"""

from __future__ import annotations

from hypothesis import strategies as st

NAMES = ["Belarus", "Minsk", "Lukashenko", "Alexander Lukashenko", "Russia", "the Kremlin", "NATO", "Poland"]
NAMES += ["the European Union", "Lithuania", "Vladimir Makei", "the Ministry of Defence", "they", "he", "both sides"]
NAMES += ["the Belarusian foreign minister", "Polish officials", "Russian-backed separatists", "the US", "Kyiv"]
NAMES += ["Warsaw's envoy", "the Wagner Group", "Лукашэнка", "Ελλάδα", "the two countries", "its army", "Svetlana"]
DATES = ["on 5 March 2016", "in March 2016", "last week", "on Tuesday", "since 2014", "three days later"]
DATES += ["3000000 days later", "in the 1990s", "by 2030", "on 2016-03-05", "earlier this year", "on 31 February 2016"]
DATES += ["on 29 February 2015", "next month", "at the end of 2017", "between 2014 and 2016", "on 5/3/16", "in 0000"]
DATES += ["the day before yesterday", "in the spring", "two years ago", "on 12 December", "99999 years from now", ""]
NUMBERS = ["two", "1,200", "$5 billion", "30 per cent", "3.5%", "dozens of", "a third of", "10,000", "No. 2", "0"]
# verb: base, past, participle, gerund, third person
VERBS = [
    ("propose", "proposed", "proposed", "proposing", "proposes"),
    ("refuse", "refused", "refused", "refusing", "refuses"),
    ("criticise", "criticised", "criticised", "criticising", "criticises"),
    ("sanction", "sanctioned", "sanctioned", "sanctioning", "sanctions"),
    ("attack", "attacked", "attacked", "attacking", "attacks"),
    ("meet", "met", "met", "meeting", "meets"),
    ("support", "supported", "supported", "supporting", "supports"),
    ("threaten", "threatened", "threatened", "threatening", "threatens"),
    ("send", "sent", "sent", "sending", "sends"),
    ("sign", "signed", "signed", "signing", "signs"),
]
OBJECTS = ["a meeting", "the talks", "Vilnius", "sanctions", "the border crossing", "peacekeepers", "it", "Moscow"]
OBJECTS += ["peace talks", "the 2016 agreement", "two battalions", "Azerbaijani capital", "the sovereignty of Belarus"]
ADJECTIVES = ["ready", "interested", "concerned", "unlikely", "opposed", "willing", "new", "Russian"]
CONNECTORS = [", and ", "; ", ", which ", ", while ", " because ", ", who ", " — ", " but ", ", as ", " after "]
BULLETS = ["•", "-", "*", "–", "1.", "a)"]

name, date, number, obj, adjective = (st.sampled_from(x) for x in (NAMES, DATES, NUMBERS, OBJECTS, ADJECTIVES))
verb = st.sampled_from(VERBS)


def _shape(template: str) -> st.SearchStrategy[str]:
    """A sentence from a template whose fields name the parts: {s} and {s2} names, {o} and {o2}
    objects, {d} a date, {n} a number, {a} an adjective, {v0} .. {v4} a verb's forms."""

    def fill(s: str, s2: str, o: str, o2: str, d: str, n: str, a: str, v: tuple[str, ...]) -> str:
        forms = {f"v{i}": form for i, form in enumerate(v)}
        words = template.format(s=s, s2=s2, o=o, o2=o2, d=d, n=n, a=a, **forms).split()
        return " ".join(words).replace(" ,", ",").replace(" .", ".").removeprefix(", ")

    return st.builds(fill, name, name, obj, obj, date, number, adjective, verb)


SHAPES = {
    "declarative": ["{s} {v1} {o} {d}.", "{d}, {s} {v1} {o}.", "{s} did not {v0} {o} {d}.", "{s} may {v0} {o}."],
    "verbless": ["{d}: {s} and {o}.", "A new {a} strategy aiming to erode {o}.", "{s} {d}.", "{n} {o} {d}."],
    "copular": ["{d}, however, {s} is also interested in {v3} {o}.", "{s} is {a} to {v0} {o} {d}.", "{s} was {a} {d}."],
    "passive": ["{o} was {v2} by {s} {d}.", "{o} has been {v2} {d}.", "{o}, {v2} by {n} of {s}'s officials, fell."],
    "interrogative": ["Will {s} {v0} {o} {d}?", "Why did {s} {v0} {o}?", "Who {v1} {o} {d}?", "{s} {v1} {o}?"],
    "fragment": ["{d}.", "And {o}.", "{s}, {o}, {d}.", "Not {o}.", "{n}.", "Because {s} {v1}.", "{s}'s."],
    "headline": ["{s} {v4} {o}", "{s} To {v0} {o} {d}", "{s}: {o} {d}", "Why {s} {v4} {o}"],
    "quotation": ['"{s} will {v0} {o} {d}," {s2} said.', "«{s} {v1} {o}», {s2} said {d}.", "{s2}: “{s} {v1} {o}.”"],
    "parentheses": ["{s} ({o}) {v1} {o2} ({d}).", "{s} {v1} {o} (see {n}).", "({s} {v1} {o}.)", "{s} [{d}] {v1} {o}."],
    "root not a verb": ["{s}'s refusal to {v0} {o} {d}.", "Whether {s} {v1} {o} {d} remains unclear.", "{s} has {d}."],
    "numbers": ["{s} {v1} {n} {o} {d}.", "{n} of {s}'s {o} {v1} {n} {o2}.", "{s} {v1} {o} {n} times {d}."],
}


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


shape = st.one_of(*(_shape(template) for templates in SHAPES.values() for template in templates)).map(_capitalised)
bullet_list = st.builds(
    lambda bullet, items: "\n".join(f"{bullet} {item}" for item in items),
    st.sampled_from(BULLETS),
    st.lists(shape, min_size=2, max_size=5),
)
long_sentence = st.builds(
    lambda clauses, connectors: (
        "".join(c.rstrip(".?") + connectors[i % len(connectors)] for i, c in enumerate(clauses[:-1])) + clauses[-1]
    ),
    st.lists(_shape("{s} {v1} {o} {d}") | _shape("{s} is {a} to {v0} {o}"), min_size=10, max_size=40),
    st.lists(st.sampled_from(CONNECTORS), min_size=1, max_size=5),
).map(lambda sentence: _capitalised(sentence) + ".")
paragraph = st.lists(shape, min_size=1, max_size=5).map(" ".join) | bullet_list | long_sentence
text_of_shapes = st.lists(paragraph, min_size=1, max_size=4).map("\n\n".join)
