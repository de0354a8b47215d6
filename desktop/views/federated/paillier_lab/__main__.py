"""Preview: python -m desktop.views.federated.paillier_lab [experiment id]."""

from desktop.views import preview
from desktop.views.federated.paillier_lab import LabPanel

preview(LabPanel, "ch15.paillier", (800, 520))
