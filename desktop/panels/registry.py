"""The extra docked panels, in the order their docks are created (one line per panel)."""

from __future__ import annotations

from desktop.panels import PanelSpec
from desktop.panels import activations as activations_panel
from desktop.panels import confusion as confusion_panel
from desktop.panels import digits as digits_panel
from desktop.panels import kernels as kernels_panel
from desktop.panels import landscape as landscape_panel
from desktop.panels import streetlights as streetlights_panel
from desktop.panels import weight_images as weight_images_panel


def panels() -> list[PanelSpec]:
    """Every extra panel; each module's spec() gives its PanelSpec."""
    specs: list[PanelSpec] = []
    specs.append(landscape_panel.spec())
    specs.append(streetlights_panel.spec())
    specs.append(weight_images_panel.spec())
    specs.append(digits_panel.spec())
    specs.append(kernels_panel.spec())
    specs.append(confusion_panel.spec())
    specs.append(activations_panel.spec())
    return specs
