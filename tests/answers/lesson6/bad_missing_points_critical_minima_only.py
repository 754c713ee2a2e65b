"""Lesson 6 keeping only the points where f″ > 0 (the minima): the maxima go missing."""
import sympy

x = sympy.Symbol("x", real=True)


def dlog(x):
    return 1 / x


def critical_points(func, lo, hi):
    expression = func(x)
    points = sympy.solveset(sympy.diff(expression, x), x, sympy.Interval(lo, hi))
    return [float(p) for p in points if sympy.diff(expression, x, 2).subs(x, p) > 0]


def classify_critical_point(func, x0):
    expression = func(x)
    for order in range(2, 8):
        value = sympy.diff(expression, x, order).subs(x, x0)
        if abs(float(value)) > 1e-9:
            if order % 2 == 1:
                return "neither"
            return "minimum" if value > 0 else "maximum"
    return "neither"
