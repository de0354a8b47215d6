"""The main window's panels. A panel takes the runner in its constructor and never imports another panel."""
