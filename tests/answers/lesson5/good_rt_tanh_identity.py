"""Lesson 5 answer using σ′(z) = ¼·(1 − tanh²(z/2)) and ReLU′ = sign(max(z, 0)); a tuple of tolist()s."""
import numpy as np


def dsigmoid(z):
    return 0.25 * (1 - np.tanh(np.divide(z, 2)) ** 2)


def drelu(z):
    return np.sign(np.maximum(z, 0))


def backward_layer(da, z, a_prev, W, dact):
    dz = np.asarray(da) * np.asarray(dact(z))
    dW = np.einsum("ni,nk->ik", a_prev, dz)
    db = dz.sum(0)
    da_prev = np.einsum("nk,ik->ni", dz, W)
    return dW.tolist(), tuple(db.tolist()), da_prev.tolist()
