"""Every view of the window, in the order of the View menu: one line per view module.

This list is the single source: the window builds its tabs from it, the View menu lists it, and the course
checks the view names of lesson pages against it. Each module declares its own `spec()` (a ViewSpec).
"""

from __future__ import annotations

from desktop.views import ViewSpec
from desktop.views.federated import board, encrypted, leaks, paillier_lab, spam_words
from desktop.views.graph import computation
from desktop.views.language import analogy, cbow, nearest, perplexity, review_search, rows, unrolled, word_map
from desktop.views.lstm import bptt, chain_lab, gradient_map, lstm_cell, reading, sampling
from desktop.views.mnist import activations, confusion, digits, kernels
from desktop.views.network import diagram, landscape, streetlights, weight_images
from desktop.views.plots import error_plot

MODULES = (
    diagram,
    error_plot,
    landscape,
    streetlights,
    weight_images,
    digits,
    kernels,
    confusion,
    activations,
    computation,
    rows,
    nearest,
    word_map,
    analogy,
    cbow,
    review_search,
    unrolled,
    perplexity,
    board,
    leaks,
    encrypted,
    spam_words,
    paillier_lab,
    chain_lab,
    gradient_map,
    sampling,
    reading,
    bptt,
    lstm_cell,
)

#: Names pages may give that are not views but the window's fixed strips (shown when named, see Page.panels).
STRIPS = ("math", "code")


def specs() -> list[ViewSpec]:
    """Every view's declaration, in menu order."""
    return [module.spec() for module in MODULES]


def keys() -> tuple[str, ...]:
    """The names lesson pages may use for views."""
    return tuple(spec.key for spec in specs())


def get(key: str) -> ViewSpec:
    """The view called `key` (KeyError if there is none)."""
    for spec in specs():
        if spec.key == key:
            return spec
    raise KeyError(key)
