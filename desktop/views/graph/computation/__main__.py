"""Preview: python -m desktop.views.graph.computation [experiment id]"""

from desktop.views import preview
from desktop.views.graph.computation import GraphPanel

preview(GraphPanel, "ch13.autograd-sequential", (1000, 600))
