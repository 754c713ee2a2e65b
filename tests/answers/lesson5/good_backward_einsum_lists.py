"""Lesson 5 answer: backward_layer with einsum, returning lists and db of shape (1, n)."""
import numpy as np


def dsigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)


def drelu(z):
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


def backward_layer(da, z, a_prev, W, dact):
    dz = np.asarray(da) * dact(np.asarray(z))
    dW = np.einsum("bi,bo->io", a_prev, dz)
    db = dz.sum(axis=0, keepdims=True)
    da_prev = np.einsum("bo,io->bi", dz, W)
    return [dW.tolist(), db.tolist(), da_prev.tolist()]
