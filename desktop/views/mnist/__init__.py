"""Chapters 8-10: digits, hidden units, weights as images, kernels, confusion, activation functions."""
