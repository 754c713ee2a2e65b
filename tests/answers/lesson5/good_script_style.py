"""Script style: a quick plot of both derivatives."""

import numpy as np
import matplotlib.pyplot as plt

def dsigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)


def drelu(z):
    return (np.asarray(z) > 0).astype(float)


def backward_layer(da, z, a_prev, W, dact):
    dz = da * dact(z)
    return a_prev.T @ dz, dz.sum(axis=0), dz @ W.T


zs = np.linspace(-6, 6, 200)
plt.plot(zs, dsigmoid(zs))
plt.plot(zs, drelu(zs))
plt.show()
print("dsigmoid(0) =", dsigmoid(0.0))
