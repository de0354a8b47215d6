"""Grokking Lab's desktop application: every Qt widget lives here."""
