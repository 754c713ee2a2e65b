"""Lesson 6 adding the interval's ends, as if they were critical points."""
import sympy

x = sympy.Symbol("x", real=True)


def dlog(x):
    return 1 / x


def critical_points(func, lo, hi):
    inside = sympy.solveset(sympy.diff(func(x), x), x, sympy.Interval(lo, hi))
    return sorted([lo, hi] + [float(p) for p in inside])


def classify_critical_point(func, x0):
    expression = func(x)
    for order in range(2, 8):
        value = sympy.diff(expression, x, order).subs(x, x0)
        if abs(float(value)) > 1e-9:
            if order % 2 == 1:
                return "neither"
            return "minimum" if value > 0 else "maximum"
    return "neither"
