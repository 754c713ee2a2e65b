"""Lesson 7 answer with a plot under `if __name__ == "__main__":`; the line as a numpy matrix row,
the support vectors as a tuple."""
import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import minimize


def max_margin_line(points, labels):
    P, t = np.asarray(points, dtype=float), np.asarray(labels, dtype=float)
    cons = {"type": "ineq", "fun": lambda v: t * (P @ v[:2] + v[2]) - 1.0}
    best = minimize(lambda v: np.dot(v[:2], v[:2]), x0=np.array([0.0, 0.0, 0.0]), method="SLSQP",
                    constraints=[cons], options={"ftol": 1e-13, "maxiter": 400})
    return np.matrix(best.x)


def support_vectors(points, labels):
    line = np.asarray(max_margin_line(points, labels)).ravel()
    margins = np.asarray(labels) * (np.asarray(points) @ line[:2] + line[2])
    return tuple(int(i) for i in np.argsort(margins) if margins[i] < 1 + 1e-4)


if __name__ == "__main__":
    pts = np.array([[-1, -1], [-3, -1], [0, 0], [1, 2], [2, 1], [3, 3]], float)
    ys = np.array([-1, -1, -1, 1, 1, 1])
    a, b, c = np.asarray(max_margin_line(pts, ys)).ravel()
    xs = np.linspace(-3, 3, 2)
    plt.scatter(pts[:, 0], pts[:, 1], c=ys)
    plt.plot(xs, -(a * xs + c) / b)
    plt.show()
