"""A message bar above the diagram for events the learner should read (divergence)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.theme import colours


class Banner(QFrame):
    """Title, explanation and two offers (log scale, reset); hidden until something happens."""

    log_requested = Signal()
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        c = colours()
        self.setStyleSheet(
            f"#banner {{ background: {c.warning_bg.name()}; border-bottom: 1px solid {c.grid.name()}; }}")
        self.title = QLabel()
        self.title.setObjectName("banner_title")
        self.title.setStyleSheet("font-weight: 600;")
        self.text = QLabel()
        self.text.setObjectName("banner_text")
        self.text.setWordWrap(True)
        self.log_button = QPushButton()
        self.log_button.setObjectName("banner_log")
        self.log_button.clicked.connect(self.log_requested)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("banner_reset")
        self.reset_button.clicked.connect(self.reset_requested)
        self.close_button = QPushButton("×")
        self.close_button.setObjectName("banner_close")
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.dismiss)
        texts = QVBoxLayout()
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        row.addLayout(texts, 1)
        row.addWidget(self.log_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.close_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Button texts in the current language."""
        self.log_button.setText(self.tr("Log scale"))
        self.log_button.setToolTip(self.tr("Show the error on a logarithmic axis"))
        self.reset_button.setText(self.tr("Reset"))
        self.close_button.setToolTip(self.tr("Dismiss"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_divergence(self, title: str, text: str, offer_log: bool) -> None:
        """Show a divergence message."""
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleDescription(f"{title}. {text}")
        self.log_button.setVisible(offer_log)
        self.reset_button.show()
        self.show()

    def show_info(self, title: str, text: str) -> None:
        """Show a note that asks for no action (e.g. MNIST in sample mode)."""
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleDescription(f"{title}. {text}")
        self.log_button.hide()
        self.reset_button.hide()
        self.show()

    def hide_log_offer(self) -> None:
        """The plot is on log scale already."""
        self.log_button.hide()

    def dismiss(self) -> None:
        """Hide the banner."""
        self.hide()
