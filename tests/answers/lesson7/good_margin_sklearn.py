"""Lesson 7 answer: scikit-learn's linear SVC with a huge C (a hard margin)."""
from sklearn.svm import SVC


def _fit(points, labels):
    return SVC(kernel="linear", C=1e6).fit(points, labels)


def max_margin_line(points, labels):
    model = _fit(points, labels)
    (a, b), c = model.coef_[0], model.intercept_[0]
    return a, b, c


def support_vectors(points, labels):
    return _fit(points, labels).support_
