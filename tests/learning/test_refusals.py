"""What the seam and the monitors must refuse or flag: numbers of the wrong kind, NaN errors, stale epochs."""

import math

import numpy as np
import pytest

from learning.divergence import DivergenceMonitor, record_error
from learning.experiment import Param, ParamError
from learning.history import History


def test_a_whole_number_parameter_refuses_fractions_and_truth_values():
    p = Param("hidden_size", 40, "hidden units", 1, 1000)
    assert p.check(7) == 7 and type(p.check(7)) is int
    assert p.check(7.0) == 7 and type(p.check(7.0)) is int  # a whole float is that whole number
    assert p.check(np.int64(12)) == 12 and type(p.check(np.int64(12))) is int
    for bad in (2.5, 7.000001, True, False, "7", None, math.nan, math.inf, 0, 1001, np.bool_(True)):
        with pytest.raises(ParamError, match="hidden_size must be a whole number from 1 to 1000"):
            p.check(bad)
    with pytest.raises(ParamError):
        p.parse("2.5")


def test_a_number_parameter_refuses_truth_values_and_text():
    p = Param("alpha", 0.1, "learning rate", 0.0, 10.0)
    assert p.check(1) == 1.0 and type(p.check(1)) is float
    assert p.check(np.float32(0.5)) == 0.5
    for bad in (True, False, "0.5", None, [0.5], -0.001, 10.5, math.nan, -math.inf):
        with pytest.raises(ParamError, match="alpha must be a number from 0 to 10"):
            p.check(bad)
    assert p.check(0.0) == 0.0 and p.check(10.0) == 10.0  # the bounds themselves are allowed


def test_switches_and_choices_refuse_numbers_and_unknown_words():
    flag = Param("book_faithful", False, "quirks")
    assert flag.check(np.bool_(True)) is True
    for bad in (1, 0, "true", None):
        with pytest.raises(ParamError, match="true or false"):
            flag.check(bad)
    choice = Param("gradient_descent", "stochastic", "how", choices=("stochastic", "full", "batch"))
    assert choice.check("full") == "full"
    for bad in ("Full", "", 1):
        with pytest.raises(ParamError, match="one of stochastic, full, batch"):
            choice.check(bad)


def test_a_vector_parameter_checks_each_number_and_its_length():
    vec = Param("weights", (0.1, 0.2, -0.1), "w", -1.0, 1.0)
    assert vec.check([0, 1, -1]) == (0.0, 1.0, -1.0)
    for bad in ((0.1, 0.2), (0.1, 0.2, 0.3, 0.4), (0.1, 2.0, 0.0), (0.1, math.nan, 0.0), 0.5, "abc"):
        with pytest.raises(ParamError, match="weights must be 3 numbers separated by commas from -1 to 1"):
            vec.check(bad)


def test_the_monitor_flags_a_nan_error_first_or_later():
    m = DivergenceMonitor()
    d = m.check({"iteration": 0, "error": math.nan})  # the very first error already NaN
    assert d is not None and d.reason == "non_finite" and d.iteration == 0
    m = DivergenceMonitor()
    assert m.check({"iteration": 0, "error": 0.5}) is None
    d = m.check({"iteration": 1, "error": math.nan})
    assert d is not None and d.reason == "non_finite" and d.iteration == 1 and math.isnan(d.error)
    m = DivergenceMonitor()
    d = m.check({"iteration": 3, "error": np.array([0.1, np.nan])})  # one output's error
    assert d is not None and d.reason == "non_finite" and d.iteration == 3
    d = m.check({"iteration": 4, "error": -math.inf})
    assert d is not None and d.reason == "non_finite"


def test_the_bound_is_relative_to_the_first_error_but_never_below_the_growth_bound():
    m = DivergenceMonitor(growth_bound=100.0)
    assert m.check({"iteration": 0, "error": 0.5}) is None
    assert m.bound == 100.0  # max(first error, 1) * 100
    assert m.check({"iteration": 1, "error": 100.0}) is None  # at the bound: not past it
    d = m.check({"iteration": 2, "error": 100.5})
    assert d is not None and d.reason == "bound" and d.bound == 100.0 and d.error == 100.5
    m = DivergenceMonitor(growth_bound=100.0)
    m.check({"iteration": 0, "error": 3.0})
    assert m.bound == 300.0 and m.check({"iteration": 1, "error": 299.0}) is None
    m.reset()
    assert m.first_error is None and m.bound == 100.0
    assert m.check({"iteration": 0}) is None  # a record without an error: nothing to say


def test_record_error_sums_outputs_and_passes_plain_floats():
    assert record_error({"error": 0.25}) == 0.25
    assert record_error({"error": np.array([0.25, 0.5])}) == 0.75
    assert record_error({"error": [1, 2]}) == 3.0 and type(record_error({"error": [1, 2]})) is float
    assert record_error({}) is None
    assert math.isinf(record_error({"error": np.array([1e308, 1e308])}))


def test_truncate_forgets_the_epochs_after_the_rewind_point():
    h = History()
    for i in range(10):  # two examples an epoch: five epochs
        h.add_iteration({"iteration": i, "error": float(i)})
        if i % 2 == 1:
            h.add_epoch({"epoch": i // 2, "test_accuracy": 0.1 * (i // 2)})
    h.truncate(5, 2)
    assert h.count == 5 and h.epoch_count == 2
    assert list(h.series("error")) == [0, 1, 2, 3, 4]
    assert list(h.series("test_accuracy", epochs=True)) == [0.0, 0.1]
    assert list(h.series("epoch", epochs=True)) == [0, 1] and h.last_record is None
    h.add_iteration({"iteration": 5, "error": 50.0})
    h.add_epoch({"epoch": 2, "test_accuracy": 0.9})  # the new path's epoch 2, not the old one
    assert list(h.series("test_accuracy", epochs=True)) == [0.0, 0.1, 0.9]
    assert list(h.series("error")) == [0, 1, 2, 3, 4, 50]
    h.truncate(20, 20)  # beyond the end: nothing changes
    assert h.count == 6 and h.epoch_count == 3


def test_parse_reads_what_people_type():
    flag = Param("book_faithful", False, "quirks")
    for text, value in (("true", True), (" Yes ", True), ("ON", True), ("1", True), ("false", False), ("No", False),
                        ("off", False), ("0", False)):
        assert flag.parse(text) is value, text
    for bad in ("y", "2", "", "truth"):
        with pytest.raises(ParamError, match=f"book_faithful must be true or false \\(got {bad!r}\\)"):
            flag.parse(bad)
    number = Param("alpha", 0.1, "", -10.0, 10.0)
    assert number.parse("−0.5") == -0.5 and number.parse("2,5") == 2.5 and number.parse(" 3 ") == 3.0
    whole = Param("n", 3, "", 1, 100)
    assert whole.parse(" 42 ") == 42 and type(whole.parse("42")) is int
    vec = Param("weights", (0.1, 0.2, 0.0), "", -1.0, 1.0)
    assert vec.parse("0.5; −0.5; 1") == (0.5, -0.5, 1.0) and vec.parse("−1,0,1") == (-1.0, 0.0, 1.0)
    word = Param("gradient_descent", "stochastic", "", choices=("stochastic", "full"))
    assert word.parse(" full ") == "full"
    with pytest.raises(ParamError, match=r"got ' nope '"):
        word.parse(" nope ")


def test_model_inputs_are_rows_of_finite_numbers():
    from learning.chapters.ch05_multiple_weights import input_rows

    assert input_rows([1, 2, 3], 3).tolist() == [[1.0, 2.0, 3.0]]  # one example as a plain vector
    assert input_rows([[1, 2, 3], [4, 5, 6]], 3).shape == (2, 3)
    assert input_rows([[7]], 1).tolist() == [[7.0]]
    for bad, width in (([1, 2], 3), ([[1, 2]], 3), ([1, 2, 3, 4, 5, 6], 3), ([[1, np.nan, 3]], 3), ("abc", 3),
                       ([[[1, 2, 3]]], 3), ([1, 2, 3], 1)):
        with pytest.raises(ParamError, match=f"rows of {width}"):
            input_rows(bad, width)
