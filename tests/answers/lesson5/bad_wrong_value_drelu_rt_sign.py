"""Wrong: drelu is np.sign(z), which is −1 (not 0) for negative z."""
import numpy as np


def dsigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)


def drelu(z):
    return np.sign(z)


def backward_layer(da, z, a_prev, W, dact):
    dz = da * dact(z)
    return a_prev.T @ dz, dz.sum(axis=0), dz @ W.T

