"""The Paillier lab: pick a key size, type two numbers, and watch them encrypted, added while encrypted, and the sum
decrypted, with every number of the scheme (n, g, λ, μ, r, g^m, r^n, the ciphertexts, c^λ, L(u)), the exact float
encoding, the ciphertext size against a float's, and the time of each step. Key generation and encryption run in
slices from a timer (SliceDriver): the window keeps drawing, and Cancel stops them. Keys are kept per size for the
session (a 2048-bit key takes seconds to make); "New key" makes another."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.federated.paillier_lab.driver import SliceDriver
from desktop.views.federated.paillier_lab.texts import LabTexts
from desktop.widgets import ElidedLabel, FlowLayout, spoken
from learning.crypto.lab import STAGES, LabRun, lab_steps
from learning.crypto.paillier import KEY_SIZES, KeyPair
from learning.crypto.slices import Progress

#: The numbers the lab starts with: the book's demo, Enc(5) + Enc(3) → "The Answer: 8".
START = ("5", "3")
#: The key sizes compared by the "sizes_compared" action: the book's and a realistic one.
COMPARED = (128, 2048)


def parse(text: str) -> float | None:
    """A typed number (a decimal comma or a typographic minus is accepted), or None."""
    text = text.strip().replace(",", ".").replace("−", "-")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class LabPanel(QWidget):
    """The Paillier lab. `acted` reports "lab_run" (a run finished), "lab_cancelled" and "sizes_compared" (runs at
    128 and 2048 bits are both on the table)."""

    acted = Signal(str)

    def __init__(self, runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("paillier_lab")
        self.texts = LabTexts(self)
        #: Key pairs made this session, by size; the last run of each size; when each key took to make.
        self.keys: dict[int, KeyPair] = {}
        self.runs: dict[int, LabRun] = {}
        self.keygen: dict[int, float] = {}
        self.last: LabRun | None = None
        self._running_bits = 0
        self._compared = False
        self.driver = SliceDriver(self)
        self.driver.progressed.connect(self._on_driver_progressed)
        self.driver.finished.connect(self._on_driver_finished)
        self.driver.failed.connect(self._on_driver_failed)
        self.driver.cancelled.connect(self._on_driver_cancelled)

        self.key_label = QLabel()
        self.key_size = QComboBox()
        self.key_size.setObjectName("lab_size")
        for bits in KEY_SIZES:
            self.key_size.addItem("", bits)
        self.a = QLineEdit(START[0])
        self.a.setObjectName("lab_a")
        self.b = QLineEdit(START[1])
        self.b.setObjectName("lab_b")
        for edit in (self.a, self.b):
            edit.setMaximumWidth(90)
            edit.setMinimumWidth(50)
        self.a_label, self.b_label = QLabel("a"), QLabel("b")
        self.run_button = QPushButton()
        self.run_button.setObjectName("lab_run")
        self.new_key = QPushButton()
        self.new_key.setObjectName("lab_new_key")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("lab_cancel")
        self.cancel_button.setEnabled(False)
        self.full = QCheckBox()
        self.full.setObjectName("lab_full")
        bar = QWidget()
        flow = FlowLayout(bar, spacing=4)
        for widget in (self.key_label, self.key_size, self.a_label, self.a, self.b_label, self.b, self.run_button,
                       self.new_key, self.cancel_button, self.full):
            flow.addWidget(widget)
        self.progress = QProgressBar()
        self.progress.setObjectName("lab_progress")
        self.progress.setMaximumHeight(self.fontMetrics().height() + 4)
        self.progress.setRange(0, len(STAGES))
        self.progress.hide()
        self.status = ElidedLabel()
        self.status.setObjectName("lab_status")
        self.status.setStyleSheet(f"color: {colours().muted.name()}")
        self.results = QTextBrowser()
        self.results.setObjectName("lab_results")
        self.results.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self.run_button.clicked.connect(self.run)
        self.new_key.clicked.connect(self.run_new_key)
        self.cancel_button.clicked.connect(self.cancel)
        self.full.toggled.connect(self._show)
        self.a.textChanged.connect(self._on_numbers_edited)
        self.b.textChanged.connect(self._on_numbers_edited)
        self.a.returnPressed.connect(self.run)
        self.b.returnPressed.connect(self.run)
        self.retranslate()

    # -- language -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        labels, tips = self.texts.labels(), self.texts.tips()
        self.key_label.setText(labels["key"])
        for index, bits in enumerate(KEY_SIZES):
            self.key_size.setItemText(index, self.texts.key_size(bits))
        for widget, name in ((self.run_button, "run"), (self.new_key, "new"), (self.cancel_button, "cancel"),
                             (self.full, "full")):
            widget.setText(labels[name])
            widget.setToolTip(tips[name])
        self.a.setToolTip(tips["a"])
        self.b.setToolTip(tips["b"])
        spoken(self.a, tips["a"])
        spoken(self.b, tips["b"])
        self.results.setAccessibleName(self.texts.title())
        if not self.driver.running:
            self._on_numbers_edited()
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- commands -------------------------------------------------------------------------------------------------
    def bits(self) -> int:
        """The key size picked."""
        return int(self.key_size.currentData())

    def set_bits(self, bits: int) -> None:
        """Pick a key size (as the picker does)."""
        self.key_size.setCurrentIndex(self.key_size.findData(bits))

    def numbers(self) -> tuple[float, float] | None:
        """The two numbers typed, or None (the status then says which is not a number)."""
        a, b = parse(self.a.text()), parse(self.b.text())
        if a is None or b is None:
            return None
        return a, b

    def run(self, new_key: bool = False) -> bool:
        """Encrypt a and b, add, decrypt, with this size's key (made first if there is none, or if `new_key`).
        False if a number is not valid."""
        numbers = self.numbers()
        if numbers is None:
            self._on_numbers_edited()
            return False
        bits = self.bits()
        keypair = None if new_key else self.keys.get(bits)
        self._running_bits = bits
        self.driver.start(lab_steps(numbers[0], numbers[1], bits, keypair))
        self._set_running(True)
        self.progress.setValue(0 if keypair is None else 1)
        self.status.setText(self.texts.stage("keygen" if keypair is None else "encrypt_a", 0))
        return True

    def run_new_key(self) -> bool:
        """Make a new key of this size, then run."""
        return self.run(new_key=True)

    def cancel(self) -> None:
        """Stop the computation under way."""
        self.driver.cancel()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.run_button.setEnabled(not running)
        self.new_key.setEnabled(not running)
        self.key_size.setEnabled(not running)

    # -- the driver -----------------------------------------------------------------------------------------------
    def _on_driver_progressed(self, progress: Progress) -> None:
        stage = progress.stage if progress.stage in STAGES else "keygen"
        self.progress.setValue(STAGES.index(stage))
        self.status.setText(self.texts.stage(stage, progress.done))

    def _on_driver_finished(self, run: LabRun) -> None:
        self._set_running(False)
        bits = run.bits
        if run.seconds["keygen"] > 0 or bits not in self.keys:
            self.keygen[bits] = run.seconds["keygen"]
        self.keys[bits] = run.keypair
        self.runs[bits] = run
        self.last = run
        self.status.setText(self.texts.done(run))
        self._show()
        self.acted.emit("lab_run")
        if all(size in self.runs for size in COMPARED) and bits in COMPARED:
            self.acted.emit("sizes_compared")

    def _on_driver_failed(self, message: str) -> None:
        self._set_running(False)
        self.status.setText(self.texts.failed(message))
        self._describe()

    def _on_driver_cancelled(self) -> None:
        self._set_running(False)
        self.status.setText(self.texts.cancelled())
        self._describe()
        self.acted.emit("lab_cancelled")

    def _on_numbers_edited(self, *_: Any) -> None:
        a, b = parse(self.a.text()), parse(self.b.text())
        bad = "a" if a is None else "b" if b is None else None
        self.run_button.setEnabled(bad is None and not self.driver.running)
        if self.driver.running:
            return
        if bad is not None:
            self.status.setText(self.texts.bad_number(bad))
        else:
            self.status.setText(self.texts.typed(a, b))  # type: ignore[arg-type]

    # -- showing --------------------------------------------------------------------------------------------------
    def _show(self, *_: Any) -> None:
        run = self.last
        if run is None:
            self.results.setHtml(f"<p>{self.texts.intro()}</p>")
        else:
            bar = self.results.verticalScrollBar()
            position = bar.value()
            self.results.setHtml(self.texts.report(run, self.full.isChecked(), self.keygen.get(run.bits), self.runs))
            bar.setValue(position)
        self._describe()

    def _describe(self) -> None:
        text = self.describe()
        self.results.setAccessibleDescription(text)
        self.setAccessibleDescription(text)

    def describe(self) -> str:
        """A text alternative: the last result, the times, and the key sizes compared."""
        return self.texts.describe(self.last, self.runs)

    def export_source(self) -> QWidget:
        """File → Export view draws the results."""
        return self.results

    def closeEvent(self, event: QEvent) -> None:  # noqa: N802
        self.driver.cancel()
        super().closeEvent(event)
