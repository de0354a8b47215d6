"""The seam for chapters 11-12: formulas name only values computed by then, records stay light (no big arrays
copied per iteration), the diagram's description is consistent, and the declared parameters round-trip."""

import re

import numpy as np
import pytest

from learning import catalogue
from learning.network import Network
from learning.results import ResultStore
from tests.learning.language_data import tiny_imdb
from tests.learning.test_ch12 import STORY

IDS = ("ch11.bag-of-words", "ch11.sentiment", "ch11.word2vec", "ch11.analogy", "ch12.review-vectors",
       "ch12.toy-forward", "ch12.rnn-babi")


def make(experiment_id, store=None, **values):
    cls = catalogue.get(experiment_id)
    store = store or ResultStore()
    if experiment_id in ("ch11.sentiment", "ch12.review-vectors", "ch11.analogy", "ch11.word2vec"):
        extra = {"test_count": 10} if experiment_id == "ch11.sentiment" else {}
        if experiment_id == "ch12.review-vectors":
            extra = {"trainer_options": {"test_count": 10}}
        return cls(data=tiny_imdb(), store=store, **extra, **values)
    if experiment_id == "ch12.rnn-babi":
        return cls(data=STORY, **values)
    return cls(**values)


def check_network(net: Network):
    for w in net.weights:
        assert w.values.shape == (net.layers[w.target].size, net.layers[w.source].size), w.name
    for layer in net.layers:
        assert layer.values is None or layer.values.shape == (layer.size,), layer.name


@pytest.mark.parametrize("experiment_id", IDS)
def test_formulas_records_and_network(experiment_id):
    exp = make(experiment_id)
    check_network(exp.network())
    for _ in range(min(exp.iterations, 60)):
        known: set[str] = set()
        result = exp.step()
        phases = result.phases
        if not phases:  # word2vec's fast step keeps no phase objects: its phases run through phases() below
            continue
        for phase_result in phases:
            known |= set(phase_result.values)
            for template in exp.formulas.get(phase_result.phase, ()):
                assert set(re.findall(r"\{(\w+)\}", template)) <= known, template
        for key, value in result.record.items():
            size = np.size(value) if isinstance(value, np.ndarray | list | tuple) else 1
            assert size <= 100, f"{key} has {size} values"
        check_network(exp.network())


def test_word2vec_formulas_through_the_phases():
    exp = make("ch11.word2vec")
    known: set[str] = set()
    gen = exp.phases()
    for result in gen:
        known |= set(result.values)
        for template in exp.formulas[result.phase]:
            assert set(re.findall(r"\{(\w+)\}", template)) <= known, template


def test_a_query_after_training_has_its_own_formulas():
    store = ResultStore()
    exp = make("ch11.analogy", store)
    assert "layer_2_delta" in " ".join(exp.formulas[exp.phases_used[1]])  # word2vec's while training
    while exp.training:
        exp.step()
    assert "layer_2_delta" in " ".join(exp.formulas[exp.phases_used[1]])  # the last iteration shown trained
    exp.step()
    assert "score[w]" in " ".join(exp.formulas[exp.phases_used[1]])
