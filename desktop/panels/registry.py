"""The extra docked panels, in the order their docks are created (one line per panel)."""

from __future__ import annotations

from desktop.panels import PanelSpec


def panels() -> list[PanelSpec]:
    """Every extra panel; each module's spec() gives its PanelSpec."""
    specs: list[PanelSpec] = []
    return specs
