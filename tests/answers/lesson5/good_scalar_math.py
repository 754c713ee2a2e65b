"""Scalar activation derivatives with math.exp (backward_layer uses numpy)."""

import math

import numpy as np

def dsigmoid(z):
    s = 1 / (1 + math.exp(-z))
    return s * (1 - s)


def drelu(z):
    return 1.0 if z > 0 else 0.0


def backward_layer(da, z, a_prev, W, dact):
    dz = da * dact(z)
    return a_prev.T @ dz, dz.sum(axis=0), dz @ W.T
