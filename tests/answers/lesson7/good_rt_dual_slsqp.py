"""Lesson 7 answer through the dual problem: maximise Σλ − ¼ΣΣλᵢλⱼtᵢtⱼ⟨xᵢ,xⱼ⟩ with λ ≥ 0 and
Σλᵢtᵢ = 0 (SLSQP), then w = ½Σλᵢtᵢxᵢ and c from the support vectors; numpy arrays out."""
import numpy as np
from scipy.optimize import minimize


def _dual(points, labels):
    X, t = np.asarray(points, float), np.asarray(labels, float)
    K = (X @ X.T) * np.outer(t, t)
    result = minimize(lambda lam: 0.25 * lam @ K @ lam - lam.sum(), np.zeros(len(t)),
                      jac=lambda lam: 0.5 * K @ lam - 1,
                      bounds=[(0, None)] * len(t),
                      constraints=[{"type": "eq", "fun": lambda lam: lam @ t, "jac": lambda lam: t}],
                      method="SLSQP", options={"ftol": 1e-15, "maxiter": 500})
    lam = result.x
    w = 0.5 * (lam * t) @ X
    support = lam > 1e-6 * lam.max()
    c = np.mean(t[support] - X[support] @ w)
    return np.array([w[0], w[1], c]), X, t


def max_margin_line(points, labels):
    return _dual(points, labels)[0]


def support_vectors(points, labels):
    line, X, t = _dual(points, labels)
    margins = t * (X @ line[:2] + line[2])
    return np.flatnonzero(np.isclose(margins, 1.0, atol=1e-5))
