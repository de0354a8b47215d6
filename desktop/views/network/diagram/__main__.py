from desktop.views import preview
from desktop.views.network.diagram import DiagramPanel

preview(DiagramPanel, "ch03.stacked", (900, 520))
