"""Lesson 7 answer: the line from scikit-learn's SVC with a huge C as a tuple of floats; the
support vectors from its dual coefficients (λᵢ > 0) or a margin of 1, as a set of numpy ints."""
import numpy as np
from sklearn.svm import SVC


def max_margin_line(points, labels):
    svc = SVC(kernel="linear", C=1e8, tol=1e-10).fit(np.asarray(points), np.asarray(labels))
    return float(svc.coef_[0, 0]), float(svc.coef_[0, 1]), float(svc.intercept_[0])


def support_vectors(points, labels):
    svc = SVC(kernel="linear", C=1e8, tol=1e-10).fit(np.asarray(points), np.asarray(labels))
    alphas = np.zeros(len(points))
    alphas[svc.support_] = np.abs(svc.dual_coef_[0])
    a, b, c = max_margin_line(points, labels)
    margins = np.asarray(labels) * (np.asarray(points) @ [a, b] + c)
    return {np.int64(i) for i in range(len(points)) if alphas[i] > 1e-8 or abs(margins[i] - 1) < 1e-6}
