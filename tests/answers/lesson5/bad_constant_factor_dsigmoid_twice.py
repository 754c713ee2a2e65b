"""The circulated 2·σ(1−σ)."""

import math

import numpy as np

def dsigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return 2 * s * (1 - s)


def drelu(z):
    return (np.asarray(z) > 0).astype(float)


def backward_layer(da, z, a_prev, W, dact):
    dz = da * dact(z)
    return a_prev.T @ dz, dz.sum(axis=0), dz @ W.T
