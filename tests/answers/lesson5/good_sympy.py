"""SymPy-friendly sigmoid derivative (works on symbols too)."""

import numpy as np
import sympy as sp

def dsigmoid(z):
    s = 1 / (1 + sp.exp(-z))
    return s * (1 - s)


def drelu(z):
    return np.where(np.asarray(z, dtype=float) > 0, 1.0, 0.0)


def backward_layer(da, z, a_prev, W, dact):
    dz = da * dact(z)
    return a_prev.T @ dz, dz.sum(axis=0), dz @ W.T
