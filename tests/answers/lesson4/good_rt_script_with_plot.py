"""Lesson 4 answer, script style: prints the check value and draws J's entries along a line."""
import matplotlib.pyplot as plt
import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]])
    e = np.exp(-(A @ [x, y]))
    return (e / (1 + e) ** 2)[:, None] * A


print(np.round(jacobian(0.3, -0.7, 0.3456, 0.8216, 0.3304, -1.3032, 0.9054, 0.4464), 6))
xs = np.linspace(-3, 3, 50)
entries = np.array([jacobian(v, -0.7, 0.3456, 0.8216, 0.3304, -1.3032, 0.9054, 0.4464).ravel() for v in xs])
plt.plot(xs, entries)
plt.show()
