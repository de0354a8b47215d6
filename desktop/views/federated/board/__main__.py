"""Preview: python -m desktop.views.federated.board [experiment id]."""

from desktop.views import preview
from desktop.views.federated.board import BoardPanel

preview(BoardPanel, "ch15.federated", (900, 420))
