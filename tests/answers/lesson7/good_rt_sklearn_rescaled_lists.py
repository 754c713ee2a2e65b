"""Lesson 7 answer: LinearSVC-free scikit-learn SVC on plain lists, support vectors from
decision_function, the line returned as a list of Python floats."""
from sklearn.svm import SVC


def max_margin_line(points, labels):
    points = [list(map(float, p)) for p in points]
    labels = [int(t) for t in labels]
    model = SVC(kernel="linear", C=1e10, tol=1e-10).fit(points, labels)
    a, b = (float(v) for v in model.coef_[0])
    return [a, b, float(model.intercept_[0])]


def support_vectors(points, labels):
    model = SVC(kernel="linear", C=1e10, tol=1e-10).fit(points, labels)
    scores = model.decision_function(points)
    return sorted(i for i, (s, t) in enumerate(zip(scores, labels)) if abs(s * t - 1) < 1e-3)
