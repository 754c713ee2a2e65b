"""Wrong: the constraint written with the wrong sign (≤ −1): infeasible, SLSQP gives up on a non-separating line."""
import numpy as np
from scipy.optimize import minimize


def _solve(points, labels):
    P, t = np.asarray(points, float), np.asarray(labels, float)
    cons = {"type": "ineq", "fun": lambda v: t * (P @ v[:2] + v[2]) - 1}
    res = minimize(lambda v: v[0] ** 2 + v[1] ** 2, np.zeros(3), constraints=[cons], method="SLSQP",
                   options={"ftol": 1e-12})
    return res.x


def max_margin_line(points, labels):
    P, t = np.asarray(points, float), np.asarray(labels, float)
    cons = {"type": "ineq", "fun": lambda v: 1 - t * (P @ v[:2] + v[2])}
    res = minimize(lambda v: v[0] ** 2 + v[1] ** 2, np.zeros(3), constraints=[cons], method="SLSQP")
    return tuple(res.x)


def support_vectors(points, labels):
    a, b, c = _solve(points, labels)
    margins = np.asarray(labels) * (np.asarray(points) @ [a, b] + c)
    return list(np.flatnonzero(np.abs(margins - 1) < 1e-4))
