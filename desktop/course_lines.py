"""Finding the line of a key in a lesson manifest (chapter.toml), so that every problem in the lesson files is
reported at its line: page by page and task by task, for keys and for values after them."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A table header such as [[pages]] or [[pages.tasks]] (bare keys only, so rows of multi-line arrays never match).
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$")


class Locator:
    """Finds the line of a key (or of a value after it) in a manifest, page by page and task by task."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str]] = []
        for number, line in enumerate(self.lines):
            match = _HEADER.match(line)
            if match:
                self.headers.append((number, re.sub(r"\s+", "", match.group(2))))

    def _section(self, page: int | None, task: int | None) -> tuple[int, int]:
        """Line range [start, end) of the top-level keys, of page `page`, or of that page's task `task`."""
        ends = [n for n, _ in self.headers] + [len(self.lines)]
        if page is None:
            return 0, ends[0]
        pages = [i for i, (_, name) in enumerate(self.headers) if name == "pages"]
        if page >= len(pages):
            return 0, len(self.lines)
        first = pages[page]
        last = pages[page + 1] if page + 1 < len(pages) else len(self.headers)
        if task is None:
            return self.headers[first][0], ends[first + 1]
        tasks = [i for i in range(first + 1, last) if self.headers[i][1] == "pages.tasks"]
        if task >= len(tasks):
            return self.headers[first][0], ends[first + 1]
        return self.headers[tasks[task]][0], ends[tasks[task] + 1]

    def line(self, path: Sequence[str | int], page: int | None = None, task: int | None = None,
             value: str | None = None) -> int | None:
        """1-based line of the deepest key of `path` found in the section (or of `value` after it)."""
        start, end = self._section(page, task)
        found = start + 1 if (page is not None and start < len(self.lines)) else None
        row, col = start, 0
        for key in path:
            if isinstance(key, int):
                continue
            pattern = re.compile(r"(?<![\w-])[\"']?" + re.escape(key) + r"[\"']?\s*[=.]")
            hit = self._search(pattern, row, col, end)
            if hit is None:
                break
            row, col = hit
            found = row + 1
        else:
            if value is not None:
                hit = self._search(re.compile(re.escape(value)), row, col, end)
                if hit is not None:
                    found = hit[0] + 1
        return found

    def _search(self, pattern: re.Pattern[str], row: int, col: int, end: int) -> tuple[int, int] | None:
        for number in range(row, min(end, len(self.lines))):
            text = self.lines[number].split("#")[0] if "\"" not in self.lines[number] else self.lines[number]
            match = pattern.search(text, col if number == row else 0)
            if match:
                return number, match.end()
        return None
