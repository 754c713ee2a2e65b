# Lesson 7, written as a script: the KKT conditions solved exactly for every candidate set of
# support vectors (2 or 3 points), plain lists for results, prints and a plot at the top level.
import itertools

import matplotlib.pyplot as plt
import numpy as np


def kkt_solution(points, labels, chosen):
    """Solve 2w = sum(l_i y_i x_i), sum(l_i y_i) = 0, y_i (w.x_i + c) = 1 for the chosen points."""
    k = len(chosen)
    system = np.zeros((3 + k, 3 + k))
    rhs = np.zeros(3 + k)
    system[0, 0] = system[1, 1] = 2
    for j, i in enumerate(chosen):
        x, y, t = points[i][0], points[i][1], labels[i]
        system[0, 3 + j], system[1, 3 + j] = -t * x, -t * y
        system[2, 3 + j] = t
        system[3 + j, :3] = [t * x, t * y, t]
        rhs[3 + j] = 1
    try:
        solution = np.linalg.solve(system, rhs)
    except np.linalg.LinAlgError:
        return None
    return solution[:3], solution[3:]


def max_margin_line(points, labels):
    best = None
    for size in (2, 3):
        for chosen in itertools.combinations(range(len(points)), size):
            found = kkt_solution(points, labels, chosen)
            if found is None or min(found[1]) < -1e-9:
                continue
            a, b, c = found[0]
            margins = [labels[i] * (a * points[i][0] + b * points[i][1] + c) for i in range(len(points))]
            if min(margins) > 1 - 1e-9 and (best is None or a * a + b * b < best[0] - 1e-12):
                best = (a * a + b * b, [float(a), float(b), float(c)])
    return best[1]


def support_vectors(points, labels):
    a, b, c = max_margin_line(points, labels)
    return [i for i in range(len(points))
            if abs(labels[i] * (a * points[i][0] + b * points[i][1] + c) - 1) < 1e-6]


pts = np.array([(-1, -1), (-3, -1), (0, 0), (1, 2), (2, 1), (3, 3)], float)
ys = np.array([-1, -1, -1, 1, 1, 1])
print("line:", max_margin_line(pts, ys))
print("support vectors:", support_vectors(pts, ys))
plt.scatter(pts[:, 0], pts[:, 1], c=ys)
plt.show()
