# Lesson 5 as a script: explicit loops over the batch, scalar derivatives with math, prints.
import math

import numpy as np


def dsigmoid(z):
    s = 1 / (1 + math.exp(-z))
    return s * (1 - s)


def drelu(z):
    return 1.0 if z > 0 else 0.0


def backward_layer(da, z, a_prev, W, dact):
    batch, n_out = np.shape(da)
    n_in = np.shape(a_prev)[1]
    dW = np.zeros((n_in, n_out))
    db = np.zeros(n_out)
    da_prev = np.zeros((batch, n_in))
    for sample in range(batch):
        for k in range(n_out):
            dz = da[sample][k] * float(dact(z[sample][k]))
            db[k] += dz
            for i in range(n_in):
                dW[i][k] += a_prev[sample][i] * dz
                da_prev[sample][i] += dz * W[i][k]
    return dW, db, da_prev


rng = np.random.default_rng(0)
print(backward_layer(rng.normal(size=(2, 1)), rng.normal(size=(2, 1)), rng.normal(size=(2, 3)),
                     rng.normal(size=(3, 1)), lambda z: 1.0))
