"""The Russian translation: complete, compiled, in step with the code, and switchable at runtime from the menu.

A developer who adds a visible string without translating it gets a failing test here; the fix is
`python tools/i18n.py update`, translate the new entries in resources/i18n/grokking_ru.ts, then
`python tools/i18n.py release`.
"""

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QTextDocument

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "grokking_ru.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{\d+(?::[^{}]*)?\}")  # {0}, {3:.2f}


def i18n_tool():
    """tools/i18n.py as a module (its source list and the PySide6 tools beside this interpreter)."""
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages():
    """(context, source, translation element) of every message in the .ts."""
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out.append((name, message.findtext("source"), message.find("translation")))
    return out


def mnemonic(text):
    """The accelerator letter of a menu text ("&File" -> "f"), or None; "&&" is a literal ampersand."""
    found = re.findall(r"(?<!&)&([^&])", text.replace("&&", ""))
    return found[0].lower() if found else None


# -- the .ts file ----------------------------------------------------------------------------------------------
def test_the_ts_file_has_many_messages():
    assert len(messages()) > 300  # guards the tests below against parsing nothing


@pytest.mark.parametrize(("context", "source", "translation"), messages(),
                         ids=[f"{c}:{s[:40]}" for c, s, _ in messages()])
def test_every_string_has_a_finished_translation_with_the_same_placeholders(context, source, translation):
    assert translation.get("type") is None, "unfinished, vanished or obsolete"
    text = translation.text or ""
    assert text.strip(), "empty translation"
    assert Counter(PLACEHOLDER.findall(text)) == Counter(PLACEHOLDER.findall(source))
    if mnemonic(source) is not None:  # a menu or button text keeps exactly one accelerator, on a letter
        assert len(re.findall(r"(?<!&)&(?!&)", text)) == 1
        assert mnemonic(text).isalpha()


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    target = tmp_path / "grokking_ru.qm"
    assert i18n_tool().release(target) == 0
    assert target.read_bytes() == QM.read_bytes(), "run `python tools/i18n.py release`"


def test_the_ts_holds_every_string_the_code_marks(tmp_path):
    tool = i18n_tool()
    copy = tmp_path / "grokking_ru.ts"
    shutil.copy(TS, copy)
    result = subprocess.run([tool.tool("pyside6-lupdate"), *tool.sources(), "-no-obsolete", "-ts", str(copy)],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    output = result.stdout + result.stderr
    found = re.search(r"Found (\d+) source text\(s\) \((\d+) new and (\d+) already existing\)", output)
    assert found, output
    assert int(found.group(1)) > 300
    assert found.group(2) == "0", f"new strings not in the .ts: run `python tools/i18n.py update`\n{output}"


def test_titles_module_lists_every_experiment_and_data_set():
    from desktop import titles
    from learning import catalogue
    from learning.datasets import registry

    assert set(titles.EXPERIMENTS) == {cls.title for cls in catalogue.EXPERIMENTS.values()}
    wanted = {text for ds in registry.DATASETS.values() for text in (ds.title, ds.description)}
    assert set(titles.DATASETS) == wanted, "run `python tools/i18n.py update`"
    helps = {p.help for cls in catalogue.EXPERIMENTS.values() for p in cls.params}
    assert set(titles.PARAMS) == helps, "run `python tools/i18n.py update`"  # each parameter's meaning, translated


# -- the window, switched from the menu ------------------------------------------------------------------------
def translate(context, text):
    return QCoreApplication.translate(context, text)


def markdown_text(markdown):
    """The plain text a QTextBrowser shows for this Markdown."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    return document.toPlainText()


def picker_texts(window):
    return [window.picker.itemText(i) for i in range(window.picker.count()) if window.picker.itemData(i)]


def expected_picker_texts():
    from learning import catalogue

    return [f"{chapter} · {translate('Experiments', cls.title)}"
            for chapter, classes in catalogue.chapters().items() for cls in classes]


def visible_texts(window):
    axis = window.plot.plot.getPlotItem()
    return {
        "file menu": window.file_menu.title(),
        "run menu": window.run_menu.title(),
        "view menu": window.view_menu.title(),
        "play button": window.controls.buttons["run.play"].text(),
        "plot x": axis.getAxis("bottom").labelText,
        "plot y": axis.getAxis("left").labelText,
        "lesson": window.lesson.text.toPlainText(),
        "picker": picker_texts(window),
    }


def expected_texts(window, language):
    return {
        "file menu": translate("MainWindow", "&File"),
        "run menu": translate("MainWindow", "&Run"),
        "view menu": translate("MainWindow", "&View"),
        "play button": translate("Actions", "&Play").replace("&", ""),
        "plot x": translate("ErrorPlotPanel", "iteration"),
        "plot y": translate("ErrorPlotPanel", "error"),
        "lesson": markdown_text(window.lesson.page.text[language]),
        "picker": expected_picker_texts(),
    }


def switch(qtbot, window, language):
    action = window.findChild(QAction, f"language.{language}")
    assert action is not None and action.isVisible()
    action.trigger()
    # Qt posts the LanguageChange events: wait until the window has had its own.
    wanted = translate("MainWindow", "&File")
    qtbot.waitUntil(lambda: window.file_menu.title() == wanted)


def test_switching_language_from_the_view_menu(qtbot, main_window):
    w = main_window
    assert w.lesson.page is not None
    english = visible_texts(w)
    assert english["file menu"] == "&File"
    assert english["play button"] == "Play"
    assert english["plot x"] == "iteration"
    assert english["lesson"] == markdown_text(w.lesson.page.text["en"])
    try:
        switch(qtbot, w, "ru")
        assert w.translations.language == "ru"
        expected = expected_texts(w, "ru")
        russian = visible_texts(w)
        for key, text in expected.items():
            assert russian[key] == text, key
            assert russian[key] != english[key], f"{key} is still English"
        assert w.settings.get("ui/language") == "ru"
        assert w.language_actions["ru"].isChecked()
        # one accelerator per menu-bar title, and per menu, so Alt+letter is never ambiguous
        bar_letters = [mnemonic(a.text()) for a in w.menuBar().actions()]
        assert None not in bar_letters and len(set(bar_letters)) == len(bar_letters), bar_letters
        for menu in (w.file_menu, w.run_menu, w.lesson_menu):
            letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
            assert None not in letters and len(set(letters)) == len(letters), letters

        switch(qtbot, w, "en")
        assert w.translations.language == "en"
        assert visible_texts(w) == english
        assert w.settings.get("ui/language") == "en"
        assert w.language_actions["en"].isChecked()
    finally:
        w.translations.set_language("en")  # never leave a translator installed for the next tests
