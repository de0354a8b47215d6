"""Preview: python -m desktop.views.federated.leaks [experiment id]."""

from desktop.views import preview
from desktop.views.federated.leaks import LeakPanel

preview(LeakPanel, "ch15.federated-hack", (800, 420))
