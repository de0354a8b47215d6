"""Every word of the leak inspector in the current language."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from desktop.format import num
from desktop.views.federated._common import CLIENTS, Names
from desktop.views.federated.leaks.model import AVERAGE, Leak


class LeakTexts(QObject):
    """The inspector's words; every string goes through tr() in this context."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = Names(self)

    def title(self) -> str:
        """The view's name."""
        return self.tr("Leak inspector")

    def whose(self) -> str:
        """The label of the update picker."""
        return self.tr("Update of")

    def find_hint(self) -> str:
        """The placeholder of the search field."""
        return self.tr("Find a word in the update…")

    def order(self) -> tuple[str, str]:
        """The two orders of the word list."""
        return self.tr("largest change first"), self.tr("vocabulary order (the book's)")

    def none(self) -> str:
        """The summary for an experiment without updates."""
        return self.tr("This experiment sends no updates to inspect: the inspector shows chapter 15's federated "
                       "experiments")

    def nothing(self, who: str) -> str:
        """The summary when an update has changed nothing yet."""
        if who == AVERAGE:
            return self.tr("No average yet: it appears when the first round ends (Round ▶)")
        return self.tr("No update yet: step the run until {0} has trained").format(self.names.name(who))

    def summary(self, leak: Leak, secure: bool = False) -> str:
        """What the update gives away, in one or two sentences."""
        loc = QLocale()
        count = loc.toString(leak.count)
        if leak.text or leak.missing:  # the hack
            out = self.tr("Bob's update changed {0} weights: exactly the words of his e-mail, which anyone who sees "
                          "the update can read off.").format(count)
            if leak.missing:
                out += " " + self.tr("Not in the vocabulary (no weight, so they cannot leak): {0}.").format(
                    ", ".join(leak.missing))
            return out
        if leak.who == AVERAGE:
            parts = " + ".join(f"{self.names.name(n)} {loc.toString(leak.per_client.get(n, 0))}" for n in CLIENTS)
            return self.tr("The average changed {0} weights: the union of the three updates ({1}; {2} words in more "
                           "than one). It still says which words were written, not who wrote them — and secure "
                           "aggregation, which hides each update, hides who but not what.").format(
                count, parts, loc.toString(leak.shared))
        out = self.tr("{0} update changed {1} weights. {0} {2} e-mails so far contain {3} distinct words: the "
                      "update names every one of them").format(self.names.whose(leak.who), count,
                                                              loc.toString(len(leak.rows)),
                                                              loc.toString(leak.email_words))
        if leak.hidden:
            out += self.tr(" but {0} (their gradients summed to exactly 0)").format(loc.toString(len(leak.hidden)))
        out += self.tr(", and <unk>, the padding.")
        if secure:
            out += " " + self.tr("Secure aggregation hides this update from the owner — unless each client encrypts "
                                 "only the weights it changed: their positions, these words, then show.")
        return out

    def found(self, word: str, who: str, delta: float | None, known: bool, emails: int) -> str:
        """The answer to a search."""
        if not word:
            return ""
        whose = self.names.whose(who)
        if not known:
            return self.tr("“{0}” is not in the vocabulary: it has no weight, so no update can reveal it").format(word)
        if delta is None:
            return self.tr("“{0}” is not in {1} update").format(word, whose)
        if who == AVERAGE:
            return self.tr("“{0}” is in the average (change {1}): somebody wrote it").format(word, num(delta))
        return self.tr("“{0}” is in {1} update (change {2}): it is in {3} of {1} e-mails").format(
            word, whose, num(delta), QLocale().toString(emails))

    def email_title(self, index: int, total: int, spam: bool | None) -> str:
        """The line above the e-mail."""
        if total == 0:
            return self.tr("No e-mail behind this update yet")
        kind = "" if spam is None else (self.tr("spam") if spam else self.tr("ham"))
        return self.tr("E-mail {0} of {1} {2}").format(index + 1, total, f"({kind})" if kind else "").strip()

    def email_name(self) -> str:
        """The name a screen reader says for the e-mail pane."""
        return self.tr("The e-mail, its changed words marked")

    def email_tip(self) -> str:
        """The tooltip of the e-mail pane."""
        return self.tr("Each word whose weight the update changed is marked, coloured by the change (blue: towards "
                       "spam, orange: towards ham); struck-through words are not in the vocabulary")

    def word_tip(self, word: str, delta: float) -> str:
        """The tooltip of one word of the list."""
        return self.tr("{0}: weight changed by {1}").format(word, num(delta, 6))

    def browse(self) -> tuple[str, str]:
        """The tooltips of the previous/next e-mail buttons."""
        return self.tr("The previous e-mail behind the update"), self.tr("The next e-mail behind the update")
