"""Lesson 7 using the perpendicular bisector of the two class means (separates, but not max-margin)."""
import numpy as np
from scipy.optimize import minimize


def max_margin_line(points, labels):
    points, labels = np.asarray(points, float), np.asarray(labels)
    plus, minus = points[labels == 1].mean(axis=0), points[labels == -1].mean(axis=0)
    normal = plus - minus
    c = -normal @ (plus + minus) / 2
    scale = np.min(labels * (points @ normal + c))
    return tuple(np.append(normal, c) / scale)


def support_vectors(points, labels):
    points, labels = np.asarray(points, float), np.asarray(labels, float)
    constraint = {"type": "ineq", "fun": lambda v: labels * (points @ v[:2] + v[2]) - 1}
    v = minimize(lambda v: v[0] ** 2 + v[1] ** 2, np.zeros(3), constraints=[constraint],
                 method="SLSQP", options={"ftol": 1e-12}).x
    return [int(i) for i in np.flatnonzero(np.abs(labels * (points @ v[:2] + v[2]) - 1) < 1e-4)]
