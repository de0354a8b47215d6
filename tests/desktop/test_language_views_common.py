"""What every chapter 11-12 view does the same way: it draws within its declared minimum, exports PNG and SVG,
switches language, keeps a text alternative, and follows a reset, a rewind and another experiment."""

import pytest
from PySide6.QtGui import QImage

from desktop.export import export_widget
from desktop.i18n import Translations
from desktop.views import registry
from desktop.views.language import analogy as analogy_view
from desktop.views.language import cbow, nearest, perplexity, review_search, rows, unrolled, word_map
from tests.desktop.language_views import analogy, review_vectors, rnn, sentiment, settle, show, toy, word2vec

# (view module, the experiment it is shown with, iterations before looking)
CASES = {
    "rows": (rows, sentiment, 3),
    "nearest": (nearest, sentiment, 3),
    "word_map": (word_map, sentiment, 3),
    "analogy": (analogy_view, word2vec, 30),
    "cbow": (cbow, word2vec, 3),
    "review_search": (review_search, review_vectors, 200),
    "unrolled": (unrolled, rnn, 3),
    "perplexity": (perplexity, rnn, 8),
}


def test_every_language_view_is_registered_with_its_family():
    keys = {spec.key: spec for spec in registry.specs()}
    for key, (module, _, _) in CASES.items():
        assert keys[key].family == "language" and keys[key].factory is module.spec().factory


@pytest.fixture(params=sorted(CASES))
def case(request, qtbot):
    module, make, steps = CASES[request.param]
    spec = module.spec()
    runner, view = show(qtbot, spec.factory, make(), size=spec.minimum)
    runner.run_to(steps)
    settle(qtbot, view)
    return spec, runner, view


def test_it_fits_its_declared_minimum_with_real_content(case):
    spec, _, view = case
    hint = view.minimumSizeHint()
    assert hint.width() <= spec.minimum[0] and hint.height() <= spec.minimum[1], (hint, spec.minimum)


def test_it_exports_png_and_svg(case, tmp_path):
    spec, _, view = case
    view.resize(640, 360)
    png = export_widget(view, tmp_path / f"{spec.key}.png", 960)
    svg = export_widget(view, tmp_path / f"{spec.key}.svg", 960)
    image = QImage(str(png))
    assert image.width() == 960 and image.height() == 540
    colours = {image.pixel(x, y) for x in range(0, 960, 12) for y in range(0, 540, 12)}
    assert len(colours) > 4  # a picture, not an empty rectangle
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml") and svg.stat().st_size > 2000


def test_it_switches_language_and_describes_itself(qtbot, case):
    spec, runner, view = case
    english = view.describe()
    assert english and view.accessibleDescription() == english
    translations = Translations()
    try:
        assert translations.set_language("ru")  # widgets hear of it through a posted LanguageChange event
        qtbot.waitUntil(lambda: view.accessibleDescription() != english, timeout=3000)
        settle(qtbot, view)
        described = view.describe()
        assert view.accessibleDescription() == described
        assert any("а" <= ch <= "я" for ch in described.lower()), described
        assert any("а" <= ch <= "я" for ch in spec.title().lower()), spec.title()
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: view.accessibleDescription() == english, timeout=3000)


def fresh_description(qtbot, spec, runner):
    """What a view built now on the same runner shows: a view that follows the run must show the same."""
    other = spec.factory(runner)
    qtbot.addWidget(other)
    other.resize(*spec.minimum)
    other.show()
    qtbot.waitExposed(other)
    settle(qtbot, other)
    text = other.describe()
    other.hide()
    return text


def test_it_follows_reset_rewind_and_another_experiment(qtbot, case):
    spec, runner, view = case
    runner.run_to(runner.count + 3)
    settle(qtbot, view)
    assert view.describe() == fresh_description(qtbot, spec, runner)
    runner.rewind_to(runner.count - 3)
    settle(qtbot, view)
    assert view.describe() == fresh_description(qtbot, spec, runner)
    runner.reset()
    settle(qtbot, view)
    assert view.describe() == fresh_description(qtbot, spec, runner)
    runner.set_experiment(toy())
    runner.run_to(3)
    settle(qtbot, view)
    assert view.describe() == fresh_description(qtbot, spec, runner)
    runner.set_experiment(CASES[spec.key][1]())
    runner.run_to(CASES[spec.key][2])
    settle(qtbot, view)
    assert view.describe() == fresh_description(qtbot, spec, runner)


def test_each_experiment_gets_its_views_and_no_others():
    expected = {sentiment: {"rows", "nearest", "word_map"}, word2vec: {"cbow", "analogy", "nearest", "word_map"},
                analogy: {"analogy", "cbow", "nearest", "word_map"},
                review_vectors: {"review_search", "nearest", "word_map"}, toy: {"unrolled"},
                rnn: {"unrolled", "perplexity"}}
    for make, keys in expected.items():
        experiment = make()
        fitting = {spec.key for spec in registry.specs() if spec.fits(experiment) and spec.family == "language"}
        assert fitting == keys, make.__name__
