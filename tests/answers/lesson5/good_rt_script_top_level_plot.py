# Lesson 5 as a notebook-style script: top-level prints, a gradient check, a plot and plt.show().
import matplotlib.pyplot as plt
import numpy as np

z_grid = np.linspace(-6, 6, 200)


def dsigmoid(z):
    s = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
    return s * (1.0 - s)


def drelu(z):
    z = np.asarray(z, dtype=float)
    out = np.zeros_like(z)
    out[z > 0] = 1.0
    return out if out.ndim else float(out)


def backward_layer(da, z, a_prev, W, dact):
    dz = da * dact(z)
    dW = a_prev.T.dot(dz)
    db = dz.sum(axis=0)
    da_prev = dz.dot(W.T)
    return dW, db, da_prev


rng = np.random.default_rng(1)
a_prev, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
da = rng.normal(size=(4, 2))
sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
dW, db, _ = backward_layer(da, a_prev @ W + b, a_prev, W, dsigmoid)
W2 = W.copy()
W2[0, 0] += 1e-6
print("gradient check dW[0,0]:", dW[0, 0], (np.sum(da * sig(a_prev @ W2 + b)) - np.sum(da * sig(a_prev @ W + b))) / 1e-6)
plt.plot(z_grid, dsigmoid(z_grid), label="sigmoid'")
plt.plot(z_grid, drelu(z_grid), label="relu'")
plt.legend()
plt.show()
