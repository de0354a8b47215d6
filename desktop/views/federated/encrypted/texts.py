"""Every word of the encrypted-aggregation view in the current language."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from desktop.format import num
from desktop.views.federated._common import CLIENTS, Names
from desktop.views.federated.encrypted.model import SUM, Aggregation


def percent(value: float | None) -> str:
    """An accuracy as "94.1 %"."""
    return "–" if value is None else f"{100 * value:.1f} %"


def size(count: int) -> str:
    """Bytes as "756 KB" / "2.4 MB"."""
    if count >= 1_000_000:
        return f"{count / 1e6:.1f} MB"
    if count >= 1000:
        return f"{count / 1e3:.0f} KB"
    return f"{count} B"


def seconds(value: float | None) -> str:
    """A duration as "6.2 s" / "85 ms" / "60 µs"."""
    if value is None:
        return "–"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.0f} ms"
    return f"{value * 1e6:.0f} µs"


class EncryptedTexts(QObject):
    """The view's words; every string goes through tr() in this context."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = Names(self)

    def title(self) -> str:
        """The view's name."""
        return self.tr("Encrypted aggregation")

    def q24(self) -> tuple[str, str]:
        """The switch of the book's decryption and its tooltip."""
        return self.tr("The book's decryption (Q24)"), self.tr(
            "The book decrypts Sue's encrypted model instead of the encrypted sum and divides it by 3 (book_faithful; "
            "takes effect when you reset)")

    def encrypt_modes(self) -> tuple[str, str]:
        """The two encryption modes."""
        return self.tr("encrypt every weight (the book)"), self.tr("encrypt only the changed weights")

    def encrypt_tip(self) -> str:
        """The tooltip of the mode picker."""
        return self.tr("Each client may encrypt only the weights its update changed: far fewer encryptions and the "
                       "same decrypted sum, but the owner then sees which words each client changed (takes effect "
                       "when you reset)")

    def pending(self) -> str:
        """The note after a switch that waits for a reset."""
        return self.tr("Takes effect when you reset (Ctrl+R)")

    def row_name(self, key: str) -> str:
        """The label of a row."""
        if key == SUM:
            return self.tr("Sum")
        return self.names.name(key)

    def row_line(self, aggregation: Aggregation, key: str) -> str:
        """The figures of a row."""
        row = aggregation.rows.get(key)
        loc = QLocale()
        if row is None:
            if key == SUM:
                return self.tr("the encrypted sum: after the three models are encrypted")
            return self.tr("not encrypted yet: at the end of the round")
        text = self.tr("{0} ciphertexts · {1}").format(loc.toString(row.count), size(row.nbytes))
        if row.seconds is not None:
            text += " · " + seconds(row.seconds)
        return text

    def operation(self, aggregation: Aggregation) -> str:
        """The line between the clients' rows and the sum."""
        return self.tr("Enc(Bob) · Enc(Alice) · Enc(Sue) mod n² = Enc(Bob + Alice + Sue): added while encrypted")

    def decryption(self, aggregation: Aggregation) -> str:
        """The line under the sum: what the owner decrypts."""
        if aggregation.decrypts == SUM:
            return self.tr("The owner decrypts only the sum, then ÷ 3: the average, and nothing of any one model")
        return self.tr("The book (Q24) decrypts Sue's model, not the sum, then ÷ 3: the sum is never used")

    def decrypted(self, aggregation: Aggregation) -> str:
        """The new weights with the largest change."""
        if not aggregation.decrypted:
            return self.tr("New weights: after the first aggregation")
        words = ", ".join(f"{w or '␣'} {num(v, 3)}" for w, v in aggregation.decrypted)
        return self.tr("New weights (largest changes): {0}").format(words)

    def key(self, aggregation: Aggregation) -> str:
        """The key line."""
        return self.tr("Key: {0} bits; a ciphertext (a number below n²) takes {1} bytes, a float 8 bytes: ×{2}").format(
            aggregation.key_bits, aggregation.ciphertext_bytes, f"{aggregation.ciphertext_bytes / 8:g}")

    def costs(self, aggregation: Aggregation) -> list[str]:
        """What the last round cost, and what encrypting only the changed weights saves."""
        if aggregation.round is None:
            return [self.tr("Costs: after the first encrypted round")]
        loc = QLocale()
        sent = aggregation.encryptions * aggregation.ciphertext_bytes
        plain = 3 * aggregation.weights * 8
        lines = [self.tr("Round {0}: {1} encryptions, {2} of ciphertexts sent (the models as floats: {3})").format(
            aggregation.round + 1, loc.toString(aggregation.encryptions), size(sent), size(plain))]
        s = aggregation.seconds
        lines.append(self.tr("Seconds: key {0} · encrypt {1} · add {2} · decrypt {3} · {4} per encryption").format(
            seconds(s.get("keygen")), seconds(s.get("encrypt")), seconds(s.get("add")), seconds(s.get("decrypt")),
            seconds(aggregation.per_encryption)))
        every, changed = aggregation.all_encryptions, aggregation.changed_encryptions
        if every and changed:
            saved = 100 * (1 - changed / every)
            if aggregation.encrypt == "changed":
                lines.append(self.tr("Only the changed weights: {0} instead of {1} encryptions ({2} % fewer); the "
                                     "owner sees which words each client changed").format(
                    loc.toString(changed), loc.toString(every), f"{saved:.0f}"))
            else:
                lines.append(self.tr("Encrypting only the changed weights would need {0} instead of {1} encryptions "
                                     "({2} % fewer), but would show the owner which words each client changed").format(
                    loc.toString(changed), loc.toString(every), f"{saved:.0f}"))
        return lines

    def accuracy(self, aggregation: Aggregation) -> list[str]:
        """The round's accuracy, plain averaging's and the book's decryption's."""
        if aggregation.round is None:
            return []
        same = {True: self.tr("the same weights, bit for bit"), False: self.tr("not the same weights"),
                None: "–"}[aggregation.same_as_plain]
        lines = [self.tr("Test accuracy after round {0}: {1}; plain averaging: {2} — {3}").format(
            aggregation.round + 1, percent(aggregation.test_accuracy), percent(aggregation.average_accuracy), same)]
        lines.append(self.tr("The book's Dec(Sue) ÷ 3 would score {0}: Sue's own model, since ÷ 3 flips no "
                             "prediction (the sign of each e-mail's sum stays)").format(
            percent(aggregation.q24_accuracy)))
        return lines

    def progress(self, aggregation: Aggregation) -> str:
        """The stage under way."""
        stage = aggregation.stage
        if stage.startswith("encrypt "):
            what = self.tr("{0} encrypts the model").format(self.names.name(stage.split(" ", 1)[1]))
        else:
            what = {"keygen": self.tr("making the key pair"), "add": self.tr("adding the encrypted models"),
                    "decrypt": self.tr("decrypting"), "compare": self.tr("comparing with plain averaging")}.get(
                stage, stage)
        if aggregation.total:
            return self.tr("{0}: {1} of {2}").format(what, QLocale().toString(aggregation.done),
                                                     QLocale().toString(aggregation.total))
        return what

    def empty(self) -> str:
        """No encrypted aggregation in this experiment."""
        return self.tr("This experiment aggregates nothing encrypted: the view shows ch15.paillier")

    def describe(self, aggregation: Aggregation) -> str:
        """The whole view as text."""
        parts = [self.key(aggregation)]
        for key in (*CLIENTS, SUM):
            parts.append(f"{self.row_name(key)}: {self.row_line(aggregation, key)}.")
        parts.append(self.decryption(aggregation) + ".")
        parts.extend(line + "." for line in self.costs(aggregation) + self.accuracy(aggregation))
        if aggregation.stage:
            parts.append(self.progress(aggregation) + ".")
        return " ".join(parts)
