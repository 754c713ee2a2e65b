"""Script style: prints the check value."""

import numpy as np
import matplotlib.pyplot as plt

def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]], dtype=float)
    sig = _sigmoid(A @ np.array([x, y], dtype=float))
    return (sig * (1 - sig))[:, None] * A


print(jacobian(0.3, -0.7, 0.3456, 0.8216, 0.3304, -1.3032, 0.9054, 0.4464))
plt.imshow(jacobian(0.3, -0.7, 0.3456, 0.8216, 0.3304, -1.3032, 0.9054, 0.4464))
plt.show()
