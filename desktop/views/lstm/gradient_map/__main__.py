"""Preview: python -m desktop.views.lstm.gradient_map [experiment id]"""

from desktop.views import preview
from desktop.views.lstm.gradient_map import GradientMapPanel

preview(GradientMapPanel, "ch14.char-lstm", (900, 480))
