"""Network diagram in the three pictures of chapter 7: full (units and links), blocks (vectors and matrices)
and letters (l0 —W0→ l1 with the formulas). All live; selecting a layer or matrix in one picture selects it
in the others; click a link to edit its weight, right-click to freeze it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.views import ViewSpec, network_of
from desktop.views.network.diagram.common import MAX_NODES, STYLES, fixed, parse_weight
from desktop.views.network.diagram.items import GridItem, ImageLayerItem, LinkItem, NodeItem
from desktop.views.network.diagram.panel import DiagramPanel

__all__ = ["MAX_NODES", "STYLES", "DiagramPanel", "GridItem", "ImageLayerItem", "LinkItem", "NodeItem", "applies",
           "fixed", "parse_weight", "spec"]

#: The smallest readable size (width, height) in pixels.
MINIMUM = (360, 220)


def applies(experiment: object) -> bool:
    """True for experiments that describe their layers and weights (`network()`)."""
    return network_of(experiment) is not None


def spec() -> ViewSpec:
    """The network diagram: the main view of chapters 3-7."""
    return ViewSpec("diagram", lambda: QCoreApplication.translate("DiagramPanel", "Network diagram"), DiagramPanel,
                    MINIMUM, applies, rank=10)
