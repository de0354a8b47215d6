"""The names of units as the window shows them: translated, their number kept ("light 2" → "лампа 2").

The experiments name their units in English (learning/ never imports Qt); the book's code names (toes, wlrec, nfans,
hid[0]) stay as they are, like the code they come from.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

NAMES = (
    QT_TRANSLATE_NOOP("Units", "input"),
    QT_TRANSLATE_NOOP("Units", "prediction"),
    QT_TRANSLATE_NOOP("Units", "light {0}"),
    QT_TRANSLATE_NOOP("Units", "hidden {0}"),
    QT_TRANSLATE_NOOP("Units", "walk?"),
    QT_TRANSLATE_NOOP("Units", "win?"),
    QT_TRANSLATE_NOOP("Units", "hurt?"),
    QT_TRANSLATE_NOOP("Units", "sad?"),
)
_NUMBER = re.compile(r"\d+")


def unit_name(name: str) -> str:
    """A unit's name in the current language: "light 2" is translated as "light {0}" with 2 put back."""
    numbers = _NUMBER.findall(name)
    if len(numbers) == 1:
        template = _NUMBER.sub("{0}", name)
        translated = QCoreApplication.translate("Units", template)
        if translated != template:
            return translated.format(numbers[0])
    return QCoreApplication.translate("Units", name)
