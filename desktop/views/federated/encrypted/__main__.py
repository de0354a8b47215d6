"""Preview: python -m desktop.views.federated.encrypted [experiment id]."""

from desktop.views import preview
from desktop.views.federated.encrypted import EncryptedPanel

preview(EncryptedPanel, "ch15.paillier", (800, 420))
