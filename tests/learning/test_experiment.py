"""The seam: parameters, phases, live changes, reset, state."""

import numpy as np
import pytest

from learning import catalogue
from learning.catalogue import get
from learning.experiment import Param, ParamError, Phase


def test_params_parse_and_refuse_with_what_is_allowed():
    p = Param("alpha", 0.1, "learning rate", 0.0, 100.0, live=True)
    assert p.parse("0.5") == 0.5
    assert p.parse(" 2,5 ") == 2.5  # a decimal comma, as a Russian keyboard gives it
    for bad in ("abc", "-1", "1e9", "nan", "inf", ""):
        with pytest.raises(ParamError) as info:
            p.parse(bad)
        assert "alpha must be a number from 0 to 100" in str(info.value)
    flag = Param("book_faithful", False, "quirks")
    assert flag.parse("true") is True and flag.parse("false") is False
    with pytest.raises(ParamError, match="true or false"):
        flag.parse("maybe")
    vec = Param("weights", (0.1, 0.2, 0.0), "w", -1.0, 1.0)
    assert vec.parse("0.5, -0.5, 1") == (0.5, -0.5, 1.0)
    with pytest.raises(ParamError, match="3 numbers"):
        vec.parse("1,2")


def test_unknown_parameter_names_the_allowed_ones():
    with pytest.raises(ParamError, match="allowed: alpha, input, goal, weight"):
        get("ch04.alpha")(beta=1)


def test_every_experiment_declares_valid_defaults_and_meanings():
    for cls in catalogue.EXPERIMENTS.values():
        assert cls.id.startswith(f"ch{cls.chapter:02d}.")
        assert cls.title
        for p in cls.params:
            assert p.help, f"{cls.id}.{p.name} needs a one-line meaning"
            assert p.check(p.default) == p.default


def test_phases_yield_the_books_names_in_order():
    exp = get("ch04.gradient-descent")()
    gen = exp.phases()
    first = next(gen)
    assert first.phase is Phase.PREDICT
    assert first.values == {"input": 0.5, "weight": 0.5, "prediction": 0.25}
    second = next(gen)
    assert second.phase is Phase.COMPARE
    assert set(second.values) == {"goal", "delta", "error"}
    assert exp.weight == 0.5  # nothing learned before the learn phase
    third = next(gen)
    assert third.phase is Phase.LEARN
    assert set(third.values) == {"alpha", "weight_delta", "new_weight"}
    assert exp.weight == third.values["new_weight"]
    with pytest.raises(StopIteration) as stop:
        next(gen)
    assert stop.value.value.record["iteration"] == 0
    assert exp.iteration_index == 1


def test_live_parameter_waits_for_the_next_iteration():
    exp = get("ch04.divergence")()
    gen = exp.phases()
    next(gen)
    assert exp.set_param("alpha", 0.1) is True
    rest = [r for r in gen]
    assert rest[-1].values["alpha"] == 1.0  # the running iteration keeps its alpha
    assert exp.step().record["alpha"] == 0.1


def test_initial_weight_applies_on_reset():
    exp = get("ch04.alpha")()
    exp.step()
    assert exp.set_param("weight", 0.0) is False
    assert exp.step().record["weight"] != 0.0
    exp.reset()
    assert exp.step().record["weight"] == 0.0


def test_state_round_trip_continues_identically():
    a = get("ch04.alpha")()
    for _ in range(5):
        a.step()
    saved = a.state()
    later = [a.step().record for _ in range(5)]
    b = get("ch04.alpha")()
    b.load_state(saved)
    assert [b.step().record for _ in range(5)] == later


def test_randomness_is_the_experiments_own():
    a = get("ch04.alpha")(seed=3)
    np.random.seed(0)
    x = np.random.random()
    a.reset()
    np.random.seed(0)
    assert np.random.random() == x  # the experiment never touched the global generator
    assert a.rs.get_state()[1][0] == np.random.RandomState(3).get_state()[1][0]
