# Lesson 7 as a straight script: the six points, the solution and a figure at the top level;
# labels as a Python list of ints, the line as a tuple of numpy float64, lambdas bound to names.
import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import minimize

objective = lambda v: v[0] ** 2 + v[1] ** 2  # noqa: E731


def max_margin_line(points, labels):
    X = np.array(points, dtype=float)
    y = np.array(labels, dtype=float)
    g = lambda v: y * (X[:, 0] * v[0] + X[:, 1] * v[1] + v[2]) - 1  # noqa: E731
    res = minimize(objective, [0.0, 0.0, 0.0], method="SLSQP", constraints=({"type": "ineq", "fun": g},),
                   options={"ftol": 1e-12})
    a, b, c = res.x
    return a, b, c


def support_vectors(points, labels):
    a, b, c = max_margin_line(points, labels)
    sv = []
    for i, ((x, y), t) in enumerate(zip(points, labels)):
        if round(t * (a * x + b * y + c), 4) == 1.0:
            sv.append(i)
    return sv


points = [(-1, -1), (-3, -1), (0, 0), (1, 2), (2, 1), (3, 3)]
labels = [-1, -1, -1, 1, 1, 1]
print("line:", max_margin_line(points, labels))
print("support vectors:", support_vectors(points, labels))
plt.scatter(*zip(*points), c=labels)
plt.show()
