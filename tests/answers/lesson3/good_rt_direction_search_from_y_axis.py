"""Lesson 3 answer: the circulated direction search (angle from the +y axis: dx = sin θ, dy = cos θ),
0.1° steps, pure-Python loop with math."""
import math


def f(x, y):
    return x**2 + y**2


def gradient(x, y):
    return 2 * x, 2 * y


def numeric_gradient(func, x, y):
    step = 1e-4
    here = func(x, y)
    best_rate, best_theta = -math.inf, 0.0
    for tenth in range(3600):
        theta = math.radians(tenth / 10)
        rate = (func(x + step * math.sin(theta), y + step * math.cos(theta)) - here) / step
        if rate > best_rate:
            best_rate, best_theta = rate, theta
    return best_rate * math.sin(best_theta), best_rate * math.cos(best_theta)
