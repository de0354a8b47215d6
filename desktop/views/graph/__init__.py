"""Views of the chapter-13 framework's computation graphs (chapters 13-15)."""
