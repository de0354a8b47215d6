"""A plain description of a network for diagrams: layers of units and the weight matrices between them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Layer:
    """One layer: unit labels, current values (None before the first prediction), optional activation."""

    name: str
    units: tuple[str, ...]
    values: np.ndarray | None = None
    activation: str | None = None
    goals: np.ndarray | None = None
    code_name: str = ""
    #: (height, width) when the layer's units are the pixels of an image, e.g. (28, 28) for MNIST.
    image_shape: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.values is not None:
            self.values = np.asarray(self.values, dtype=float).reshape(-1)
        if self.goals is not None:
            self.goals = np.asarray(self.goals, dtype=float).reshape(-1)

    @property
    def size(self) -> int:
        """Number of units."""
        return len(self.units)


@dataclass
class Weights:
    """A weight matrix from layer `source` to layer `target`; rows are target units, columns source units."""

    name: str
    source: int
    target: int
    values: np.ndarray
    frozen: np.ndarray | None = None
    last_delta: np.ndarray | None = None
    code_name: str = ""

    def __post_init__(self) -> None:
        self.values = np.asarray(self.values, dtype=float)
        if self.last_delta is not None:
            self.last_delta = np.asarray(self.last_delta, dtype=float).reshape(self.values.shape)

    @property
    def shape(self) -> tuple[int, int]:
        """(target units, source units)."""
        return tuple(self.values.shape)  # type: ignore[return-value]


@dataclass
class Network:
    """Layers in order from input to output, and the weights between them."""

    layers: list[Layer]
    weights: list[Weights] = field(default_factory=list)


@dataclass
class DataTable:
    """A small data set shown as a table: one row per example (e.g. the streetlights)."""

    inputs: np.ndarray  # examples x input units
    goals: np.ndarray  # examples x output units
    input_names: tuple[str, ...]
    goal_names: tuple[str, ...]
    current: int | None = None  # the example the next iteration uses
