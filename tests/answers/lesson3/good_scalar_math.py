"""Scalar-only answer; the numeric gradient is the lesson's direction search."""

import math

import numpy as np

def f(x, y):
    return math.pow(x, 2) + math.pow(y, 2)


def gradient(x, y):
    return 2 * float(x), 2 * float(y)


def numeric_gradient(func, x, y):
    """The lesson's direction search (angle from the +x axis), with a central difference."""
    step = 1e-5
    best_rate, best_angle = -math.inf, 0.0
    for tenth in range(3600):
        angle = math.radians(tenth / 10)
        dx, dy = math.cos(angle), math.sin(angle)
        rate = (func(x + step * dx, y + step * dy) - func(x - step * dx, y - step * dy)) / (2 * step)
        if rate > best_rate:
            best_rate, best_angle = rate, angle
    # refine around the best angle
    low, high = best_angle - math.radians(0.1), best_angle + math.radians(0.1)
    for _ in range(60):
        third = (high - low) / 3
        a, b = low + third, high - third
        rate_a = (func(x + step * math.cos(a), y + step * math.sin(a)) - func(x - step * math.cos(a), y - step * math.sin(a))) / (2 * step)
        rate_b = (func(x + step * math.cos(b), y + step * math.sin(b)) - func(x - step * math.cos(b), y - step * math.sin(b))) / (2 * step)
        if rate_a < rate_b:
            low = a
        else:
            high = b
    angle = (low + high) / 2
    rate = (func(x + step * math.cos(angle), y + step * math.sin(angle)) - func(x - step * math.cos(angle), y - step * math.sin(angle))) / (2 * step)
    return rate * math.cos(angle), rate * math.sin(angle)
