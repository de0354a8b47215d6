"""Russian and English through Qt's translation system, switchable at runtime.

Our strings live in resources/i18n/grokking_ru.ts (source: English); the compiled .qm beside it is
shipped in the repository and kept in step by tests/desktop/test_i18n.py (`python tools/i18n.py`
updates both). Qt's own strings (standard buttons, file dialogs) come from PySide6's qtbase_ru.qm.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import resource_dir

LANGUAGES = ("en", "ru")


def system_language() -> str:
    """"ru" when the system locale is Russian, else "en"."""
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


class Translations:
    """Installs and removes the translators of one language on the application."""

    def __init__(self) -> None:
        self.language = "en"
        self._installed: list[QTranslator] = []

    def set_language(self, language: str) -> bool:
        """Switch to "en" or "ru" ("" = the system's); widgets get a LanguageChange event. False if a file
        is missing (the UI then stays in English)."""
        language = language or system_language()
        if language not in LANGUAGES:
            language = "en"
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        ok = True
        if language != "en":
            ours = QTranslator(app)
            ok = ours.load(str(resource_dir() / "i18n" / f"grokking_{language}.qm"))
            qt = QTranslator(app)
            if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt)
            if ok:
                self._installed.append(ours)
        for translator in self._installed:
            app.installTranslator(translator)
        self.language = language if ok else "en"
        return ok
