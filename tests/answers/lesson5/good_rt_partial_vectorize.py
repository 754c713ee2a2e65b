"""Lesson 5 answer with functools.partial, np.vectorize and lambdas bound to names."""
import functools
import math

import numpy as np


def _logistic_slope(z, steepness):
    s = 1 / (1 + math.exp(-steepness * z))
    return steepness * s * (1 - s)


dsigmoid = np.vectorize(functools.partial(_logistic_slope, steepness=1.0))
drelu = lambda z: np.vectorize(lambda v: 1.0 if v > 0 else 0.0)(z)  # noqa: E731


def _backward(da, z, a_prev, W, dact, *, reduce=np.sum):
    dz = da * dact(z)
    return a_prev.T @ dz, reduce(dz, axis=0), dz @ W.T


backward_layer = functools.partial(_backward, reduce=np.sum)
