"""The text helpers of chapter 14's views, Qt-free: writing and reading a character at a time give exactly the
model's generate() and read(); a text that repeats itself; capital letters, line breaks and speaker names; the map
shades."""

import numpy as np
import pytest

from desktop.views.lstm._text import Reader, Writer, feature_mask, repetition
from desktop.views.lstm.gradient_map.maps import REACH_DECADES, TOTAL_DECADES, shades
from learning.catalogue import get
from learning.experiment import ParamError
from tests.learning.test_ch14_char import synthetic_text


@pytest.fixture(scope="module")
def trained():
    exp = get("ch14.char-lstm")(data=synthetic_text(1600), size="small")
    for _ in range(3):
        exp.step()
    return exp


@pytest.mark.parametrize(("rule", "temperature"), [("sample", 1.0), ("sample", 0.3), ("book", 0.1), ("greedy", 1.0)])
def test_writing_a_character_at_a_time_is_generate(trained, rule, temperature):
    writer = Writer(trained, 120, "ROMEO:\n", temperature, rule, 7)
    steps = sum(1 for _ in writer.steps())
    assert steps == 7 + 120  # a yield per character read or written: the view's Chunked fills its slices
    assert writer.text == trained.generate(120, prime="ROMEO:\n", temperature=temperature, rule=rule, seed=7)
    np.testing.assert_array_equal(writer.first_logits, trained.next_logits("ROMEO:\n"))


def test_writing_refuses_what_generate_refuses(trained):
    with pytest.raises(ParamError, match="not in this text's vocabulary"):
        Writer(trained, 5, "xyz", 1.0, "sample", 0)
    with pytest.raises(ParamError, match="temperature"):
        Writer(trained, 5, "to", -1.0, "sample", 0)
    with pytest.raises(ParamError, match="rule"):
        Writer(trained, 5, "to", 1.0, "argmax", 0)


@pytest.mark.parametrize("kind", ["ch14.char-lstm", "ch14.char-rnn"])
def test_reading_a_character_at_a_time_is_read(kind):
    exp = get(kind)(data=synthetic_text(1600), size="small")
    exp.step()
    got = Reader(exp, 37, 300, gates=True).run()
    want = exp.read(37, 300, gates=True)
    assert got.chars == want.chars and got.predicted == want.predicted
    np.testing.assert_array_equal(got.probability, want.probability)
    np.testing.assert_array_equal(got.hidden, want.hidden)
    assert set(got.gates) == set(want.gates)
    for name, values in want.gates.items():
        np.testing.assert_array_equal(got.gates[name], values)
    with pytest.raises(ParamError):
        Reader(exp, len(exp.text), 10, False)


def test_repetition_tells_a_loop_from_varied_text():
    assert repetition("the see " * 20) > 0.9
    assert repetition("e" * 50) == pytest.approx(42 / 43)  # every piece but the first came before
    assert repetition("abcdefghijklmnopqrstuvwxyz0123456789") == 0.0
    assert repetition("short") == 0.0
    half = "To be, or not to be, that is the question: " + "the the " * 6
    assert 0.3 < repetition(half) < 0.7


def test_capitals_line_breaks_and_speaker_names():
    text = "BIRON:\nShe left.\n\nKING LEAR:\nThe end:\n"
    capitals = feature_mask(text, "capitals")
    assert "".join(c for c, m in zip(text, capitals, strict=True) if m) == "BIRONSKINGLEART"
    assert feature_mask(text, "line_breaks").sum() == text.count("\n")
    speakers = feature_mask(text, "speakers")
    assert "".join(c for c, m in zip(text, speakers, strict=True) if m) == "BIRON:KING LEAR:"  # not "The end:"
    with pytest.raises(ValueError):
        feature_mask(text, "vowels")


def test_shades_of_the_training_map_and_of_the_probe():
    norms = np.array([[0.0, 2.0], [5.0, 20.0], [50.0, np.nan]])
    got, top = shades(norms, "total")
    assert top == 100.0  # the largest value rounded up to a decade
    np.testing.assert_allclose(got[:2], [[0.0, 1 + np.log10(0.02) / TOTAL_DECADES],
                                         [1 + np.log10(0.05) / TOTAL_DECADES, 1 + np.log10(0.2) / TOTAL_DECADES]])
    assert got[2, 0] == pytest.approx(1 + np.log10(0.5) / TOTAL_DECADES) and np.isnan(got[2, 1])
    reach = np.array([[1e-9, 1e-4], [0.01, 0.5], [1.0, 2.0]])
    got, _ = shades(reach, "probe")
    np.testing.assert_allclose(got[:, 0], [0.0, 1 - 2 / REACH_DECADES, 1.0])  # below 10⁻⁸ of the last step: none
    np.testing.assert_allclose(got[:, 1], [1 + np.log10(5e-5) / REACH_DECADES, 1 + np.log10(0.25) / REACH_DECADES,
                                           1.0])
    zero_last = np.array([[1.0], [0.0]])
    assert np.isnan(shades(zero_last, "probe")[0]).all()  # no gradient at the last step: nothing to compare
