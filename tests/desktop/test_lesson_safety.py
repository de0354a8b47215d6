"""Lessons that cannot hurt: a malformed lesson file is reported (file, line, what) and the rest of the course loads;
page texts and images are read only from regular files inside the lesson folder, of a sane size."""

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from desktop.course import MAX_IMAGE_BYTES, MAX_TEXT_BYTES, lesson_image, load_course

LESSONS = Path(__file__).resolve().parents[2] / "resources" / "lessons"
CH04 = (LESSONS / "ch04" / "chapter.toml").read_text(encoding="utf-8")
FIRST_CHECK = 'check = { kind = "phase_steps", count = 2 }'

HOSTILE = {
    "experiment-42": (CH04.replace('experiment = "ch04.compare"', "experiment = 42", 1), 11,
                      "experiment must be an id string"),
    "experiment-date": (CH04.replace('experiment = "ch04.compare"', "experiment = 1979-05-27", 1), 11,
                        "experiment must be an id string"),
    "deep-array": (CH04 + "\nx = " + "[" * 5000 + "]" * 5000 + "\n", None, "nested too deeply"),
    "deep-table": (CH04 + "\nx = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", None, "nested too deeply"),
    "kind-list": (CH04.replace(FIRST_CHECK, 'check = { kind = ["a"] }', 1), 18, "check kind must be a name"),
    "deep-all": (CH04.replace(FIRST_CHECK, "check = " + '{ kind = "all", of = [' * 20 + '{ kind = "diverged" }'
                              + "] }" * 20, 1), 18, "nested more than 8 levels"),
}


def course_with(tmp_path, text):
    """ch01 as shipped and a ch04 with this manifest."""
    root = tmp_path / "lessons"
    shutil.copytree(LESSONS / "ch01", root / "ch01")
    shutil.copytree(LESSONS / "ch04", root / "ch04")
    (root / "ch04" / "chapter.toml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_malformed_manifest_is_reported_and_the_rest_loads(tmp_path, name):
    text, line, message = HOSTILE[name]
    chapters, problems = load_course(course_with(tmp_path, text))
    assert [c.number for c in chapters if c.number == 1] == [1] and chapters[0].pages  # ch01 still there
    found = [p for p in problems if message in p.message]
    assert found and found[0].file.name == "chapter.toml" and found[0].file.parent.name == "ch04"
    assert found[0].line == line
    if line is not None:  # the other pages of the chapter still load
        ch04 = next(c for c in chapters if c.number == 4)
        assert len(ch04.pages) == CH04.count("[[pages]]") - 1


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_window_starts_with_a_malformed_lesson(qtbot, tmp_path, settings, name):
    from desktop.main_window import MainWindow

    window = MainWindow(settings, lessons_dir=course_with(tmp_path, HOSTILE[name][0]))
    qtbot.addWidget(window)
    assert window.lesson.problems and not window.lesson.problems_label.isHidden()
    assert window.lesson.pages


def page_with(tmp_path, markdown):
    root = course_with(tmp_path, CH04)
    for lang in ("en", "ru"):
        (root / "ch04" / f"01-compare.{lang}.md").write_text(markdown, encoding="utf-8")
    return root


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_images_outside_the_folder_or_of_devices_are_reported(tmp_path):
    secret = tmp_path / "secret.svg"
    secret.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    root = page_with(tmp_path, "Text.\n\n![a](/dev/zero)\n\n![b](../../secret.svg)\n\n![c](file:///etc/passwd)\n\n"
                               "![d](fifo.svg)\n\n![e](notes.txt)\n\n![f](link.svg)\n")
    os.mkfifo(root / "ch04" / "fifo.svg")
    (root / "ch04" / "notes.txt").write_text("x")
    (root / "ch04" / "link.svg").symlink_to(secret)
    chapters, problems = load_course(root)
    page = next(p for c in chapters for p in c.pages if p.key == "ch04/compare")
    assert page.text["en"].startswith("Text.")  # the page still shows
    messages = sorted(p.message for p in problems if p.file.name == "01-compare.en.md")
    assert len(messages) == 6 and [p.line for p in problems if p.file.name == "01-compare.en.md"] == [3, 5, 7, 9,
                                                                                                      11, 13]
    assert any("'/dev/zero' is not a file in the lesson folder" in m for m in messages)
    assert any("'../../secret.svg' is outside" in m for m in messages)
    assert any("'fifo.svg' is not a regular file" in m for m in messages)
    assert any("'link.svg' is outside" in m for m in messages)
    assert any("'notes.txt' is not an image" in m for m in messages)


def test_an_image_too_large_is_refused(tmp_path):
    (tmp_path / "big.png").write_bytes(b"\x89PNG" + bytes(MAX_IMAGE_BYTES))
    (tmp_path / "ok.png").write_bytes(b"\x89PNG")
    assert lesson_image(tmp_path, "big.png")[0] is None and "larger than" in lesson_image(tmp_path, "big.png")[1]
    assert lesson_image(tmp_path, "ok.png")[0] == (tmp_path / "ok.png").resolve()


def test_page_texts_that_are_not_regular_files_or_too_large(tmp_path):
    root = course_with(tmp_path, CH04)
    (root / "ch04" / "01-compare.en.md").unlink()
    os.mkfifo(root / "ch04" / "01-compare.en.md")  # reading it would block forever
    (root / "ch04" / "02-hot-cold-probe.en.md").write_bytes(b"x" * (MAX_TEXT_BYTES + 1))
    chapters, problems = load_course(root)
    texts = [str(p) for p in problems]
    assert any("01-compare.en.md: not a regular file" in t for t in texts)
    assert any("02-hot-cold-probe.en.md: larger than" in t for t in texts)
    keys = [p.key for c in chapters for p in c.pages]
    assert "ch04/compare" not in keys and "ch04/hot-cold" in keys


def test_the_lesson_text_loads_only_allowed_images(qtbot, tmp_path, settings):
    from desktop.main_window import MainWindow

    secret = tmp_path / "secret.svg"
    secret.write_text("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>")
    figure = next(LESSONS.glob("ch*/fig-loop.en.svg"))
    root = page_with(tmp_path, "![ok](fig.svg)\n\n![no](../../secret.svg)\n\n![dev](/dev/zero)\n")
    shutil.copy(figure, root / "ch04" / "fig.svg")
    window = MainWindow(settings, lessons_dir=root)
    qtbot.addWidget(window)
    window.lesson.open_key("ch04/compare")
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    document = window.lesson.text.document()
    folder = root / "ch04"

    def loaded(path):
        data = document.resource(QTextDocument.ResourceType.ImageResource, QUrl.fromLocalFile(str(path)))
        return data is not None and not (hasattr(data, "isNull") and data.isNull()) and (
            not hasattr(data, "size") or data.size() != 0)

    assert loaded(folder / "fig.svg")
    assert not loaded(secret)
    text = window.lesson.text
    assert text.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl.fromLocalFile("/dev/zero")).isEmpty()
    assert text.loadResource(QTextDocument.ResourceType.ImageResource.value,
                             QUrl.fromLocalFile(str(secret))).isEmpty()
    assert not text.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                 QUrl.fromLocalFile(str(folder / "fig.svg"))).isEmpty()
    assert text.loadResource(QTextDocument.ResourceType.HtmlResource.value,
                             QUrl.fromLocalFile(str(folder / "01-compare.en.md"))).isEmpty()
