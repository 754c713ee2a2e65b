"""Lesson 7 forgetting the offset c: the best line through the origin cannot separate the task."""
import numpy as np
from scipy.optimize import minimize


def max_margin_line(points, labels):
    points, labels = np.asarray(points, float), np.asarray(labels, float)
    result = minimize(lambda v: np.sum(np.maximum(0, 1 - labels * (points @ v))) + v @ v, np.ones(2))
    a, b = result.x
    return a, b, 0.0


def support_vectors(points, labels):
    points, labels = np.asarray(points, float), np.asarray(labels, float)
    constraint = {"type": "ineq", "fun": lambda v: labels * (points @ v[:2] + v[2]) - 1}
    v = minimize(lambda v: v[0] ** 2 + v[1] ** 2, np.zeros(3), constraints=[constraint],
                 method="SLSQP", options={"ftol": 1e-12}).x
    return [int(i) for i in np.flatnonzero(np.abs(labels * (points @ v[:2] + v[2]) - 1) < 1e-4)]
