"""Lesson 5 answer with scipy.special.expit, np.heaviside and a list as the return value."""
import numpy as np
from scipy.special import expit


def dsigmoid(z):
    s = expit(z)
    return s - s**2


def drelu(z):
    return np.heaviside(z, 1.0)


def backward_layer(da, z, a_prev, W, dact):
    dz = np.multiply(da, dact(z))
    dW = np.tensordot(a_prev, dz, axes=([0], [0]))
    db = np.add.reduce(dz, axis=0, keepdims=True)
    da_prev = np.matmul(dz, np.transpose(W))
    return [dW, db, da_prev]
