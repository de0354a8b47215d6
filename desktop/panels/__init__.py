"""The window's fixed panels: the controls, the course (lesson), the math strip and the code panel.

They are always there, whatever the page; the pictures that pages choose between live in desktop/views/.
"""
