"""Chapters 3-7: the network diagram and the pictures of single weights, data tables and image weights."""
