"""Lesson 7 calling every point a support vector."""
import numpy as np
from scipy.optimize import minimize


def max_margin_line(points, labels):
    points, labels = np.asarray(points, float), np.asarray(labels, float)
    constraint = {"type": "ineq", "fun": lambda v: labels * (points @ v[:2] + v[2]) - 1}
    return tuple(minimize(lambda v: v[0] ** 2 + v[1] ** 2, np.zeros(3), constraints=[constraint],
                          method="SLSQP", options={"ftol": 1e-12}).x)


def support_vectors(points, labels):
    return list(range(len(points)))
