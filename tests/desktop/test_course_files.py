"""The shipped course: every lesson file parses cleanly, in both languages, and every task can really be met."""

import re
from pathlib import Path

import pytest

from desktop.course import CHECK_KINDS, LANGUAGES, check_met, known_panels, load_course
from learning import catalogue
from tests.desktop.test_course_model import page_data, replay

LESSONS = Path(__file__).resolve().parents[2] / "resources" / "lessons"
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@pytest.fixture(scope="module")
def loaded():
    return load_course(LESSONS)


@pytest.fixture(scope="module")
def course(loaded):
    return loaded[0]


def pages(course):
    return [page for chapter in course for page in chapter.pages]


def test_every_lesson_file_loads_without_problems(loaded):
    chapters, problems = loaded
    assert problems == [], "\n".join(str(p) for p in problems)
    assert [c.number for c in chapters] == list(range(1, 17))


def test_every_page_in_every_manifest_was_loaded(course):
    # no page silently dropped: each [[pages]] header of every manifest gives one loaded page
    for chapter in course:
        text = (chapter.folder / "chapter.toml").read_text(encoding="utf-8")
        assert len(re.findall(r"(?m)^\[\[pages\]\]\s*$", text)) == len(chapter.pages), chapter.key
        assert chapter.pages, f"{chapter.key} has no pages"


def test_every_markdown_file_belongs_to_a_page(course):
    used = {page.folder / f"{page.file}.{lang}.md" for page in pages(course) for lang in LANGUAGES}
    assert set(LESSONS.glob("ch*/*.md")) == used


def test_titles_and_texts_exist_in_both_languages(course):
    for chapter in course:
        assert set(chapter.title) == set(LANGUAGES)
        assert CYRILLIC.search(chapter.title["ru"]) and not CYRILLIC.search(chapter.title["en"]), chapter.key
        for page in chapter.pages:
            for what in (page.title, page.text, *(t.text for t in page.tasks)):
                assert set(what) == set(LANGUAGES), page.key
                assert CYRILLIC.search(what["ru"]), f"{page.key}: Russian text without Russian letters"
                # English may quote a Russian name in «guillemets» (the book's Russian title), nothing else
                assert not CYRILLIC.search(re.sub("«[^»]*»", "", what["en"])), f"{page.key}: Cyrillic in English"
                assert what["ru"] != what["en"]


def test_experiments_parameters_panels_and_checks_are_known(course):
    for page in pages(course):
        if page.experiment is None:
            assert page.params == {} and page.panels is None and page.tasks == [], page.key
            continue
        cls = catalogue.get(page.experiment)
        for name, value in page.params.items():
            assert cls.param(name).check(value) == value
        assert set(page.shown_panels) <= set(known_panels())
        for task in page.tasks:
            assert task.check["kind"] in CHECK_KINDS
            for part in task.check.get("of", []):
                assert part["kind"] in CHECK_KINDS


def test_pages_with_experiments_start_cleanly(course):
    for page in pages(course):
        if page.experiment is not None:
            cls = catalogue.get(page.experiment)
            exp = cls(**page.params, **page_data(cls))
            assert exp.values == {**{p.name: p.default for p in exp.params}, **page.params}, page.key


def test_chapters_with_experiments_have_a_page_per_experiment_in_the_books_order(course):
    by_number = {c.number: c for c in course}
    for number in (3, 4, 5, 6, 8, 9, 10, 11, 12):
        shown = [p.experiment for p in by_number[number].pages if p.experiment]
        expected = [cls.id for cls in catalogue.chapters().get(number, [])]
        first_pages = list(dict.fromkeys(e for e in shown if e in expected))  # an experiment may have several pages
        assert first_pages == expected, number


def test_no_page_promises_experiments_that_are_already_there(course):
    """Chapters whose experiments exist say nothing of pages arriving "with a later update"."""
    with_experiments = set(catalogue.chapters())
    for page in pages(course):
        if page.chapter in with_experiments:
            assert "later update" not in page.text["en"] and "следующих обновлений" not in page.text["ru"], page.key


def test_files_are_small():
    for path in LESSONS.rglob("*"):
        if path.is_file():
            assert path.stat().st_size < 200_000, path


@pytest.mark.parametrize("task_key", sorted(
    f"{page.key}/{task.id}" for page in pages(load_course(LESSONS)[0]) for task in page.tasks))
def test_every_task_is_met_by_its_solution_and_not_by_doing_nothing(course, task_key):
    page_key, task_id = task_key.rsplit("/", 1)
    page = next(p for p in pages(course) if p.key == page_key)
    task = next(t for t in page.tasks if t.id == task_id)
    assert task.solution, f"{task_key} has no solution to prove it can be met"
    assert check_met(task.check, replay(page, task.solution)), f"{task_key}: its solution does not meet it"
    assert not check_met(task.check, replay(page, {})), f"{task_key} is met without doing anything"
