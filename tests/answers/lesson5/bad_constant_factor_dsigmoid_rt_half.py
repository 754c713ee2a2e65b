"""Wrong: a stray factor ½ in the sigmoid derivative."""
import numpy as np


def dsigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return 0.5 * s * (1 - s)


def drelu(z):
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


def backward_layer(da, z, a_prev, W, dact):
    dz = da * dact(z)
    return a_prev.T @ dz, dz.sum(axis=0), dz @ W.T

