"""One module per chapter of the book; each exports EXPERIMENTS, a tuple of Experiment classes."""
