"""Lesson 6 with minimum and maximum swapped (f″ > 0 called a maximum)."""
import sympy

x = sympy.Symbol("x", real=True)


def dlog(x):
    return 1 / x


def critical_points(func, lo, hi):
    return sorted(float(p) for p in sympy.solveset(sympy.diff(func(x), x), x, sympy.Interval(lo, hi)))


def classify_critical_point(func, x0):
    second = sympy.diff(func(x), x, 2).subs(x, x0)
    if second > 0:
        return "maximum"
    if second < 0:
        return "minimum"
    return "neither"
