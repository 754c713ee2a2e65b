"""Lesson 7 answer in exact rational arithmetic with fractions.Fraction and no libraries: for a
pair of opposite-class points the best line is their perpendicular bisector; for three points
(two of one class) the line is parallel to the pair. The feasible candidate with the smallest
a² + b² is the max-margin line."""
from fractions import Fraction
from itertools import combinations


def _scaled(a, b, c, points, labels):
    """Scale (a, b, c) so that the smallest t·(a·x + b·y + c) is exactly 1; None if not separating."""
    margins = [t * (a * x + b * y + c) for (x, y), t in zip(points, labels)]
    low = min(margins)
    if low <= 0:
        return None
    return a / low, b / low, c / low


def _candidates(points, labels):
    n = len(points)
    for i, j in combinations(range(n), 2):
        (x1, y1), (x2, y2) = points[i], points[j]
        if labels[i] != labels[j]:
            a, b = x2 - x1, y2 - y1  # normal along the segment, line through the midpoint
            c = -(a * (x1 + x2) + b * (y1 + y2)) / 2
            yield a, b, c
        else:
            for k in range(n):
                if labels[k] == labels[i]:
                    continue
                a, b = y1 - y2, x2 - x1  # normal of the line through i and j
                c_pair = -(a * x1 + b * y1)
                c_k = -(a * points[k][0] + b * points[k][1])
                yield a, b, (c_pair + c_k) / 2


def max_margin_line(points, labels):
    pts = [(Fraction(str(float(x))), Fraction(str(float(y)))) for x, y in points]
    ts = [int(t) for t in labels]
    best = None
    for a, b, c in _candidates(pts, ts):
        for sign in (1, -1):
            line = _scaled(sign * a, sign * b, sign * c, pts, ts)
            if line is not None and (best is None or line[0] ** 2 + line[1] ** 2 < best[0] ** 2 + best[1] ** 2):
                best = line
    return best


def support_vectors(points, labels):
    a, b, c = max_margin_line(points, labels)
    pts = [(Fraction(str(float(x))), Fraction(str(float(y)))) for x, y in points]
    return [i for i, ((x, y), t) in enumerate(zip(pts, labels)) if int(t) * (a * x + b * y + c) == 1]
