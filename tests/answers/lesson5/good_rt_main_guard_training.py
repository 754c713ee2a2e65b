"""Lesson 5 answer with a training run under `if __name__ == "__main__":` (it must not run in check)."""
import matplotlib.pyplot as plt
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def dsigmoid(z):
    return sigmoid(z) * (1 - sigmoid(z))


def relu(z):
    return np.maximum(z, 0)


def drelu(z):
    return np.where(z > 0, 1.0, 0.0)


def backward_layer(da, z, a_prev, W, dact):
    dz = da * dact(z)
    dW = a_prev.T @ dz
    db = np.sum(dz, axis=0, keepdims=True)
    da_prev = dz @ W.T
    return dW, db, da_prev


if __name__ == "__main__":
    from sklearn.datasets import make_circles

    X, y = make_circles(n_samples=1000, factor=0.5, noise=0.1, random_state=0)
    y = y.reshape(-1, 1)
    rng = np.random.default_rng(0)
    sizes = [2, 16, 16, 1]
    Ws = [rng.normal(0, np.sqrt(2 / m), (m, n)) for m, n in zip(sizes, sizes[1:])]
    bs = [np.zeros((1, n)) for n in sizes[1:]]
    losses = []
    for epoch in range(150):
        activations, zs = [X], []
        for i, (W, b) in enumerate(zip(Ws, bs)):
            zs.append(activations[-1] @ W + b)
            act = sigmoid if i == len(Ws) - 1 else relu
            activations.append(act(zs[-1]))
        p = np.clip(activations[-1], 1e-12, 1 - 1e-12)
        losses.append(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))))
        da = (p - y) / (p * (1 - p)) / len(X)
        for i in reversed(range(len(Ws))):
            dact = dsigmoid if i == len(Ws) - 1 else drelu
            dW, db, da = backward_layer(da, zs[i], activations[i], Ws[i], dact)
            Ws[i] -= 1.0 * dW
            bs[i] -= 1.0 * db
    print("final loss", losses[-1])
    plt.plot(losses)
    plt.show()
