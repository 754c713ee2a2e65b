"""Lesson 5 answer in pure Python: math.exp and nested loops over lists, no numpy at all."""
import math


def dsigmoid(z):
    s = 1.0 / (1.0 + math.exp(-z))
    return s * (1.0 - s)


def drelu(z):
    return 1 if z > 0 else 0


def backward_layer(da, z, a_prev, W, dact):
    batch, n_in, n_out = len(a_prev), len(W), len(W[0])
    dz = [[da[i][k] * float(dact(z[i][k])) for k in range(n_out)] for i in range(batch)]
    dW = [[sum(a_prev[i][j] * dz[i][k] for i in range(batch)) for k in range(n_out)] for j in range(n_in)]
    db = [sum(dz[i][k] for i in range(batch)) for k in range(n_out)]
    da_prev = [[sum(dz[i][k] * W[j][k] for k in range(n_out)) for j in range(n_in)] for i in range(batch)]
    return dW, db, da_prev
