"""Lesson 5 with a wrong backward_layer: every gradient twice too large (2σ(1−σ)-style)."""
import numpy as np


def dsigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)


def drelu(z):
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


def backward_layer(da, z, a_prev, W, dact):
    dz = 2 * da * dact(z)
    return a_prev.T @ dz, dz.sum(axis=0), dz @ W.T
