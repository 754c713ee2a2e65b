"""Lesson 6 answer with only the standard library: a scan for sign changes of a central
difference, refined by hand-written bisection."""
import math


def dlog(x):
    return x ** -1


def slope(func, x, h=1e-6):
    return (func(x + h) - func(x - h)) / (2 * h)


def bisect(g, left, right, steps=60):
    g_left = g(left)
    for _ in range(steps):
        middle = (left + right) / 2
        g_middle = g(middle)
        if g_middle == 0:
            return middle
        if (g_middle < 0) == (g_left < 0):
            left, g_left = middle, g_middle
        else:
            right = middle
    return (left + right) / 2


def critical_points(func, lo, hi):
    n = 3000
    xs = [lo + (hi - lo) * i / n for i in range(n + 1)]
    g = lambda t: slope(func, t)  # noqa: E731
    roots = []
    for a, b in zip(xs, xs[1:]):
        if g(a) == 0:
            roots.append(a)
        elif g(a) * g(b) < 0:
            roots.append(bisect(g, a, b))
    return roots


def classify_critical_point(func, x0):
    h = 1e-4
    second = (func(x0 + h) - 2 * func(x0) + func(x0 - h)) / h**2
    if second > 1e-3:
        return "minimum"
    if second < -1e-3:
        return "maximum"
    return "neither"
