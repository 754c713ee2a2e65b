"""Lesson 6 returning the critical points as a sentence."""
import sympy

x = sympy.Symbol("x", real=True)


def dlog(x):
    return 1 / x


def critical_points(func, lo, hi):
    points = sympy.solveset(sympy.diff(func(x), x), x, sympy.Interval(lo, hi))
    return "critical points: " + ", ".join(str(p) for p in points)


def classify_critical_point(func, x0):
    second = sympy.diff(func(x), x, 2).subs(x, x0)
    if second > 0:
        return "minimum"
    if second < 0:
        return "maximum"
    return "neither"
