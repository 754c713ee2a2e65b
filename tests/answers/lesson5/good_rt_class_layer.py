"""Lesson 5 answer organised as classes; the required names are bound methods and static methods."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


class Sigmoid:
    @staticmethod
    def forward(z: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-z))

    @classmethod
    def derivative(cls, z: np.ndarray) -> np.ndarray:
        s = cls.forward(z)
        return s * (1.0 - s)


class ReLU:
    def derivative(self, z):
        return np.greater(z, 0).astype(np.float64)


@dataclass
class DenseBackward:
    keep_dims: bool = False

    def __call__(self, da, z, a_prev, W, dact):
        dz = da * dact(z)
        return a_prev.T @ dz, dz.sum(axis=0, keepdims=self.keep_dims), dz @ W.T


dsigmoid = Sigmoid.derivative
drelu = ReLU().derivative
backward_layer = DenseBackward(keep_dims=True)
